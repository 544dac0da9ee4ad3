using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>The case page's assign form posts here; the answer is the case page again, with what happened.</summary>
public sealed class AssignModel(HomeworkService homework, ReaderTimes times) : PageModel
{
    public IActionResult OnGet(Guid caseId) => Redirect($"/counselor/cases/{caseId}#homework");

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? exerciseId, List<Guid>? clientIds, string? dueAt, string? every, int? count,
        string? note, CancellationToken ct)
    {
        DateTimeOffset? due = null;
        if (!string.IsNullOrWhiteSpace(dueAt))
        {
            // datetime-local has no zone: it is the counselor's own clock.
            switch ((await times.GetCurrentAsync(ct)).Parse(dueAt))
            {
                case LocalInput.Invalid invalid:
                    TempData["Flash"] = "Not assigned: " + invalid.Message;
                    return Redirect($"/counselor/cases/{caseId}#homework");
                case LocalInput.Valid valid:
                    due = valid.At;
                    break;
            }
        }
        var recurrence = string.IsNullOrEmpty(every) ? null : new RecurrenceRequest(every, count ?? 1);
        var outcome = await homework.AssignAsync(User, new AssignRequest(caseId, exerciseId, clientIds, due, recurrence, note), ct);
        switch (outcome.Failure)
        {
            case { Kind: FailureKind.NotFound }:
                return NotFound();
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
            case { } failure:
                TempData["Flash"] = "Not assigned: " + failure.Message;
                break;
            default:
                TempData["Flash"] = $"Assigned: {outcome.Value!.ExerciseTitle}. The clients get a neutral message that something new is in their portal.";
                break;
        }
        return Redirect($"/counselor/cases/{caseId}#homework");
    }
}
