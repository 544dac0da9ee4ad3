using CounselorSuite.Web.Features.Progress.Charts;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The progress charts a client's handout shows: the client's own series and, in a couple case, what the
/// partner chose to share, never more. Runs inside the rendering job with the practice bound. In discreet
/// mode the charts must name no theme or dimension (neutral titles such as "Area 1"); the job refuses a
/// discreet handout whose charts do. Return no charts when there is nothing to show: the handout then says
/// nothing about progress. Progress (phase 2) provides the real implementation and registers it with
/// <c>services.AddScoped&lt;IHandoutProgressSource, ...&gt;()</c>.
/// </summary>
public interface IHandoutProgressSource
{
    Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct);
}

/// <summary>Only the seam until progress series exist: no charts, so handouts leave the progress section out.</summary>
internal sealed class NoHandoutProgress : IHandoutProgressSource
{
    public Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProgressChart>>([]);
}
