using System.Globalization;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>
/// One assignment for its counselors: its steps, a page at a time, with the clients' submissions side by side,
/// feedback, and the controls (due date, pause, resume, cancel). Reached by the assignment's id or one item's id.
/// </summary>
public sealed class AssignmentModel(AppDbContext db, CounselorActions actions, IAuditLog audit, TimeProvider clock, ReaderTimes times) : PageModel
{
    public Assignment Assignment { get; private set; } = null!;
    public ExerciseVersion Version { get; private set; } = null!;
    public HomeworkQueries.AssignmentStepsPage Steps { get; private set; } = null!;
    public string CaseTitle { get; private set; } = "";
    public CaseKind CaseKind { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var target = await HomeworkAccess.ResolveAsync(db, User, id, now, ct);
        switch (target?.Role)
        {
            case null or HomeworkRole.Client:
                return NotFound();
            case HomeworkRole.Admin:
                return Forbid(); // answers are the case's counselors' to read
        }
        // The whole assignment, a page of steps at a time: a daily check-in has up to 60 steps per client.
        Assignment = target.Assignment;
        Version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == Assignment.ExerciseVersionId, ct);
        // Reached by an item's id, the page with that item.
        var page = p ?? (target.Occurrence is { } item ? HomeworkQueries.PageOfStep(item.Sequence) : null);
        Steps = await HomeworkQueries.StepsAsync(db, Assignment, User.UserId(), now, page, ct);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == Assignment.CaseId).Select(c => new { c.Title, c.Kind }).FirstAsync(ct);
        (CaseTitle, CaseKind) = (found.Title, found.Kind);
        var ids = Assignment.ClientIds.ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentRead, "Assignment", Assignment.Id, ids), ct);
        return Page();
    }

    // "p", not "page": Razor Pages keeps "page" for the page's own route value.
    public Pager StepPager => new(Steps.Page, Steps.Pages, page => $"/counselor/homework/{Assignment.Id}?p={page}",
        Earlier: "Earlier items", Later: "Later items", Id: "step-pages");

    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid occurrenceId, string? comment, int? p, CancellationToken ct) =>
        After(id, await actions.ReviewAsync(User, occurrenceId, new ReviewRequest(comment), ct), "Feedback saved. The client gets a neutral message.", p);

    public async Task<IActionResult> OnPostDueAsync(Guid id, string? dueAt, CancellationToken ct)
    {
        var typed = (await times.GetCurrentAsync(ct)).Parse(dueAt);
        if (typed is LocalInput.Invalid invalid && !string.IsNullOrWhiteSpace(dueAt))
        {
            TempData["Flash"] = "Due date not changed: " + invalid.Message;
            return RedirectToPage(new { id });
        }
        var due = (typed as LocalInput.Valid)?.At;
        return After(id, await actions.ChangeDueAsync(User, id, new DueDateRequest(due), ct), ("Due date changed. " + (typed as LocalInput.Valid)?.Note).Trim());
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? change, CancellationToken ct)
    {
        if (!EnumNames.TryParse<CounselorActions.StatusChange>(change, out var what))
        {
            return BadRequest();
        }
        return After(id, await actions.ChangeStatusAsync(User, id, what, ct), what switch
        {
            CounselorActions.StatusChange.Pause => "Paused: no reminders and no new items until you resume.",
            CounselorActions.StatusChange.Resume => "Resumed.",
            _ => "Cancelled. What was already submitted is kept.",
        });
    }

    /// <param name="p">The page of steps to go back to (feedback is written on one); none for the latest.</param>
    private IActionResult After<T>(Guid id, Outcome<T> outcome, string success, int? p = null)
    {
        if (outcome.Failure?.ToPageResult() is { } refused)
        {
            return refused;
        }
        TempData["Flash"] = outcome.Failure is { } failure ? "Nothing changed: " + failure.Message : success;
        return RedirectToPage(new { id, p });
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
