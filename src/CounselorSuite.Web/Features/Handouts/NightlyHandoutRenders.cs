using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// "Render the night before": each night, per practice, enqueues the render of every handout waiting for a
/// session that starts within <see cref="Window"/>. A handout is released by clearing its
/// <see cref="Handout.RenderAfter"/> in one conditional update before its render is enqueued, so two runs
/// (or two servers) enqueue it once; and the render job itself makes at most one file.
/// </summary>
public sealed class NightlyHandoutRenders(AppDbContext db, HandoutService handouts, TimeProvider clock, ILogger<NightlyHandoutRenders> logger)
{
    public const string RecurringJobId = "session-handouts-nightly";

    /// <summary>02:00 UTC: quiet for the servers, and every session of the coming day is inside the window.</summary>
    public const string Schedule = "0 2 * * *";

    /// <summary>Sessions starting within this much of the run: the next day's, whatever the practice's time zone.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(36);

    /// <summary>Enqueues the due renders of one practice; returns how many this run enqueued.</summary>
    [PracticeJob]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunForPracticeAsync(Guid practiceId, CancellationToken ct)
    {
        if (db.CurrentPracticeId != practiceId)
        {
            throw new InvalidOperationException("The nightly handout job runs only with its practice restored.");
        }
        var until = clock.GetUtcNow() + Window;
        // Sessions already begun are included: a night the job server missed is caught up on the next run.
        var due = await db.Handouts.AsNoTracking()
            .Where(h => h.Status == HandoutStatus.Queued && h.RenderAfter != null && h.SessionId != null
                && db.Sessions.Any(s => s.Id == h.SessionId && s.StartsAt <= until && s.Status != SessionStatus.Cancelled))
            .Select(h => h.Id)
            .ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            var released = await db.Handouts.Where(h => h.Id == id && h.Status == HandoutStatus.Queued && h.RenderAfter != null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.RenderAfter, (DateTimeOffset?)null), ct);
            if (released == 1)
            {
                handouts.Enqueue(practiceId, id);
                count++;
            }
        }
        if (count > 0)
        {
            logger.LogInformation("Enqueued {Count} handouts for the coming sessions", count);
        }
        return count;
    }
}

/// <summary>The recurring, installation-wide half: one nightly job per practice (ids only).</summary>
public sealed class NightlyHandoutFanOut(PracticeFanOut fanOut)
{
    [AutomaticRetry(Attempts = 1)]
    public Task FanOutAsync(CancellationToken ct) =>
        fanOut.EnqueueForEachPracticeAsync<NightlyHandoutRenders>(practiceId => j => j.RunForPracticeAsync(practiceId, CancellationToken.None), ct);
}
