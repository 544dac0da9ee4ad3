using System.Security.Cryptography;
using CounselorSuite.Documents;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Web.Features.Handouts;

public sealed class HandoutOptions
{
    /// <summary>A Running claim older than this belongs to a worker that died; another run may take it over.</summary>
    public int StaleClaimSeconds { get; set; } = 120;

    public long MaxPdfBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Renders one client's handout and stores the PDF in the database. Safe to run twice or at the same time
/// as another run: a run first claims the handout with a conditional update (Queued or Failed, or Running
/// under a stale claim, to Running under its own token) and writes its PDF only while it still holds that
/// claim, so a handout ends Ready once, with one file. A worker stopped mid-render leaves a claim that goes
/// stale, and Hangfire's re-run takes it over; a graceful stop hands the claim back at once.
/// </summary>
public sealed class HandoutRenderJob(
    AppDbContext db, HandoutComposer composer, IAuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<HandoutOptions> options, ILogger<HandoutRenderJob> log, UnitOfWork work)
{
    public const string TransientError = "The handout could not be made just now. It is tried again automatically; if it stays like this, press Retry.";
    public const string CannotRender = "The handout could not be made from what it contains. Make it again with a shorter or simpler note, or without the exercise that was changed.";

    /// <summary>Database, network and time-out trouble passes; anything the renderer throws about content does not.</summary>
    public static bool IsWorthRetrying(Exception e) =>
        e is System.Data.Common.DbException or TimeoutException or IOException or OutOfMemoryException
        || (e.InnerException is { } inner && IsWorthRetrying(inner));

    [PracticeJob]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid practiceId, Guid handoutId, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        if (!await ClaimAsync(handoutId, token, ct))
        {
            // Ready already, gone, or another run is rendering it now.
            return;
        }
        // The claim is seen at once: by the people waiting for the handout, and by any other run.
        await work.CheckpointAsync(ct);
        try
        {
            var rendered = await composer.RenderAsync(handoutId, ct);
            if (rendered.Bytes.LongLength > options.Value.MaxPdfBytes)
            {
                throw new HandoutProblemException("The handout would be larger than 10 MB. Choose fewer exercises or a smaller logo, and make it again.");
            }
            await StoreAsync(handoutId, token, rendered, ct);
            // Committed here rather than after the job, so a failed commit still ends in Failed and a retry.
            await work.CheckpointAsync(ct);
        }
        catch (HandoutProblemException problem)
        {
            // Running it again would fail the same way: no retry, the counselor reads why.
            await FailAsync(handoutId, token, problem.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The worker is stopping: hand the claim back so the re-run does not wait for it to go stale.
            await work.RecordFailureAsync(() => db.Handouts.Where(h => h.Id == handoutId && h.ClaimToken == token && h.Status == HandoutStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandoutStatus.Queued).SetProperty(h => h.ClaimToken, (Guid?)null), CancellationToken.None));
            throw;
        }
        catch (Exception e) when (!IsWorthRetrying(e))
        {
            // The renderer refused what the handout holds: every retry would fail the same way.
            log.LogError(e, "Handout {HandoutId} cannot be rendered; it is marked failed without retries.", handoutId);
            await FailAsync(handoutId, token, CannotRender);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Rendering handout {HandoutId} failed; Hangfire retries it.", handoutId);
            await FailAsync(handoutId, token, TransientError);
            throw;
        }
    }

    private async Task<bool> ClaimAsync(Guid handoutId, Guid token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now.AddSeconds(-options.Value.StaleClaimSeconds);
        // One statement: PostgreSQL re-checks the condition on the row it locks, so of two runs at once only
        // one changes it.
        var claimed = await db.Handouts
            .Where(h => h.Id == handoutId
                // A handout waiting for the night before its session is not rendered yet, whoever asks.
                && ((h.Status == HandoutStatus.Queued && h.RenderAfter == null) || h.Status == HandoutStatus.Failed
                    || (h.Status == HandoutStatus.Running && (h.ClaimedAt == null || h.ClaimedAt < stale))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoutStatus.Running)
                .SetProperty(h => h.ClaimToken, token)
                .SetProperty(h => h.ClaimedAt, now)
                .SetProperty(h => h.Attempts, h => h.Attempts + 1)
                .SetProperty(h => h.Error, (string?)null), ct);
        return claimed == 1;
    }

    private async Task StoreAsync(Guid handoutId, Guid token, RenderedPdf rendered, CancellationToken ct)
    {
        var bytes = rendered.Bytes;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        var stored = await db.Handouts.Where(h => h.Id == handoutId && h.Status == HandoutStatus.Running && h.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoutStatus.Ready)
                .SetProperty(h => h.Content, bytes)
                .SetProperty(h => h.SizeBytes, bytes.LongLength)
                .SetProperty(h => h.Sha256, sha)
                .SetProperty(h => h.PageCount, rendered.PageCount)
                .SetProperty(h => h.ReadyAt, now)
                .SetProperty(h => h.ProtectedPassword, (string?)null)
                .SetProperty(h => h.ClaimToken, (Guid?)null)
                .SetProperty(h => h.Error, (string?)null), ct);
        if (stored == 0)
        {
            // Our claim went stale and another run took over: its file is the one that counts.
            return;
        }
        var clientId = await db.Handouts.Where(h => h.Id == handoutId).Select(h => h.ClientId).FirstAsync(ct);
        audit.Add(new AuditEntry(HandoutAuditActions.Produced, "Handout", handoutId, [clientId])
        {
            Detail = $"pages={rendered.PageCount};bytes={bytes.LongLength};warnings={rendered.Warnings.Count}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task FailAsync(Guid handoutId, Guid token, string reason)
    {
        db.ChangeTracker.Clear();
        await work.RecordFailureAsync(() => db.Handouts.Where(h => h.Id == handoutId && h.ClaimToken == token && h.Status == HandoutStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoutStatus.Failed)
                .SetProperty(h => h.Error, reason)
                .SetProperty(h => h.ClaimToken, (Guid?)null), CancellationToken.None));
    }
}

/// <summary>Loads what a handout shows and renders it; used by the job (and the benchmark).</summary>
public sealed class HandoutComposer(AppDbContext db, IHandoutProgressSource progress, HandoutPasswords passwords)
{
    public async Task<RenderedPdf> RenderAsync(Guid handoutId, CancellationToken ct)
    {
        var handout = await db.Handouts.AsNoTracking().Where(h => h.Id == handoutId)
            .Select(h => new
            {
                h.ClientId, h.ExerciseVersionIds, h.IncludeProgress, h.Note, h.SessionDate, h.Discreet, h.Paper,
                h.PasswordProtected, h.ProtectedPassword,
            })
            .FirstOrDefaultAsync(ct) ?? throw new HandoutProblemException("The handout was removed.");
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new { p.Name, p.AccentColor, p.ContactLine, p.HelpResources }).FirstAsync(ct);
        var logo = handout.Discreet ? null
            : await db.PracticeLogos.AsNoTracking().Select(l => l.Content).FirstOrDefaultAsync(ct);
        var clientName = await db.Users.AsNoTracking().Where(u => u.Id == handout.ClientId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var ids = handout.ExerciseVersionIds;
        var versions = await db.ExerciseVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        if (versions.Count != ids.Distinct().Count())
        {
            throw new HandoutProblemException("An exercise in this handout was deleted from the library. Make the handout again without it.");
        }
        var exercises = ids.Select(id => versions.First(v => v.Id == id).Content()).ToList();
        var charts = handout.IncludeProgress ? await progress.ChartsForAsync(handout.ClientId, handout.Discreet, ct) : [];

        Doc.PdfPasswords? pdfPasswords = null;
        if (handout.PasswordProtected)
        {
            var password = handout.ProtectedPassword is { } stored ? passwords.Unprotect(stored) : null;
            if (password is null)
            {
                throw new HandoutProblemException("The password for this handout can no longer be read (it is kept only for two days). Make the handout again.");
            }
            pdfPasswords = new Doc.PdfPasswords(password, HandoutPasswords.RandomOwnerPassword());
        }

        var content = new HandoutContent(clientName, handout.SessionDate, handout.Discreet, handout.Paper, handout.Note, exercises, charts,
            new HandoutBranding(practice.Name, practice.AccentColor, practice.ContactLine, practice.HelpResources, logo));
        var document = HandoutDocument.Build(content, pdfPasswords);
        if (handout.Discreet)
        {
            var words = DiscreetWords.For(exercises.Select(e => e.Title));
            var texts = DiscreetWords.TextOf(document.Blocks).Append(document.Title).Append(document.Page.HeaderText ?? "").Append(document.Page.FooterText ?? "");
            if (texts.Select(t => DiscreetWords.FirstIn(t, words)).FirstOrDefault(w => w is not null) is { } word)
            {
                throw new HandoutProblemException($"The discreet handout would show “{word}” (in its progress charts or texts). Make it without discreet mode, or without progress.");
            }
        }
        return HandoutRenderer.Render(document);
    }
}
