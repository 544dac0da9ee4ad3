using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.DataRights;

public sealed record ExportResponse(Guid Id, Guid ClientId, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt,
    long? SizeBytes, string? Sha256, string? Error);

public abstract record ExportRequestOutcome
{
    public sealed record Accepted(ExportResponse Export) : ExportRequestOutcome;
    public sealed record Erased : ExportRequestOutcome;
    public sealed record NotFound : ExportRequestOutcome;
}

public sealed class ExportService(AppDbContext db, IAuditLog audit, IBackgroundJobClient jobs, TimeProvider clock, UnitOfWork work)
{
    public static IQueryable<ExportResponse> Project(IQueryable<ClientExport> exports) => exports.Select(e => new ExportResponse(
        e.Id, e.ClientId, e.Status.ToString(), e.RequestedAt, e.ReadyAt, e.SizeBytes, e.Sha256, e.Error));

    public async Task<ExportRequestOutcome> RequestAsync(ClaimsPrincipal user, Guid clientId, CancellationToken ct)
    {
        if (!await ClientReach.CanReachAsync(db, user, clientId, ct))
        {
            return new ExportRequestOutcome.NotFound();
        }
        if (await db.ClientErasures.AnyAsync(e => e.ClientId == clientId, ct))
        {
            return new ExportRequestOutcome.Erased();
        }
        // A second click while one is being made gets the same export rather than another job.
        var pending = await Project(db.ClientExports.AsNoTracking()
                .Where(e => e.ClientId == clientId && (e.Status == ExportStatus.Queued || e.Status == ExportStatus.Running)))
            .FirstOrDefaultAsync(ct);
        if (pending is not null)
        {
            return new ExportRequestOutcome.Accepted(pending);
        }

        var now = clock.GetUtcNow();
        var export = new ClientExport
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), ClientId = clientId, RequestedBy = user.UserId(),
            RequestedAt = now, Status = ExportStatus.Queued,
        };
        db.ClientExports.Add(export);
        audit.Add(new AuditEntry(AuditActions.ExportRequested, "ClientExport", export.Id, [clientId]));
        await db.SaveChangesAsync(ct);
        // Enqueued once the row is committed, so the job always finds it.
        work.AfterCommit(() => jobs.Enqueue<ClientExportJob>(j => j.RunAsync(export.PracticeId, export.Id, CancellationToken.None)));
        return new ExportRequestOutcome.Accepted(new ExportResponse(export.Id, clientId, export.Status.ToString(), now, null, null, null, null));
    }

    /// <summary>The export, when the caller may see it (its client, or a counselor or admin who reaches the client).</summary>
    public async Task<ExportResponse?> FindAsync(ClaimsPrincipal user, Guid exportId, CancellationToken ct)
    {
        var export = await Project(db.ClientExports.AsNoTracking().Where(e => e.Id == exportId)).FirstOrDefaultAsync(ct);
        return export is not null && await ClientReach.CanReachAsync(db, user, export.ClientId, ct) ? export : null;
    }

    public async Task<byte[]?> ReadZipAsync(Guid exportId, CancellationToken ct) =>
        await db.ClientExports.AsNoTracking().Where(e => e.Id == exportId).Select(e => e.Content).FirstOrDefaultAsync(ct);
}

/// <summary>
/// Builds a client's export zip from every feature's contributor and stores it in the database. Safe to
/// run twice: a Ready export is left alone, and a rerun rebuilds from scratch.
/// </summary>
public sealed class ClientExportJob(AppDbContext db, IEnumerable<IClientDataExportContributor> contributors, IAuditLog audit, TimeProvider clock,
    UnitOfWork work)
{
    [PracticeJob]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid practiceId, Guid exportId, CancellationToken ct)
    {
        var export = await db.ClientExports.FirstOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null || export.Status == ExportStatus.Ready)
        {
            // Gone (the client was erased meanwhile) or already made by an earlier run.
            return;
        }
        export.Status = ExportStatus.Running;
        export.Error = null;
        await db.SaveChangesAsync(ct);
        await work.CheckpointAsync(ct); // the client sees it being made

        try
        {
            var now = clock.GetUtcNow();
            var context = new ClientExportContext(practiceId, export.ClientId, now);
            foreach (var contributor in contributors)
            {
                await contributor.ContributeAsync(context, ct);
            }
            var zip = BuildZip(context);
            export.Content = zip;
            export.SizeBytes = zip.LongLength;
            export.Sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));
            export.Status = ExportStatus.Ready;
            export.ReadyAt = clock.GetUtcNow();
            audit.Add(new AuditEntry(AuditActions.ExportProduced, "ClientExport", export.Id, [export.ClientId]) { Detail = $"{context.Files.Count} files" });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Hangfire retries; the state says what the client would see meanwhile. No exception text:
            // it may quote data.
            db.ChangeTracker.Clear();
            await work.RecordFailureAsync(() => db.ClientExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, ExportStatus.Failed)
                .SetProperty(e => e.Error, "The export could not be made. It is retried automatically; ask the practice if it stays failed."), CancellationToken.None));
            throw;
        }
    }

    internal static byte[] BuildZip(ClientExportContext context)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            context.AddJson("manifest.json", new
            {
                Format = "CounselorSuite client export v1",
                context.ClientId,
                context.GeneratedAt,
                Files = context.Files.Keys.Where(k => k != "manifest.json").ToList(),
            });
            foreach (var (path, content) in context.Files)
            {
                var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = context.GeneratedAt;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
