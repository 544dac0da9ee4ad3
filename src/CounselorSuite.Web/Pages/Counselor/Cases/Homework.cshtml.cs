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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(db, clock, id, ct))
        {
            return NotFound();
        }
        Draft = AssignDraft.Take(TempData);
        return Page();
    }
}
