using System.Security.Claims;
using System.Text.Json;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Notes;

public sealed record AddendumResponse(Guid Id, Guid AuthorId, DateTimeOffset CreatedAt, string Text);

public sealed record NoteResponse(
    Guid Id, Guid CaseId, Guid? SessionId, string Template, IReadOnlyDictionary<string, string> Body, string State, int Version,
    Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? SignedBy, DateTimeOffset? SignedAt,
    IReadOnlyList<AddendumResponse> Addenda, IReadOnlyList<Guid> ReleasedTo);

public sealed record NoteSummary(Guid Id, Guid? SessionId, string Template, string State, Guid CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? SignedAt);

public sealed record NoteDraft(string? Template, JsonElement? Body, int? Version);

public abstract record NoteOutcome
{
    public sealed record Done(NoteResponse Note) : NoteOutcome;
    public sealed record Invalid(FieldErrors Errors) : NoteOutcome;
    public sealed record Locked(string Reason) : NoteOutcome;
    public sealed record Forbidden : NoteOutcome;
    public sealed record NotFound : NoteOutcome;
}

/// <summary>
/// Clinical notes. Readable by the case's counselors (and by admins when the practice allows it), written
/// only by the case's counselors, never reachable by a client: for anyone else a note does not exist.
/// </summary>
public sealed class NoteService(AppDbContext db, NoteProtector protector, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Notes the user may read. Every note query starts here.</summary>
    public async Task<IQueryable<Note>> ReadableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        if (user.IsAdmin() && await db.Practices.Where(p => p.Id == db.CurrentPracticeId).Select(p => p.AdminsMayReadNotes).FirstOrDefaultAsync(ct))
        {
            return db.Notes;
        }
        if (user.IsAdmin() || user.IsCounselor())
        {
            return db.Notes.Where(n => db.CaseCounselors.Any(cc => cc.CaseId == n.CaseId && cc.CounselorId == userId));
        }
        return db.Notes.Where(_ => false);
    }

    private Task<bool> WritesCaseAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var userId = user.UserId();
        return (user.IsAdmin() || user.IsCounselor())
            ? db.CaseCounselors.AnyAsync(cc => cc.CaseId == caseId && cc.CounselorId == userId, ct)
            : Task.FromResult(false);
    }

    public async Task<NoteOutcome> CreateForSessionAsync(ClaimsPrincipal user, Guid sessionId, NoteDraft draft, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.CaseId, Clients = s.Attendees.Select(a => a.ClientId).ToList() }).FirstOrDefaultAsync(ct);
        if (session is null || !await WritesCaseAsync(user, session.CaseId, ct))
        {
            return new NoteOutcome.NotFound();
        }
        return await CreateAsync(user, session.CaseId, sessionId, session.Clients, draft, ct);
    }

    public async Task<NoteOutcome> CreateForCaseAsync(ClaimsPrincipal user, Guid caseId, NoteDraft draft, CancellationToken ct)
    {
        if (!await WritesCaseAsync(user, caseId, ct))
        {
            return new NoteOutcome.NotFound();
        }
        var clients = await db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).ToListAsync(ct);
        return await CreateAsync(user, caseId, null, clients, draft, ct);
    }

    private async Task<NoteOutcome> CreateAsync(ClaimsPrincipal user, Guid caseId, Guid? sessionId, List<Guid> clients, NoteDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!NoteTemplates.TryParseTemplate(draft.Template, out var template))
        {
            return new NoteOutcome.Invalid(errors.Add("template", "Template must be DAP, SOAP or Free."));
        }
        var body = NoteTemplates.ReadBody(template, draft.Body, errors);
        if (body is null)
        {
            return new NoteOutcome.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var note = new Note
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), CaseId = caseId, SessionId = sessionId,
            Template = template, ProtectedBody = protector.Protect(db.CurrentPracticeId, NoteTemplates.Serialize(body)),
            State = NoteState.Draft, Version = 1, CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        db.Notes.Add(note);
        audit.Add(new AuditEntry(AuditActions.NoteCreated, "Note", note.Id, clients));
        await db.SaveChangesAsync(ct);
        return new NoteOutcome.Done(ToResponse(note, body));
    }

    public async Task<NoteOutcome> GetAsync(ClaimsPrincipal user, Guid noteId, CancellationToken ct)
    {
        var note = await (await ReadableAsync(user, ct)).AsNoTracking()
            .Include(n => n.Addenda).Include(n => n.Releases).FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null)
        {
            return new NoteOutcome.NotFound();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.NoteRead, "Note", note.Id, await ClientsOfAsync(note, ct)), ct);
        return new NoteOutcome.Done(ToResponse(note));
    }

    public async Task<NoteOutcome> UpdateAsync(ClaimsPrincipal user, Guid noteId, NoteDraft draft, CancellationToken ct)
    {
        var (note, failure) = await LoadForWriteAsync(user, noteId, ct);
        if (note is null)
        {
            return failure!;
        }
        var errors = new FieldErrors();
        var template = note.Template;
        if (draft.Template is not null && !NoteTemplates.TryParseTemplate(draft.Template, out template))
        {
            return new NoteOutcome.Invalid(errors.Add("template", "Template must be DAP, SOAP or Free."));
        }
        var body = NoteTemplates.ReadBody(template, draft.Body, errors);
        if (body is null)
        {
            return new NoteOutcome.Invalid(errors);
        }
        if (note.State == NoteState.Signed)
        {
            return new NoteOutcome.Locked("This note is signed and cannot change. Add an addendum instead.");
        }
        if (draft.Version is { } version && version != note.Version)
        {
            return new NoteOutcome.Locked("This note was changed elsewhere since you opened it. Reload it to see the latest text.");
        }
        note.Template = template;
        note.ProtectedBody = protector.Protect(note.PracticeId, NoteTemplates.Serialize(body));
        note.Version++;
        note.UpdatedAt = clock.GetUtcNow();
        audit.Add(new AuditEntry(AuditActions.NoteUpdated, "Note", note.Id, await ClientsOfAsync(note, ct)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new NoteOutcome.Locked("This note was changed elsewhere at the same moment. Reload it to see the latest text.");
        }
        return new NoteOutcome.Done(ToResponse(note, body));
    }

    public async Task<NoteOutcome> SignAsync(ClaimsPrincipal user, Guid noteId, CancellationToken ct)
    {
        var (note, failure) = await LoadForWriteAsync(user, noteId, ct);
        if (note is null)
        {
            return failure!;
        }
        if (note.State == NoteState.Draft)
        {
            var now = clock.GetUtcNow();
            note.State = NoteState.Signed;
            note.SignedAt = now;
            note.SignedBy = user.UserId();
            note.UpdatedAt = now;
            note.Version++;
            audit.Add(new AuditEntry(AuditActions.NoteSigned, "Note", note.Id, await ClientsOfAsync(note, ct)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new NoteOutcome.Locked("This note was changed at the same moment. Reload it and sign again.");
            }
        }
        return new NoteOutcome.Done(ToResponse(note));
    }

    /// <summary>
    /// Deletes a draft, say one started for the wrong session. A signed note is part of the record and is
    /// never deleted: corrections to it are addenda.
    /// </summary>
    public async Task<NoteOutcome?> DeleteDraftAsync(ClaimsPrincipal user, Guid noteId, CancellationToken ct)
    {
        var (note, failure) = await LoadForWriteAsync(user, noteId, ct);
        if (note is null)
        {
            return failure!;
        }
        if (note.State != NoteState.Draft)
        {
            return new NoteOutcome.Locked("A signed note is kept for good and cannot be deleted. Add an addendum to correct it.");
        }
        audit.Add(new AuditEntry(AuditActions.NoteDeleted, "Note", note.Id, await ClientsOfAsync(note, ct)));
        db.Notes.Remove(note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Signed or saved elsewhere in the meantime: the version no longer matches, so nothing was deleted.
            return new NoteOutcome.Locked("This note changed elsewhere at the same moment and was not deleted. Reload it to see it.");
        }
        return null;
    }

    public async Task<(AddendumResponse? Addendum, NoteOutcome? Failure)> AddAddendumAsync(ClaimsPrincipal user, Guid noteId, string? text, CancellationToken ct)
    {
        var (note, failure) = await LoadForWriteAsync(user, noteId, ct);
        if (note is null)
        {
            return (null, failure);
        }
        var errors = new FieldErrors().Require(text, "text", NoteTemplates.MaxFieldLength, "Text");
        if (errors.Any)
        {
            return (null, new NoteOutcome.Invalid(errors));
        }
        if (note.State != NoteState.Signed)
        {
            return (null, new NoteOutcome.Locked("A draft is edited directly; addenda are for signed notes."));
        }
        var now = clock.GetUtcNow();
        var addendum = new NoteAddendum
        {
            PracticeId = note.PracticeId, Id = Guid.CreateVersion7(now), NoteId = note.Id, AuthorId = user.UserId(), CreatedAt = now,
            ProtectedText = protector.Protect(note.PracticeId, text!.Trim()),
        };
        db.NoteAddenda.Add(addendum);
        audit.Add(new AuditEntry(AuditActions.NoteAddendumAdded, "Note", note.Id, await ClientsOfAsync(note, ct)) { Detail = $"addendum {addendum.Id}" });
        await db.SaveChangesAsync(ct);
        return (new AddendumResponse(addendum.Id, addendum.AuthorId, addendum.CreatedAt, text.Trim()), null);
    }

    /// <summary>Releases a signed note to some of the case's clients: it then appears in their data exports.</summary>
    public async Task<NoteOutcome> ReleaseAsync(ClaimsPrincipal user, Guid noteId, IReadOnlyList<Guid>? clientIds, CancellationToken ct)
    {
        var (note, failure) = await LoadForWriteAsync(user, noteId, ct);
        if (note is null)
        {
            return failure!;
        }
        var errors = new FieldErrors();
        var caseClients = await db.CaseClients.Where(c => c.CaseId == note.CaseId).Select(c => c.ClientId).ToListAsync(ct);
        if (clientIds is not { Count: > 0 })
        {
            errors.Add("clientIds", "Name the clients this note is released to.");
        }
        else if (clientIds.Any(c => !caseClients.Contains(c)))
        {
            errors.Add("clientIds", "A note can only be released to clients of its case.");
        }
        if (errors.Any)
        {
            return new NoteOutcome.Invalid(errors);
        }
        if (note.State != NoteState.Signed)
        {
            return new NoteOutcome.Locked("Sign the note before releasing it: a released note must not change.");
        }
        await db.Entry(note).Collection(n => n.Releases).LoadAsync(ct);
        var now = clock.GetUtcNow();
        var added = clientIds!.Distinct().Where(c => note.Releases.All(r => r.ClientId != c)).ToList();
        foreach (var clientId in added)
        {
            note.Releases.Add(new NoteRelease { PracticeId = note.PracticeId, NoteId = note.Id, ClientId = clientId, ReleasedBy = user.UserId(), ReleasedAt = now });
        }
        if (added.Count > 0)
        {
            audit.Add(new AuditEntry(AuditActions.NoteReleased, "Note", note.Id, added));
            await db.SaveChangesAsync(ct);
        }
        await db.Entry(note).Collection(n => n.Addenda).LoadAsync(ct);
        return new NoteOutcome.Done(ToResponse(note));
    }

    public async Task<List<NoteSummary>?> ListForCaseAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var userId = user.UserId();
        var onCase = await db.CaseCounselors.AnyAsync(cc => cc.CaseId == caseId && cc.CounselorId == userId, ct);
        var adminReads = !onCase && user.IsAdmin() && await db.Cases.AnyAsync(c => c.Id == caseId, ct)
            && await db.Practices.Where(p => p.Id == db.CurrentPracticeId).Select(p => p.AdminsMayReadNotes).FirstOrDefaultAsync(ct);
        if (!(onCase && (user.IsCounselor() || user.IsAdmin())) && !adminReads)
        {
            return null;
        }
        var readable = await ReadableAsync(user, ct);
        var notes = await readable.AsNoTracking().Where(n => n.CaseId == caseId)
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new NoteSummary(n.Id, n.SessionId, n.Template.ToString(), n.State.ToString(), n.CreatedBy, n.CreatedAt, n.UpdatedAt, n.SignedAt))
            .ToListAsync(ct);
        var clients = await db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry(AuditActions.NotesListed, "Case", caseId, clients), ct);
        return notes;
    }

    /// <summary>The note, tracked, when the user writes its case; otherwise why not (404, or 403 for a reading admin).</summary>
    private async Task<(Note? Note, NoteOutcome? Failure)> LoadForWriteAsync(ClaimsPrincipal user, Guid noteId, CancellationToken ct)
    {
        var note = await (await ReadableAsync(user, ct)).FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null)
        {
            return (null, new NoteOutcome.NotFound());
        }
        if (!await WritesCaseAsync(user, note.CaseId, ct))
        {
            return (null, new NoteOutcome.Forbidden());
        }
        return (note, null);
    }

    private async Task<List<Guid>> ClientsOfAsync(Note note, CancellationToken ct) => note.SessionId is { } sessionId
        ? await db.SessionAttendees.Where(a => a.SessionId == sessionId).Select(a => a.ClientId).ToListAsync(ct)
        : await db.CaseClients.Where(c => c.CaseId == note.CaseId).Select(c => c.ClientId).ToListAsync(ct);

    private NoteResponse ToResponse(Note note, Dictionary<string, string>? body = null)
    {
        body ??= NoteTemplates.Deserialize(note.Template, protector.Unprotect(note.PracticeId, note.ProtectedBody));
        return new NoteResponse(
            note.Id, note.CaseId, note.SessionId, note.Template.ToString(), body, note.State.ToString(), note.Version,
            note.CreatedBy, note.CreatedAt, note.UpdatedAt, note.SignedBy, note.SignedAt,
            note.Addenda.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Select(a => new AddendumResponse(a.Id, a.AuthorId, a.CreatedAt, protector.Unprotect(a.PracticeId, a.ProtectedText))).ToList(),
            note.Releases.Select(r => r.ClientId).Order().ToList());
    }
}
