using System.Security.Claims;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// The portal's item page and the case overview still call homework commands through this class. Their page
/// models are being changed in another branch (query counts), so they move to <see cref="ClientWork"/>,
/// <see cref="HomeworkSharing"/> and <see cref="SafetyAlertCommands"/> after that merges, and this class goes
/// (issue 17). New code uses the focused classes.
/// </summary>
public sealed class HomeworkService(ClientWork work, HomeworkSharing sharing, SafetyAlertCommands alerts)
{
    public Task<Outcome<DraftResponse>> SaveDraftAsync(ClaimsPrincipal user, Guid id, DraftRequest request, CancellationToken ct) =>
        work.SaveDraftAsync(user, id, request, ct);

    public Task<Outcome<SubmitResponse>> SubmitAsync(ClaimsPrincipal user, Guid id, SubmitRequest request, string? idempotencyKey, CancellationToken ct) =>
        work.SubmitAsync(user, id, request, idempotencyKey, ct);

    public Task<Outcome<ShareResponse>> SetSharedAsync(ClaimsPrincipal user, Guid id, bool share, CancellationToken ct) =>
        sharing.SetSharedAsync(user, id, share, ct);

    public Task<Outcome<ConsentResponse>> DecideJointAsync(ClaimsPrincipal user, Guid id, ConsentRequest request, CancellationToken ct) =>
        sharing.DecideJointAsync(user, id, request, ct);

    public Task<Outcome<SafetyAlertResponse>> ResolveAlertAsync(ClaimsPrincipal user, Guid alertId, ResolveAlertRequest request, CancellationToken ct) =>
        alerts.ResolveAsync(user, alertId, request, ct);
}
