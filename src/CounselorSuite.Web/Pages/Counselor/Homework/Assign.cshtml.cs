using System.Globalization;
using CounselorSuite.Web.Features.Homework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <summary>The case page's assign form posts here; the answer is the case page again, with what happened.</summary>
public sealed class AssignModel(HomeworkService homework) : PageModel
{
    public IActionResult OnGet(Guid caseId) => Redirect($"/counselor/cases/{caseId}#homework");

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid? exerciseId, List<Guid>? clientIds, string? dueAt, string? every, int? count,
        string? note, CancellationToken ct)
    {
        DateTimeOffset? due = null;
        if (!string.IsNullOrWhiteSpace(dueAt))
        {
            // datetime-local has no zone: the form says UTC.
            if (!DateTime.TryParse(dueAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                TempData["Flash"] = "Not assigned: the due date is not a date.";
                return Redirect($"/counselor/cases/{caseId}#homework");
            }
            due = new DateTimeOffset(parsed, TimeSpan.Zero);
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
