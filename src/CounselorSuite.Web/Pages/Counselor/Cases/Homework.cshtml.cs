using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Pages.Counselor.Homework;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>The case's homework: assignments, adherence and the assign form (which posts to the assign page).</summary>
public sealed class HomeworkModel(AppDbContext db, TimeProvider clock) : CaseSectionModel
{
    public override CaseSection Section => CaseSection.Homework;

    /// <summary>The assign form as it was sent, when it was refused.</summary>
    public AssignDraft? Draft { get; private set; }

    /// <summary>The section's data, read in the header's batch.</summary>
    public CaseHomeworkRead Homework { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        CaseHomeworkRead? read = null;
        if (!await LoadHeaderAsync(db, clock, id, ct, batch => read = CaseHomeworkRead.AddTo(batch, db, id, CaseHomeworkRead.PageAsked(Request.Query), now)))
        {
            return NotFound();
        }
        Homework = await read!.CompleteAsync(db, id, now, ct);
        Draft = AssignDraft.Take(TempData);
        return Page();
    }
}
