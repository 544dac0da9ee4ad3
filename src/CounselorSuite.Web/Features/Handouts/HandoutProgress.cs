using CounselorSuite.Web.Features.Progress.Charts;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The progress charts a client's handout shows: the client's own series and, in a couple case, what the
/// partner chose to share, never more. Runs inside the rendering job with the practice bound. In discreet
/// mode the charts must name no theme or dimension (neutral titles such as "Area 1"); the job refuses a
/// discreet handout whose charts do. Return no charts when there is nothing to show: the handout then says
/// nothing about progress. <see cref="ProgressChartsSource"/> fills it from the progress feature; tests put
/// their own charts in its place.
/// </summary>
public interface IHandoutProgressSource
{
    Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct);
}

/// <summary>
/// The handout's charts from the progress feature. The adapter lives here, not in Progress, so that the
/// dependency runs one way: handouts use progress, progress knows nothing of handouts.
/// </summary>
public sealed class ProgressChartsSource(Progress.ProgressCharts charts) : IHandoutProgressSource
{
    public Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct) =>
        charts.ChartsForAsync(clientId, discreet, ct);
}
