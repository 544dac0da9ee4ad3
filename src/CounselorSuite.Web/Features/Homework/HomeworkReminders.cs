using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Due-soon and overdue reminders. A recurring installation-wide job enqueues one job per practice; each
/// sends at most one reminder per item and kind: the reminder's row is inserted before the mail goes, so
/// when two servers run the same practice at once, only the one whose insert went in sends. A client who
/// turned reminders off gets none; a client in their quiet hours gets theirs on the first run after.
/// </summary>
public sealed class HomeworkReminders(
    AppDbContext db, INotificationSender notifications, IAuditLog audit, ReaderTimes times, TimeProvider clock, ILogger<HomeworkReminders> logger, UnitOfWork work)
{
    public const string RecurringJobId = "homework-reminders";
    public const string Schedule = "*/15 * * * *";
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    /// <summary>Items overdue for longer than this get no reminder any more: by then it is a matter for the session.</summary>
    public static readonly TimeSpan OverdueWindow = TimeSpan.FromDays(7);

    /// <summary>Sends what is due for one practice; returns how many reminders this run sent. Safe to run twice, and at once.</summary>
    [PracticeJob]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunForPracticeAsync(Guid practiceId, CancellationToken ct)
    {
        if (db.CurrentPracticeId != practiceId)
        {
            throw new InvalidOperationException("The reminder job runs only with its practice restored.");
        }
        var now = clock.GetUtcNow();
        var candidates = await CandidatesAsync(now, ct);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var ids = candidates.Select(c => c.Id).ToList();
        var sent = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.OccurrenceId))
            .Select(r => new { r.OccurrenceId, r.Kind }).ToListAsync(ct);
        var clientIds = candidates.Select(c => c.ClientId).Distinct().ToList();
        var profiles = await db.ClientProfiles.AsNoTracking().Where(p => clientIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);

        var count = 0;
        foreach (var item in candidates)
        {
            var kind = item.DueAt > now ? ReminderKind.DueSoon : ReminderKind.Overdue;
            if (sent.Any(s => s.OccurrenceId == item.Id && s.Kind == kind))
            {
                continue;
            }
            var profile = profiles.GetValueOrDefault(item.ClientId) ?? new ClientProfile();
            var reader = await times.ForPersonAsync(item.ClientId, ct);
            if (!profile.RemindersEnabled || InQuietHours(profile, now, reader.Zone))
            {
                continue; // quiet hours: a later run sends it
            }
            if (!await HomeworkAccess.JointAvailableAsync(db, item.Assignment, ct))
            {
                continue;
            }
            // The row first: only the run whose insert lands sends, so two servers never both send.
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO homework_reminders (practice_id, occurrence_id, kind, sent_at) VALUES ({practiceId}, {item.Id}, {kind.ToString()}, {now}) ON CONFLICT DO NOTHING",
                ct);
            if (inserted != 1)
            {
                continue;
            }
            // Committed before sending: a failure later in the run must not undo the row and send it twice.
            await work.CheckpointAsync(ct);
            await notifications.SendAsync([item.ClientId], kind == ReminderKind.DueSoon ? Notice.DueSoon : Notice.Overdue, ct,
                due: reader.DateTime(item.DueAt));
            audit.Add(new AuditEntry(HomeworkAudit.ReminderSent, "Occurrence", item.Id, [item.ClientId]) { Detail = kind.ToString() });
            count++;
        }
        await db.SaveChangesAsync(ct);
        if (count > 0)
        {
            logger.LogInformation("Sent {Count} homework reminders", count);
        }
        return count;
    }

    private sealed record Candidate(Guid Id, Guid ClientId, DateTimeOffset DueAt, Assignment Assignment);

    /// <summary>Open work of active assignments, due within the coming day or overdue for less than a week, of clients still on the case.</summary>
    private Task<List<Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - OverdueWindow;
        var until = now + DueSoonWindow;
        return (
                from o in db.Occurrences.AsNoTracking()
                join a in db.Assignments.AsNoTracking() on o.AssignmentId equals a.Id
                where (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress)
                    && o.DueAt != null && o.DueAt > oldest && o.DueAt <= until && o.AvailableAt <= now
                    && a.Status == AssignmentStatus.Active
                    && db.CaseClients.Any(cc => cc.CaseId == o.CaseId && cc.ClientId == o.ClientId)
                select new Candidate(o.Id, o.ClientId, o.DueAt!.Value, a))
            .ToListAsync(ct);
    }

    /// <summary>Whether <paramref name="now"/> falls in the client's quiet hours, read in their own time zone.</summary>
    public static bool InQuietHours(ClientProfile profile, DateTimeOffset now, NodaTime.DateTimeZone zone)
    {
        var start = profile.QuietHoursStart;
        var end = profile.QuietHoursEnd;
        if (start == end)
        {
            return false;
        }
        var local = NodaTime.Instant.FromDateTimeOffset(now).InZone(zone).TimeOfDay.ToTimeOnly();
        return start < end ? local >= start && local < end : local >= start || local < end;
    }
}

/// <summary>The recurring, installation-wide half of the reminders: one reminder job per practice (ids only).</summary>
public sealed class HomeworkReminderFanOut(PracticeFanOut fanOut)
{
    [AutomaticRetry(Attempts = 1)]
    public Task FanOutAsync(CancellationToken ct) =>
        fanOut.EnqueueForEachPracticeAsync<HomeworkReminders>(practiceId => j => j.RunForPracticeAsync(practiceId, CancellationToken.None), ct);
}
