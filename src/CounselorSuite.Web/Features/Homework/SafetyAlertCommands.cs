using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Safety alerts: raised from a danger answer in a draft or a submission (once per occurrence and source),
/// mailed to the case's counselors after the alert commits, and resolved by a counselor with a note.
/// </summary>
public sealed class SafetyAlertCommands(
    AppDbContext db, IAuditLog audit, TimeProvider clock, ILogger<SafetyAlertCommands> logger, IBackgroundJobClient jobs, UnitOfWork work)
{
    /// <summary>An alert added to the context with its audit entry, to be saved with the submission that raised it.</summary>
    internal SafetyAlert Add(Occurrence occurrence, Guid? submissionId, SafetyAlertSource source, DateTimeOffset now)
    {
        var alert = new SafetyAlert
        {
            PracticeId = occurrence.PracticeId, Id = Guid.CreateVersion7(now), CaseId = occurrence.CaseId, ClientId = occurrence.ClientId,
            OccurrenceId = occurrence.Id, SubmissionId = submissionId, Source = source, RaisedAt = now, Status = SafetyAlertStatus.Open,
        };
        db.SafetyAlerts.Add(alert);
        audit.Add(new AuditEntry(HomeworkAudit.SafetyAlertRaised, "SafetyAlert", alert.Id, [occurrence.ClientId]));
        return alert;
    }

    /// <summary>Raises and saves an alert on its own (from a draft), unless this occurrence already raised one from there.</summary>
    internal async Task RaiseAsync(Occurrence occurrence, Guid? submissionId, SafetyAlertSource source, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.SafetyAlerts.AnyAsync(a => a.OccurrenceId == occurrence.Id && a.Source == source, ct))
        {
            return;
        }
        var alert = Add(occurrence, submissionId, source, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (HomeworkCommands.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // raised by a save running at the same moment
            return;
        }
        NotifyCounselors(alert);
    }

    /// <summary>
    /// The mail goes from a retried job enqueued once the alert has committed (the job runs on another
    /// connection); if this process dies before the enqueue, <see cref="SafetyAlertNotices.SweepAsync"/>
    /// finds the alert unsent and sends it.
    /// </summary>
    internal void NotifyCounselors(SafetyAlert alert)
    {
        logger.LogInformation("A safety alert was raised for a case");
        var (practiceId, alertId) = (alert.PracticeId, alert.Id);
        work.AfterCommit(() => jobs.Enqueue<SafetyAlertNotices>(n => n.SendAsync(practiceId, alertId, CancellationToken.None)));
    }

    public async Task<Outcome<SafetyAlertResponse>> ResolveAsync(ClaimsPrincipal user, Guid alertId, ResolveAlertRequest request, CancellationToken ct)
    {
        var alert = await db.SafetyAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct);
        var role = alert is null ? null : await HomeworkAccess.RoleInCaseAsync(db, user, alert.CaseId, ct);
        if (alert is null || role is null or HomeworkRole.Client)
        {
            return user.IsClient() ? Failure.Forbidden : Failure.NotFound;
        }
        if (role == HomeworkRole.Admin)
        {
            return Failure.Forbidden;
        }
        var note = ExerciseRules.Clean(request.Note);
        var errors = new FieldErrors().Require(note, "note", HomeworkCommands.MaxNote, "A note on what was done");
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        if (alert.Status == SafetyAlertStatus.Resolved)
        {
            return Failure.Conflict("This alert was already resolved.");
        }
        var now = HomeworkCommands.Now(clock);
        alert.Status = SafetyAlertStatus.Resolved;
        alert.ResolutionNote = note;
        alert.ResolvedBy = user.UserId();
        alert.ResolvedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.SafetyAlertResolved, "SafetyAlert", alert.Id, [alert.ClientId]));
        await db.SaveChangesAsync(ct);
        return HomeworkQueries.ToResponse(alert);
    }
}
