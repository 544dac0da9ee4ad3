using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// What a client decides about others in the case: sharing a submission with a partner (never a safety
/// screening) and withdrawing it, and agreeing to or declining a joint exercise.
/// </summary>
public sealed class HomeworkSharing(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ShareResponse>> SetSharedAsync(ClaimsPrincipal user, Guid id, bool share, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var mine = await HomeworkAccess.ClientItemAsync(db, user, id, now, ct);
        if (mine.Failure is { } failure)
        {
            return failure;
        }
        var occurrence = mine.Value!.Occurrence;
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.OccurrenceId == occurrence.Id, ct);
        if (submission is null)
        {
            return Failure.Conflict("Submit it first; then you can share it.");
        }
        var live = await db.Shares.FirstOrDefaultAsync(s => s.SubmissionId == submission.Id && s.WithdrawnAt == null, ct);
        if (share)
        {
            if (submission.Screening)
            {
                return Failure.Conflict("Answers to a private check-in stay between you and your counselor; they cannot be shared.");
            }
            if (!await db.CaseClients.AnyAsync(c => c.CaseId == occurrence.CaseId && c.ClientId != occurrence.ClientId, ct))
            {
                return Failure.Conflict("There is no one else in your sessions to share this with.");
            }
            if (live is null)
            {
                db.Shares.Add(new Share { PracticeId = submission.PracticeId, Id = Guid.CreateVersion7(now), SubmissionId = submission.Id, SharedAt = now });
                audit.Add(new AuditEntry(HomeworkAudit.Shared, "Submission", submission.Id, [occurrence.ClientId]));
            }
        }
        else if (live is not null)
        {
            live.WithdrawnAt = now;
            audit.Add(new AuditEntry(HomeworkAudit.Unshared, "Submission", submission.Id, [occurrence.ClientId]));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (HomeworkCommands.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // shared twice at once: it is shared
        }
        return new ShareResponse(occurrence.Id, share);
    }

    public async Task<Outcome<ConsentResponse>> DecideJointAsync(ClaimsPrincipal user, Guid id, ConsentRequest request, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var mine = await HomeworkAccess.ClientItemAsync(db, user, id, now, ct);
        if (mine.Failure is { } failure)
        {
            return failure;
        }
        var (assignment, occurrence) = mine.Value!;
        JointDecision decision;
        switch (request.Decision)
        {
            case "Agree" or "Agreed":
                decision = JointDecision.Agreed;
                break;
            case "Decline" or "Declined":
                decision = JointDecision.Declined;
                break;
            default:
                return Failure.Invalid(new FieldErrors().Add("decision", "Decision must be Agree or Decline."));
        }
        if (!assignment.Joint)
        {
            return Failure.Conflict("This is not a joint exercise; there is nothing to agree to.");
        }
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return Failure.Conflict("This item was cancelled by your counselor.");
        }
        var consent = await db.JointConsents.FirstOrDefaultAsync(c => c.AssignmentId == assignment.Id && c.ClientId == occurrence.ClientId, ct);
        if (consent is null)
        {
            consent = new JointConsent { PracticeId = assignment.PracticeId, AssignmentId = assignment.Id, ClientId = occurrence.ClientId };
            db.JointConsents.Add(consent);
        }
        consent.Decision = decision;
        consent.DecidedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.JointDecided, "Assignment", assignment.Id, [occurrence.ClientId]) { Detail = decision.ToString() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (HomeworkCommands.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Your answer was just saved from another device. Reload to see it.");
        }
        return new ConsentResponse(occurrence.Id, decision == JointDecision.Agreed ? "Agree" : "Decline",
            await HomeworkAccess.JointAvailableAsync(db, assignment, ct));
    }
}
