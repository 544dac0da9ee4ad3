using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>The case's progress: each client's figures and, for a couple, both partners on one chart per dimension.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, ReaderTimes times) : CaseSectionModel
{
    public override CaseSection Section => CaseSection.Progress;

    /// <summary>The section's figures and charts; null for a reader who does not counsel the case (only its counselors see numbers).</summary>
    public CaseProgressView? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(db, clock, id, ct))
        {
            return NotFound();
        }
        if (Header.ReaderIsCounselor)
        {
            // Whose progress comes from the header (its clients, in the order they joined): one batch for the load.
            Progress = await CaseProgressView.LoadAsync(db, clock, id, Header.Kind, Header.Clients.Select(c => (c.Id, c.DisplayName)).ToList(), null,
                await ProgressPages.SettingsForAsync(times, ct), ct);
        }
        return Page();
    }
}
