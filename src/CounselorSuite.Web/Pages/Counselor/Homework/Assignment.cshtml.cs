using System.Globalization;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>
/// One assignment for its counselors: each step with the clients' submissions side by side, feedback,
/// and the controls (due date, pause, resume, cancel). Reached by the assignment's id or one item's id.
/// </summary>
public sealed class AssignmentModel(AppDbContext db, HomeworkService homework, IAuditLog audit, TimeProvider clock) : PageModel
{
    public AssignmentDetail Detail { get; private set; } = null!;
    public ExerciseVersion Version { get; private set; } = null!;
    public string CaseTitle { get; private set; } = "";
    public CaseKind CaseKind { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var target = await HomeworkAccess.ResolveAsync(db, User, id, clock.GetUtcNow(), ct);
        switch (target?.Role)
        {
            case null or HomeworkRole.Client:
                return NotFound();
            case HomeworkRole.Admin:
                return Forbid(); // answers are the case's counselors' to read
        }
        // Always the whole assignment: the side-by-side view needs every client's items.
        var whole = target with { Occurrence = null };
        Detail = await HomeworkQueries.DetailAsync(db, whole, User.UserId(), clock.GetUtcNow(), ct);
        Version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == Detail.Exercise.VersionId, ct);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == Detail.CaseId).Select(c => new { c.Title, c.Kind }).FirstAsync(ct);
        (CaseTitle, CaseKind) = (found.Title, found.Kind);
        var ids = Detail.Clients!.Select(c => c.ClientId).ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentRead, "Assignment", Detail.AssignmentId, ids), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid occurrenceId, string? comment, CancellationToken ct) =>
        After(id, await homework.ReviewAsync(User, occurrenceId, new ReviewRequest(comment), ct), "Feedback saved. The client gets a neutral message.");

    public async Task<IActionResult> OnPostDueAsync(Guid id, string? dueAt, CancellationToken ct)
    {
        DateTimeOffset? due = DateTime.TryParse(dueAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : null;
        return After(id, await homework.ChangeDueAsync(User, id, new DueDateRequest(due), ct), "Due date changed.");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? change, CancellationToken ct)
    {
        if (!Enum.TryParse<HomeworkService.StatusChange>(change, false, out var what))
        {
            return BadRequest();
        }
        return After(id, await homework.ChangeStatusAsync(User, id, what, ct), what switch
        {
            HomeworkService.StatusChange.Pause => "Paused: no reminders and no new items until you resume.",
            HomeworkService.StatusChange.Resume => "Resumed.",
            _ => "Cancelled. What was already submitted is kept.",
        });
    }

    private IActionResult After<T>(Guid id, Outcome<T> outcome, string success)
    {
        switch (outcome.Failure)
        {
            case { Kind: FailureKind.NotFound }:
                return NotFound();
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
            case { } failure:
                TempData["Flash"] = "Nothing changed: " + failure.Message;
                break;
            default:
                TempData["Flash"] = success;
                break;
        }
        return RedirectToPage(new { id });
    }

    public string AnswerText(PromptAnswer? answer) => answer switch
    {
        null => "(no answer)",
        { Text: { } text } => text,
        { Value: { } value } => value.ToString(CultureInfo.InvariantCulture),
        { Choices: { } choices } => string.Join(", ", choices),
        _ => "(no answer)",
    };
}
