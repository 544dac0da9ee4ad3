using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Notes;

/// <summary>Only signed notes a counselor released to this very client go into their export, with their addenda.</summary>
internal sealed class NotesExportContributor(AppDbContext db, NoteProtector protector) : IClientDataExportContributor
{
    public async Task ContributeAsync(ClientExportContext export, CancellationToken ct)
    {
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.State == NoteState.Signed && n.Releases.Any(r => r.ClientId == export.ClientId))
            .Include(n => n.Addenda)
            .OrderBy(n => n.SignedAt)
            .ToListAsync(ct);
        export.AddJson("notes.json", notes.Select(n => new
        {
            n.Id, n.CaseId, n.SessionId, Template = n.Template.ToString(), n.SignedAt,
            Body = NoteTemplates.Deserialize(n.Template, protector.Unprotect(n.PracticeId, n.ProtectedBody)),
            Addenda = n.Addenda.OrderBy(a => a.CreatedAt).Select(a => new { a.CreatedAt, Text = protector.Unprotect(a.PracticeId, a.ProtectedText) }),
        }).ToList());
    }
}

/// <summary>
/// Releases to the client go. Notes of a case go once every client of the case is erased; while a partner
/// remains, the case's notes are that partner's clinical record too and stay.
/// </summary>
internal sealed class NotesErasureContributor(AppDbContext db) : IClientErasureContributor
{
    public async Task EraseAsync(ClientErasureContext erasure, CancellationToken ct)
    {
        await db.NoteReleases.Where(r => r.ClientId == erasure.ClientId).ExecuteDeleteAsync(ct);
        var emptied = db.Cases.Where(c => c.Clients.Any(x => x.ClientId == erasure.ClientId)
                && c.Clients.All(x => db.ClientErasures.Any(e => e.ClientId == x.ClientId)))
            .Select(c => c.Id);
        await db.NoteAddenda.Where(a => db.Notes.Any(n => n.Id == a.NoteId && emptied.Contains(n.CaseId))).ExecuteDeleteAsync(ct);
        await db.NoteReleases.Where(r => db.Notes.Any(n => n.Id == r.NoteId && emptied.Contains(n.CaseId))).ExecuteDeleteAsync(ct);
        await db.Notes.Where(n => emptied.Contains(n.CaseId)).ExecuteDeleteAsync(ct);
    }
}
