using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

/// <summary>
/// A reminder to each attendee of a booked session in the day before it, written in the attendee's own
/// zone and clock, naming neither the kind of meeting nor its place. Works as the homework reminders do:
/// a recurring installation-wide job enqueues one job per practice; each attendee gets at most one
/// reminder per start time (the row goes in before the mail, so of two servers only one sends); a client
/// who turned reminders off gets none, and one in their quiet hours gets it on the first run after, if the
/// session has not started by then. A cancelled session gets none; a moved one gets a reminder of its new time.
/// </summary>
public sealed class SessionReminders(
    AppDbContext db, INotificationSender notifications, IAuditLog audit, ReaderTimes times, TimeProvider clock, ILogger<SessionReminders> logger, UnitOfWork work)
{
    public const string RecurringJobId = "session-reminders";
    public const string Schedule = "*/15 * * * *";

    /// <summary>How long before a session its reminder goes (at the first run in this window, outside quiet hours).</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    /// <summary>Sends what is due for one practice; returns how many reminders this run sent. Safe to run twice, and at once.</summary>
    [PracticeJob]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunForPracticeAsync(Guid practiceId, CancellationToken ct)
    {
        if (db.CurrentPracticeId != practiceId)
        {
            throw new InvalidOperationException("The session reminder job runs only with its practice restored.");
        }
        var now = clock.GetUtcNow();
        var until = now + Ahead;
        var candidates = await (
                from s in db.Sessions.AsNoTracking()
                from a in s.Attendees
                where s.Status == SessionStatus.Scheduled && s.StartsAt > now && s.StartsAt <= until
                    && db.CaseClients.Any(cc => cc.CaseId == s.CaseId && cc.ClientId == a.ClientId)
                    && !db.SessionReminders.Any(r => r.SessionId == s.Id && r.ClientId == a.ClientId && r.StartsAt == s.StartsAt)
                orderby s.StartsAt
                select new { SessionId = s.Id, a.ClientId, s.StartsAt })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var clientIds = candidates.Select(c => c.ClientId).Distinct().ToList();
        var profiles = await db.ClientProfiles.AsNoTracking().Where(p => clientIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);

        var count = 0;
        foreach (var item in candidates)
        {
            var profile = profiles.GetValueOrDefault(item.ClientId) ?? new ClientProfile();
            var reader = await times.ForPersonAsync(item.ClientId, ct);
            if (!profile.RemindersEnabled || HomeworkReminders.InQuietHours(profile, now, reader.Zone))
            {
                continue; // quiet hours: a later run sends it
            }
            // The row first: only the run whose insert lands sends, so two servers never both send.
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO session_reminders (practice_id, session_id, client_id, starts_at, sent_at) VALUES ({practiceId}, {item.SessionId}, {item.ClientId}, {item.StartsAt}, {now}) ON CONFLICT DO NOTHING",
                ct);
            if (inserted != 1)
            {
                continue;
            }
            // Committed before sending: a failure later in the run must not undo the row and send it twice.
            await work.CheckpointAsync(ct);
            await notifications.SendAsync([item.ClientId], Notice.AppointmentSoon, ct, due: reader.DateTime(item.StartsAt));
            audit.Add(new AuditEntry(AuditActions.SessionReminderSent, "Session", item.SessionId, [item.ClientId]));
            count++;
        }
        await db.SaveChangesAsync(ct);
        if (count > 0)
        {
            logger.LogInformation("Sent {Count} session reminders", count);
        }
        return count;
    }
}

/// <summary>The recurring, installation-wide half of the session reminders: one job per practice (ids only).</summary>
public sealed class SessionReminderFanOut(PracticeFanOut fanOut)
{
    [AutomaticRetry(Attempts = 1)]
    public Task FanOutAsync(CancellationToken ct) =>
        fanOut.EnqueueForEachPracticeAsync<SessionReminders>(practiceId => j => j.RunForPracticeAsync(practiceId, CancellationToken.None), ct);
}
