using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>Safety alerts of the counselor's cases: resolve with a note on what was done.</summary>
public sealed class AlertsModel(AppDbContext db, HomeworkService homework) : PageModel
{
    public IReadOnlyList<SafetyAlertResponse> Resolved { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        (Resolved, _) = await HomeworkApi.AlertsAsync(db, User, SafetyAlertStatus.Resolved, null, 0, 50, ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid alertId, string? note, CancellationToken ct)
    {
        var outcome = await homework.ResolveAlertAsync(User, alertId, new ResolveAlertRequest(note), ct);
        switch (outcome.Failure)
        {
            case { Kind: FailureKind.NotFound }:
                return NotFound();
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
            case { } failure:
                TempData["Flash"] = "Not resolved: " + failure.Message;
                break;
            default:
                TempData["Flash"] = "Alert resolved.";
                break;
        }
        return Redirect("/counselor");
    }
}
