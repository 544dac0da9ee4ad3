using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Pages.Counselor.Cases;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

public sealed class BookModel(AppDbContext db, SessionService sessions, ReaderTimes times) : PageModel
{
    [BindProperty]
    public BookSessionForm Form { get; set; } = new();

    public string CaseTitle { get; private set; } = "";
    public IReadOnlyList<SessionConflict> Conflicts { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Refusal { get; private set; }

    /// <param name="startsAt">A time to fill in, as the calendar's empty hours link here ("2026-12-08T09:00").</param>
    public async Task<IActionResult> OnGetAsync(Guid caseId, string? startsAt, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        if (DateTime.TryParseExact(startsAt, BookAtModel.InputFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            Form.StartsAt = startsAt;
        }
        return await LoadAsync(caseId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }
        var (request, start) = Form.ToRequest(await times.GetCurrentAsync(ct));
        if (request is null)
        {
            Errors = new Dictionary<string, string[]> { ["startsAt"] = [((LocalInput.Invalid)start).Message] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await sessions.BookAsync(User, caseId, request, ct);
        switch (outcome)
        {
            case SessionOutcome.Done done:
                // The case's sessions list, where the new one now is, rather than the session alone.
                var reader = await times.GetCurrentAsync(ct);
                var booked = $"Session booked for {reader.DateTime(done.Session.StartsAt)}"
                    + (done.Session.Conflicts is { Count: > 0 } ? ", overlapping another one." : ".");
                TempData[CaseSections.StatusKey] = start is LocalInput.Valid { Note: { } note } ? $"{booked} {note}" : booked;
                return RedirectToPage(CaseSections.PageOf(CaseSection.Sessions), null, new { id = caseId }, CaseSections.StatusId);
            case SessionOutcome.Invalid invalid:
                Errors = invalid.Errors.ToDictionary();
                break;
            case SessionOutcome.Conflicts conflicts:
                Conflicts = conflicts.With;
                break;
            case SessionOutcome.Refused refused:
                Refusal = refused.Reason;
                break;
            default:
                return NotFound();
        }
        Response.StatusCode = Conflicts.Count > 0 ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().ManagedBy(User).Where(c => c.Id == caseId).Select(c => new { c.Title }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        CaseTitle = found.Title;
        Form.CaseId = caseId;
        Form.CaseClients = (await db.CaseClients.AsNoTracking().Where(x => x.CaseId == caseId)
                .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(x => (x.Id, x.DisplayName)).ToList();
        return true;
    }
}
