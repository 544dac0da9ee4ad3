using CounselorSuite.Web.Features.Progress.Charts;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The progress charts a client's handout shows: the client's own series and, in a couple case, what the
/// partner chose to share, never more. Runs inside the rendering job with the practice bound. In discreet
/// mode the charts must name no theme or dimension (neutral titles such as "Area 1"); the job refuses a
/// discreet handout whose charts do. Return no charts when there is nothing to show: the handout then says
/// nothing about progress. The progress feature implements it (<see cref="Progress.ProgressCharts"/>).
/// </summary>
public interface IHandoutProgressSource
{
    Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct);
}
