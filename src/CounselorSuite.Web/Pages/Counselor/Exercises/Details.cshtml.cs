using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Exercises;

[Authorize(Roles = Roles.PracticeAdmin + "," + Roles.Counselor)]
public sealed class DetailsModel(AppDbContext db, ExerciseEditor editor, MarkdownRenderer markdown) : PageModel
{
    public ExerciseDetail Exercise { get; private set; } = null!;
    public ExerciseFormModel Preview { get; private set; } = null!;
    public bool ShowingOldVersion => Exercise.Version != Exercise.CurrentVersion;
    public string? CopiedFromTitle { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Whether the reader may edit, archive and delete it: their own, or any as an admin (else they copy it).</summary>
    public bool MayChange { get; private set; }

    /// <summary>The library's review: could it be turned against a coerced partner (null for the practice's own).</summary>
    public ExerciseReview? Review { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        return await LoadAsync(id, version, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        if (await editor.CopyAsync(id, User.UserId(), ct) is not ExerciseChange.Saved copy)
        {
            return NotFound();
        }
        TempData["Flash"] = "Copied into your practice's exercises. Adapt it below; the original stays as it is.";
        return RedirectToPage("/Counselor/Exercises/Edit", new { id = copy.Id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, bool archive, CancellationToken ct)
    {
        switch (await editor.SetArchivedAsync(id, archive, ExerciseEditorRole.Of(User), ct))
        {
            case ExerciseChange.NotYours:
                return Forbid();
            case not ExerciseChange.ArchiveSet:
                return NotFound();
        }
        TempData["Flash"] = archive
            ? "Archived: it no longer shows in the library. Assignments already made keep it."
            : "Restored to the library.";
        return RedirectToPage("/Counselor/Exercises/Details", new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            if (!await LoadAsync(id, null, ct))
            {
                return NotFound();
            }
            Error = "Tick the box to confirm that you want to delete this exercise.";
            return Page();
        }
        switch (await editor.DeleteAsync(id, ExerciseEditorRole.Of(User), ct))
        {
            case ExerciseChange.NotYours:
                return Forbid();
            case ExerciseChange.Deleted:
                TempData["Flash"] = "The exercise was deleted.";
                return RedirectToPage("/Counselor/Exercises/Index");
            case ExerciseChange.Refused refused:
                await LoadAsync(id, null, ct);
                Error = refused.Reason;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, int? version, CancellationToken ct)
    {
        var detail = await ExerciseQueries.DetailAsync(db, markdown, id, version, ct);
        if (detail is null)
        {
            return false;
        }
        Exercise = detail;
        var prompts = await db.ExerciseVersions.AsNoTracking().Where(v => v.Id == detail.VersionId).Select(v => v.Prompts).FirstAsync(ct);
        Preview = detail.ToForm(prompts) with { ShowHeading = false, IdPrefix = "preview" };
        var facts = await db.Exercises.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.CreatedBy, x.SuitabilityNote, x.AfterSafetyScreening }).FirstAsync(ct);
        Review = facts.SuitabilityNote is null ? null : new ExerciseReview(facts.SuitabilityNote, facts.AfterSafetyScreening);
        MayChange = ExerciseEditorRole.Of(User).MayChange(facts.CreatedBy, detail.BuiltIn);
        if (detail.CopiedFromId is { } from)
        {
            CopiedFromTitle = await db.CurrentVersionOf(from).Select(v => v.Title).FirstOrDefaultAsync(ct);
        }
        return true;
    }
}
