using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// What a counselor of the case does with homework once assigned: reviews a submission, moves due dates,
/// pauses, resumes or cancels. Admins who are not counselors of the case may look but not act.
/// </summary>
public sealed class CounselorActions(AppDbContext db, IAuditLog audit, INotificationSender notifications, TimeProvider clock)
{
    public const int MaxComment = 5000;

    public enum StatusChange { Pause, Resume, Cancel }

    public async Task<Outcome<ReviewResponse>> ReviewAsync(ClaimsPrincipal user, Guid id, ReviewRequest request, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        var errors = new FieldErrors();
        var comment = ExerciseRules.Clean(request.Comment);
        errors.Require(comment, "comment", MaxComment, "Comment");
        var assignment = target!.Assignment;
        var occurrence = target.Occurrence;
        if (occurrence is null)
        {
            var clientId = request.ClientId ?? (assignment.ClientIds.Length == 1 ? assignment.ClientIds[0] : (Guid?)null);
            if (clientId is null || !assignment.ClientIds.Contains(clientId.Value))
            {
                errors.Add("clientId", "Say whose submission you are reviewing (or use the item's own id).");
            }
            else
            {
                occurrence = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id && o.ClientId == clientId
                        && (o.State == OccurrenceState.Submitted || o.State == OccurrenceState.Reviewed))
                    .OrderByDescending(o => o.Sequence).FirstOrDefaultAsync(ct);
            }
        }
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        var submission = occurrence is null ? null : await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.OccurrenceId == occurrence.Id, ct);
        if (occurrence is null || submission is null)
        {
            return Failure.Conflict("Nothing has been submitted yet.");
        }
        var review = new Review { PracticeId = submission.PracticeId, Id = Guid.CreateVersion7(now), SubmissionId = submission.Id, ReviewerId = user.UserId(), Comment = comment, At = now };
        db.Reviews.Add(review);
        occurrence.State = OccurrenceState.Reviewed;
        occurrence.ReviewedAt = now;
        occurrence.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.Reviewed, "Submission", submission.Id, [occurrence.ClientId]));
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync([occurrence.ClientId], Notice.NewFeedback, ct);
        return new ReviewResponse(occurrence.Id, nameof(OccurrenceState.Reviewed), now, review.Id);
    }

    /// <summary>
    /// A new due date. With an occurrence id, for that item; with an assignment id, the first open item gets
    /// it and the later ones move by the same amount (each step keeps its length).
    /// </summary>
    public async Task<Outcome<AssignmentResponse>> ChangeDueAsync(ClaimsPrincipal user, Guid id, DueDateRequest request, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        if (request.DueAt is not { } dueAt || dueAt <= now)
        {
            return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be in the future."));
        }
        var assignment = target!.Assignment;
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return Failure.Conflict("This assignment was cancelled.");
        }
        dueAt = dueAt.ToUniversalTime();
        var open = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id
                && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress))
            .OrderBy(o => o.Sequence).ToListAsync(ct);
        if (target.Occurrence is { } one)
        {
            if (one.State is not (OccurrenceState.Assigned or OccurrenceState.InProgress))
            {
                return Failure.Conflict("This item was already submitted or cancelled.");
            }
            open = open.Where(o => o.Id == one.Id).ToList();
            if (dueAt <= one.AvailableAt)
            {
                return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be after the item opens."));
            }
            one.DueAt = dueAt;
            one.UpdatedAt = now;
        }
        else if (MoveOpenItems(assignment, open, dueAt, now) is { } refused)
        {
            return refused;
        }
        assignment.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentChanged, "Assignment", assignment.Id, open.Select(o => o.ClientId).Distinct().ToList()) { Detail = "due date" });
        await db.SaveChangesAsync(ct);
        return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!;
    }

    /// <summary>The first open item becomes due at <paramref name="dueAt"/>; the later ones keep their distance from it.</summary>
    private Failure? MoveOpenItems(Assignment assignment, List<Occurrence> open, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (open.Count == 0)
        {
            return Failure.Conflict("Every item of this assignment was already submitted.");
        }
        var first = open[0];
        var step = HomeworkAssigning.StepOf(assignment.Every);
        foreach (var o in open)
        {
            var shift = first.DueAt is { } old ? dueAt - old : TimeSpan.Zero;
            var newDue = first.DueAt is null ? dueAt + step * (o.Sequence - first.Sequence) : o.DueAt!.Value + shift;
            if (o.Sequence > first.Sequence && first.DueAt is not null)
            {
                o.AvailableAt += shift;
            }
            o.DueAt = newDue;
            o.UpdatedAt = now;
        }
        if (open.Any(o => o.DueAt <= o.AvailableAt))
        {
            db.ChangeTracker.Clear();
            return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be after the item opens."));
        }
        if (first.Sequence == 1)
        {
            assignment.FirstDueAt = dueAt;
        }
        return null;
    }

    /// <summary>
    /// Pause stops reminders, overdue and new items opening; resume moves the open items' dates on by the
    /// time paused. Cancel takes the open items off the clients' lists; what was submitted stays.
    /// </summary>
    public async Task<Outcome<AssignmentResponse>> ChangeStatusAsync(ClaimsPrincipal user, Guid id, StatusChange change, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        var assignment = target!.Assignment;
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return change == StatusChange.Cancel
                ? (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!
                : Failure.Conflict("This assignment was cancelled.");
        }
        var open = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id
            && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress)).ToListAsync(ct);
        switch (change)
        {
            case StatusChange.Pause when assignment.Status == AssignmentStatus.Active:
                assignment.Status = AssignmentStatus.Paused;
                assignment.PausedAt = now;
                break;
            case StatusChange.Resume when assignment.Status == AssignmentStatus.Paused:
                Resume(assignment, open, now);
                break;
            case StatusChange.Cancel:
                assignment.Status = AssignmentStatus.Cancelled;
                assignment.CancelledAt = now;
                foreach (var o in open)
                {
                    o.State = OccurrenceState.Cancelled;
                    o.UpdatedAt = now;
                }
                break;
            default:
                return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!; // already so
        }
        assignment.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentChanged, "Assignment", assignment.Id, assignment.ClientIds) { Detail = change.ToString() });
        await db.SaveChangesAsync(ct);
        return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!;
    }

    private static void Resume(Assignment assignment, List<Occurrence> open, DateTimeOffset now)
    {
        var paused = now - (assignment.PausedAt ?? now);
        foreach (var o in open)
        {
            if (o.AvailableAt > assignment.PausedAt)
            {
                o.AvailableAt += paused;
            }
            if (o.DueAt is { } due && due > assignment.PausedAt!.Value)
            {
                o.DueAt = due + paused;
            }
            o.UpdatedAt = now;
        }
        assignment.Status = AssignmentStatus.Active;
        assignment.PausedAt = null;
    }

    private static Failure? CounselorFailure(HomeworkTarget? target, ClaimsPrincipal user) => target?.Role switch
    {
        HomeworkRole.Counselor => null,
        HomeworkRole.Admin => Failure.Forbidden,
        HomeworkRole.Client => Failure.Forbidden,
        _ => user.IsClient() ? Failure.Forbidden : Failure.NotFound,
    };
}
