using System.Globalization;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>The client's Ready handouts, as the PDFs they downloaded (password-protected ones stay protected).</summary>
internal sealed class HandoutsExportContributor(AppDbContext db) : IClientDataExportContributor
{
    public async Task ContributeAsync(ClientExportContext export, CancellationToken ct)
    {
        var ready = await db.Handouts.AsNoTracking()
            .Where(h => h.ClientId == export.ClientId && h.Status == HandoutStatus.Ready)
            .OrderBy(h => h.CreatedAt)
            .Select(h => new { h.Id, h.SessionDate, h.CreatedAt, h.ReadyAt, h.Discreet, h.PasswordProtected, h.Sha256 })
            .ToListAsync(ct);
        if (ready.Count == 0)
        {
            return;
        }
        var listed = new List<object>();
        foreach (var handout in ready)
        {
            // One at a time, so a client with many handouts never holds them all in memory twice.
            var content = await db.Handouts.AsNoTracking().Where(h => h.Id == handout.Id).Select(h => h.Content).FirstAsync(ct);
            var file = $"handouts/{handout.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{handout.Id.ToString("N")[^8..]}.pdf";
            export.AddFile(file, content!);
            listed.Add(new { handout.Id, File = file, handout.SessionDate, handout.CreatedAt, handout.ReadyAt, handout.PasswordProtected, handout.Sha256 });
        }
        export.AddJson("handouts/handouts.json", listed);
    }
}

/// <summary>Handouts carry the client's name and progress: they go with the client.</summary>
internal sealed class HandoutsErasureContributor(AppDbContext db) : IClientErasureContributor
{
    public async Task EraseAsync(ClientErasureContext erasure, CancellationToken ct) =>
        await db.Handouts.Where(h => h.ClientId == erasure.ClientId).ExecuteDeleteAsync(ct);
}
