using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CaseFile;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>
/// The case's first section, at the case's own address: what needs attention now and each client's progress
/// at a glance, with links into the sections. Open safety alerts are resolved here.
/// </summary>
public sealed class OverviewModel(AppDbContext db, SafetyAlertCommands alerts, TimeProvider clock) : CaseSectionModel
{
    public override CaseSection Section => CaseSection.Overview;

    public CaseOverview Overview { get; private set; } = null!;

    /// <summary>The alert whose resolve form was sent, and its note, kept when it was refused.</summary>
    [BindProperty] public Guid AlertId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? assignments, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // Links from before the sections existed paged the homework list here.
        return assignments is { } page
            ? RedirectToPage(CaseSections.PageOf(CaseSection.Homework), new { id, assignments = page })
            : Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(db, clock, id, ct))
        {
            return NotFound();
        }
        // Only an alert of this case: the form names the case in its address.
        if (!await db.SafetyAlerts.AnyAsync(a => a.Id == AlertId && a.CaseId == id, ct))
        {
            return NotFound();
        }
        var outcome = await alerts.ResolveAsync(User, AlertId, new ResolveAlertRequest(Note), ct);
        if (outcome.Failure is { } failure)
        {
            if (failure.ToPageResult() is { } refused)
            {
                return refused;
            }
            ModelState.AddModelError(nameof(Note), failure.Message);
            Overview = await CaseOverview.LoadAsync(db, id, User.UserId(), clock.GetUtcNow(), ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Done(id, "Alert resolved. The note on what was done is kept with it.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Batched<CaseOverview?> overview = null!;
        if (!await LoadHeaderAsync(db, clock, id, ct, batch => overview = CaseOverview.AddTo(batch, db, id, User.UserId(), clock.GetUtcNow())))
        {
            return false;
        }
        Overview = overview.Value!;
        return true;
    }
}
