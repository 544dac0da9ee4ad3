using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// The counselors' "attention needed" mail for a safety alert, sent by a job, never inside the client's
/// request. The alert row is the outbox (<see cref="SafetyAlert.NotifiedAt"/> is null until the
/// mail went): the request enqueues <see cref="SendAsync"/> once the alert has committed, and a sweep every
/// five minutes sends what a crash between that commit and the enqueue left behind.
/// </summary>
public sealed class SafetyAlertNotices(AppDbContext db, UnitOfWork work, IMailSender mail, TimeProvider clock, ILogger<SafetyAlertNotices> logger)
{
    public const string RecurringJobId = "safety-alert-notices";

    /// <summary>How long an unsent alert waits for its own job before the sweep sends it.</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(2);

    /// <summary>Alerts older than this are left alone by the sweep (the counselor has seen the list by then).</summary>
    public static readonly TimeSpan SweepWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// Sends the mail once. The alert is marked in the job's unit of work, which commits only after the
    /// mail was handed over: a failed send rolls the mark back and is retried, and a second run (the
    /// sweep, a retry) waits on the row lock and then finds it sent.
    /// </summary>
    [PracticeJob]
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(Guid practiceId, Guid alertId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.SafetyAlerts.Where(a => a.Id == alertId && a.NotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NotifiedAt, now), ct);
        if (claimed == 0)
        {
            return; // sent already, or the alert is gone
        }
        var caseId = await db.SafetyAlerts.Where(a => a.Id == alertId).Select(a => a.CaseId).FirstAsync(ct);
        var addresses = await db.CaseCounselors.Where(c => c.CaseId == caseId)
            .Join(db.Users, c => c.CounselorId, u => u.Id, (c, u) => u.Email)
            .Where(e => e != null).Select(e => e!).ToListAsync(ct);
        var (subject, body) = NoticeTexts.For(Notice.ClientNeedsAttention);
        foreach (var address in addresses)
        {
            await mail.SendAsync(new OutgoingMail(address, subject, body), ct);
        }
        logger.LogInformation("A safety alert's notice went to {Count} counselors", addresses.Count);
    }

    /// <summary>
    /// Sends every alert of the practice whose own job never ran (the app stopped after the commit), each
    /// committed on its own, so a mail server failing halfway does not send the first ones again.
    /// </summary>
    [PracticeJob]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> SweepAsync(Guid practiceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (from, until) = (now - SweepWindow, now - SweepAfter);
        var waiting = await db.SafetyAlerts.AsNoTracking()
            .Where(a => a.NotifiedAt == null && a.RaisedAt >= from && a.RaisedAt <= until)
            .OrderBy(a => a.RaisedAt).Select(a => a.Id).ToListAsync(ct);
        foreach (var alertId in waiting)
        {
            await SendAsync(practiceId, alertId, ct);
            await work.CheckpointAsync(ct);
        }
        return waiting.Count;
    }
}

/// <summary>The installation-wide step of the sweep: one <see cref="SafetyAlertNotices.SweepAsync"/> per practice.</summary>
public sealed class SafetyAlertNoticeFanOut(PracticeFanOut fanOut)
{
    public const string Schedule = "*/5 * * * *";

    [AutomaticRetry(Attempts = 0)]
    public Task<int> FanOutAsync(CancellationToken ct) =>
        fanOut.EnqueueForEachPracticeAsync<SafetyAlertNotices>(practiceId => j => j.SweepAsync(practiceId, CancellationToken.None), ct);
}
