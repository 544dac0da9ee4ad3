using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Pages.Counselor.Cases;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>
/// The homework section's assign form posts here. Assigned: back to the section, whose list starts with the new
/// assignment, with a confirmation. Refused: back to the form, filled in as it was sent, with the reason.
/// </summary>
public sealed class AssignModel(HomeworkAssigning assigning, ReaderTimes times) : PageModel
{
    public IActionResult OnGet(Guid caseId) => RedirectToPage(CaseSections.PageOf(CaseSection.Homework), new { id = caseId });

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? exerciseId, List<Guid>? clientIds, string? dueAt, string? every, int? count,
        string? note, CancellationToken ct)
    {
        IActionResult Refused(string reason)
        {
            new AssignDraft(exerciseId, clientIds ?? [], dueAt, every, count, note, reason).Keep(TempData);
            return RedirectToPage(CaseSections.PageOf(CaseSection.Homework), null, new { id = caseId }, "assign-form");
        }

        DateTimeOffset? due = null;
        if (!string.IsNullOrWhiteSpace(dueAt))
        {
            // datetime-local has no zone: it is the counselor's own clock.
            switch ((await times.GetCurrentAsync(ct)).Parse(dueAt))
            {
                case LocalInput.Invalid invalid:
                    return Refused(invalid.Message);
                case LocalInput.Valid valid:
                    due = valid.At;
                    break;
            }
        }
        var recurrence = string.IsNullOrEmpty(every) ? null : new RecurrenceRequest(every, count ?? 1);
        var outcome = await assigning.AssignAsync(User, new AssignRequest(caseId, exerciseId, clientIds, due, recurrence, note), ct);
        if (outcome.Failure is { } failure)
        {
            return failure.ToPageResult() ?? Refused(failure.Message);
        }
        TempData[CaseSections.StatusKey] =
            $"Assigned: {outcome.Value!.ExerciseTitle}. The clients get a neutral message that something new is in their portal.";
        return RedirectToPage(CaseSections.PageOf(CaseSection.Homework), null, new { id = caseId }, CaseSections.StatusId);
    }
}
