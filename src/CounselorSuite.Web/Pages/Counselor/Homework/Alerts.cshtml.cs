using CounselorSuite.Web.Features.CounselorHome;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>
/// Safety alerts of the user's cases (the main menu leads here): the open ones, each to resolve with a note on
/// what was done, and those resolved in the last <see cref="ResolvedAlerts.Days"/> days.
/// </summary>
public sealed class AlertsModel(AppDbContext db, SafetyAlertCommands alerts) : PageModel
{
    public IReadOnlyList<ResolvedAlert> Resolved { get; private set; } = [];
    public HomeTime Time { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = HomeTime.For(HttpContext);
        Resolved = await ResolvedAlerts.RecentAsync(db, User, Time.Now, ct);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid alertId, string? note, CancellationToken ct)
    {
        var outcome = await alerts.ResolveAsync(User, alertId, new ResolveAlertRequest(note), ct);
        if (outcome.Failure is { } failure)
        {
            if (failure.ToPageResult() is { } refused)
            {
                return refused;
            }
            TempData["Flash"] = "Not resolved: " + failure.Message;
            return RedirectToPage(null, null, $"alert-{alertId}");
        }
        TempData["Flash"] = "Alert resolved. It is listed under Resolved below.";
        return RedirectToPage(null, null, "resolved-alerts");
    }
}
