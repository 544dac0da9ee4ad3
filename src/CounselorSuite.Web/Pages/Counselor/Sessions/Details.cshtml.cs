using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

public sealed class DetailsModel(AppDbContext db, SessionService sessions, NoteService notes, HandoutService handouts, IAuditLog audit) : PageModel
{
    public SessionResponse Session { get; private set; } = null!;
    public string CaseTitle { get; private set; } = "";
    public List<string> Attendees { get; private set; } = [];
    public List<NoteSummary> Notes { get; private set; } = [];
    public IReadOnlyList<HandoutResponse> Handouts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();
    public bool WritesNotes { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.SessionRead, "Session", id, Session.ClientIds), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, string? cancelledBy, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        var outcome = await sessions.ChangeStatusAsync(User, id, new StatusChange(status, cancelledBy), ct);
        if (outcome is SessionOutcome.NotFound)
        {
            return NotFound();
        }
        if (outcome is SessionOutcome.Done)
        {
            TempData["Flash"] = "Session updated.";
            return RedirectToPage(new { id });
        }
        Problem = outcome switch
        {
            SessionOutcome.Refused refused => refused.Reason,
            SessionOutcome.Invalid invalid => string.Join(" ", invalid.Errors.ToDictionary().SelectMany(e => e.Value)),
            _ => "That did not work.",
        };
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? template, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        var outcome = await notes.CreateForSessionAsync(User, id, new NoteDraft(template, null, null), ct);
        return outcome switch
        {
            NoteOutcome.Done done => RedirectToPage("/Counselor/Notes/Edit", new { id = done.Note.Id }),
            NoteOutcome.Invalid => BadRequest(),
            _ => NotFound(),
        };
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var session = await sessions.Managed(User).AsNoTracking().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return false;
        }
        Session = SessionService.ToResponse(session);
        CaseTitle = await db.Cases.Where(c => c.Id == session.CaseId).Select(c => c.Title).FirstAsync(ct);
        Handouts = await handouts.ForSessionAsync(User, id, ct);
        var handoutClients = Handouts.Select(h => h.ClientId).Distinct().ToList();
        ClientNames = await db.Users.AsNoTracking().Where(u => handoutClients.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Attendees = await db.Users.Where(u => Session.ClientIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(ct);
        var userId = User.UserId();
        WritesNotes = await db.CaseCounselors.AnyAsync(cc => cc.CaseId == session.CaseId && cc.CounselorId == userId, ct);
        Notes = await (await notes.ReadableAsync(User, ct)).AsNoTracking().Where(n => n.SessionId == id)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new NoteSummary(n.Id, n.SessionId, n.Template.ToString(), n.State.ToString(), n.CreatedBy, n.CreatedAt, n.UpdatedAt, n.SignedAt))
            .ToListAsync(ct);
        return true;
    }

    public bool Is(SessionStatus status) => Session.Status == status.ToString();
}
