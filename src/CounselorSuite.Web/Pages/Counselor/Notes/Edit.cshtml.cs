using System.Text.Json;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Notes;

public sealed class EditModel(AppDbContext db, NoteService notes) : PageModel
{
    public NoteResponse Note { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public string CaseTitle { get; private set; } = "";
    public List<(Guid Id, string Name)> CaseClients { get; private set; } = [];
    public Dictionary<Guid, string> People { get; private set; } = [];
    public string? Problem { get; private set; }

    /// <summary>The note's session for its header (when, how long, who came); null for a note on the case itself.</summary>
    public NoteSessionHeader? Session { get; private set; }

    public IReadOnlyList<(string Key, string Label)> Fields => NoteTemplates.Fields[Enum.Parse<NoteTemplate>(Note.Template)];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>The Save button: works without JavaScript.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, int version, CancellationToken ct)
    {
        var outcome = await notes.UpdateAsync(User, id, new NoteDraft(null, BodyFromForm(), version), ct);
        return await AfterAsync(id, outcome, "Draft saved.", ct);
    }

    /// <summary>The autosave script's target: answers JSON so the page can show "saved".</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, int version, CancellationToken ct)
    {
        var outcome = await notes.UpdateAsync(User, id, new NoteDraft(null, BodyFromForm(), version), ct);
        return outcome switch
        {
            NoteOutcome.Done done => new JsonResult(new { version = done.Note.Version, savedAt = done.Note.UpdatedAt }),
            NoteOutcome.Locked locked => new JsonResult(new { error = locked.Reason }) { StatusCode = StatusCodes.Status409Conflict },
            NoteOutcome.Invalid invalid => new JsonResult(new { errors = invalid.Errors.ToDictionary() }) { StatusCode = StatusCodes.Status400BadRequest },
            NoteOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, int version, CancellationToken ct)
    {
        var saved = await notes.UpdateAsync(User, id, new NoteDraft(null, BodyFromForm(), version), ct);
        if (saved is not NoteOutcome.Done)
        {
            return await AfterAsync(id, saved, "", ct);
        }
        return await AfterAsync(id, await notes.SignAsync(User, id, ct), "Note signed. It can no longer change; add an addendum for corrections.", ct);
    }

    public async Task<IActionResult> OnPostAddendumAsync(Guid id, string? text, CancellationToken ct)
    {
        var (addendum, failure) = await notes.AddAddendumAsync(User, id, text, ct);
        return await AfterAsync(id, addendum is not null ? null : failure, "Addendum added.", ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, List<Guid> clientIds, CancellationToken ct) =>
        await AfterAsync(id, await notes.ReleaseAsync(User, id, clientIds, ct), "Released: the note will be in these clients' data exports.", ct);

    /// <summary>Deletes a draft (the page asks first); back to the session or case it belonged to.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var home = await db.Notes.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.SessionId, n.CaseId }).FirstOrDefaultAsync(ct);
        var outcome = await notes.DeleteDraftAsync(User, id, ct);
        if (outcome is not null || home is null)
        {
            return await AfterAsync(id, outcome ?? new NoteOutcome.NotFound(), "", ct);
        }
        TempData["Flash"] = "Draft note deleted.";
        return home.SessionId is { } sessionId
            ? RedirectToPage("/Counselor/Sessions/Details", new { id = sessionId })
            : RedirectToPage("/Counselor/Cases/Overview", new { id = home.CaseId });
    }

    private JsonElement BodyFromForm()
    {
        var fields = Request.Form.Keys.Where(k => k.StartsWith("body.", StringComparison.Ordinal))
            .ToDictionary(k => k["body.".Length..], k => Request.Form[k].ToString());
        return JsonSerializer.SerializeToElement(fields);
    }

    private async Task<IActionResult> AfterAsync(Guid id, NoteOutcome? outcome, string success, CancellationToken ct)
    {
        switch (outcome)
        {
            case null or NoteOutcome.Done:
                TempData["Flash"] = success;
                return RedirectToPage(new { id });
            case NoteOutcome.NotFound:
                return NotFound();
            case NoteOutcome.Forbidden:
                return Forbid();
            case NoteOutcome.Locked locked:
                Problem = locked.Reason;
                break;
            case NoteOutcome.Invalid invalid:
                Problem = string.Join(" ", invalid.Errors.ToDictionary().SelectMany(e => e.Value));
                break;
        }
        var page = await ShowAsync(id, ct);
        Response.StatusCode = outcome is NoteOutcome.Locked ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            // Clients get the same answer as for a note that does not exist.
            return NotFound();
        }
        if (await notes.GetAsync(User, id, ct) is not NoteOutcome.Done done)
        {
            return NotFound();
        }
        Note = done.Note;
        var userId = User.UserId();
        MayWrite = await db.CaseCounselors.AnyAsync(cc => cc.CaseId == Note.CaseId && cc.CounselorId == userId, ct);
        CaseTitle = await db.Cases.Where(c => c.Id == Note.CaseId).Select(c => c.Title).FirstAsync(ct);
        CaseClients = (await db.CaseClients.Where(c => c.CaseId == Note.CaseId)
                .Join(db.Users, c => c.ClientId, u => u.Id, (c, u) => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(x => (x.Id, x.DisplayName)).ToList();
        Session = Note.SessionId is { } sessionId ? await NoteSessionHeader.LoadAsync(db, sessionId, ct) : null;
        var ids = Note.Addenda.Select(a => a.AuthorId).Append(Note.CreatedBy).Append(Note.SignedBy ?? Guid.Empty).Distinct().ToList();
        People = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return Page();
    }

    public string NameOf(Guid? id) => id is { } value && People.TryGetValue(value, out var name) ? name : "someone";
}

public sealed record NoteSessionHeader(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, IReadOnlyList<string> Attendees)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public static async Task<NoteSessionHeader?> LoadAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes, Clients = s.Attendees.Select(a => a.ClientId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }
        var names = await db.Users.AsNoTracking().Where(u => session.Clients.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(ct);
        return new NoteSessionHeader(session.Id, session.StartsAt, session.DurationMinutes, names);
    }
}
