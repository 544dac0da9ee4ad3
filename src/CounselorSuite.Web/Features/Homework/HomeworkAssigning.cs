using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// A counselor assigns an exercise or a measure to clients of a case, once or recurring: every occurrence
/// is created at once, each opening when the one before is due. Changes nothing when it fails.
/// </summary>
public sealed class HomeworkAssigning(AppDbContext db, IAuditLog audit, INotificationSender notifications, TimeProvider clock)
{
    public const int MaxRecurrence = 60;

    /// <summary>When the occurrences open and are due, as read from the request.</summary>
    private sealed record Schedule(DateTimeOffset StartsAt, DateTimeOffset? DueAt, RecurrenceEvery? Every, int Count)
    {
        public TimeSpan Step => StepOf(Every);
    }

    public async Task<Outcome<AssignmentResponse>> AssignAsync(ClaimsPrincipal user, AssignRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.CaseId is not { } caseId)
        {
            return Failure.Invalid(errors.Add("caseId", "Say which case."));
        }
        var role = await HomeworkAccess.RoleInCaseAsync(db, user, caseId, ct);
        if (role is null or HomeworkRole.Client)
        {
            return Failure.NotFound;
        }
        if (role == HomeworkRole.Admin)
        {
            return Failure.Forbidden;
        }
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.IsClosed, c.Kind, Clients = c.Clients.OrderBy(x => x.AddedAt).Select(x => x.ClientId).ToList() })
            .FirstAsync(ct);

        var (version, kind) = await VersionAsync(request, errors, ct);
        var clients = Clients(request.ClientIds, found.Clients, errors);
        var now = HomeworkCommands.Now(clock);
        var schedule = ReadSchedule(request, now, errors);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : ExerciseRules.Clean(request.Note);
        if (note is { Length: > HomeworkCommands.MaxNote })
        {
            errors.Add("note", $"A note must be at most {HomeworkCommands.MaxNote} characters.");
        }
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        if (request.ExerciseVersion is { } seen && seen != version!.Version)
        {
            return Failure.Conflict($"The exercise has changed since you opened it (now version {version.Version}). Look at it again, then assign.");
        }
        if (found.IsClosed)
        {
            return Failure.Conflict("This case is closed; reopen it to assign homework.");
        }

        var assignment = NewAssignment(user, caseId, kind, version!, clients, note, schedule, now);
        db.Assignments.Add(assignment);
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentCreated, "Assignment", assignment.Id, clients));
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync(clients, Notice.NewItem, ct);
        return await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct) ?? throw new InvalidOperationException("Just saved.");
    }

    internal static TimeSpan StepOf(RecurrenceEvery? every) =>
        every switch { RecurrenceEvery.Day => TimeSpan.FromDays(1), RecurrenceEvery.Week => TimeSpan.FromDays(7), _ => TimeSpan.Zero };

    /// <summary>The exercise version to pin: the exercise's current one, or the hidden one carrying a measure's items.</summary>
    private async Task<(ExerciseVersion? Version, AssignmentKind Kind)> VersionAsync(AssignRequest request, FieldErrors errors, CancellationToken ct)
    {
        if (request.ExerciseId is null && !string.IsNullOrWhiteSpace(request.MeasureKey))
        {
            // Progress: a measure is assigned through the hidden exercise version that carries its items.
            var measure = (await MeasureForms.EnsureAsync(db, clock, request.MeasureKey.Trim(), request.MeasureVersion, ct))?.Version;
            if (measure is null)
            {
                errors.Add("measureKey", "This practice has no such measure.");
            }
            return (measure, AssignmentKind.Measure);
        }
        if (request.ExerciseId is not { } exerciseId)
        {
            errors.Add("exerciseId", "Choose an exercise.");
            return (null, AssignmentKind.Exercise);
        }
        var version = await db.CurrentVersionOf(exerciseId).AsNoTracking().FirstOrDefaultAsync(ct);
        var archived = await db.Exercises.AnyAsync(e => e.Id == exerciseId && e.IsArchived, ct);
        if (version is null)
        {
            errors.Add("exerciseId", "This practice's library has no such exercise.");
        }
        else if (archived)
        {
            errors.Add("exerciseId", "This exercise is archived. Restore it to assign it.");
        }
        return (version, AssignmentKind.Exercise);
    }

    /// <summary>The clients named, or every client of the case when none are.</summary>
    private static List<Guid> Clients(IReadOnlyCollection<Guid>? requested, List<Guid> ofCase, FieldErrors errors)
    {
        if (requested is null || requested.Count == 0)
        {
            if (ofCase.Count == 0)
            {
                errors.Add("clientIds", "This case has no clients yet. Invite them first.");
            }
            return ofCase;
        }
        var clients = requested.Distinct().ToList();
        if (clients.Any(c => !ofCase.Contains(c)))
        {
            errors.Add("clientIds", "Every client must be a client of this case.");
        }
        return clients;
    }

    private static Schedule ReadSchedule(AssignRequest request, DateTimeOffset now, FieldErrors errors)
    {
        var startsAt = request.StartsAt?.ToUniversalTime() ?? now;
        if (request.StartsAt is { } s && s < now.AddDays(-1))
        {
            errors.Add("startsAt", "The start cannot be in the past.");
        }
        if (request.DueAt is { } due && due <= now)
        {
            errors.Add("dueAt", "The due date must be in the future.");
        }
        else if (request.DueAt is { } due2 && due2 <= startsAt)
        {
            errors.Add("dueAt", "The due date must be after the start.");
        }

        RecurrenceEvery? every = null;
        var count = 1;
        if (request.Recurrence is { } recurrence)
        {
            if (!EnumNames.TryParse<RecurrenceEvery>(recurrence.Every, out var e))
            {
                errors.Add("recurrence.every", "Repeat every Day or Week.");
            }
            else
            {
                every = e;
            }
            if (recurrence.Count is not { } n || n < 1 || n > MaxRecurrence)
            {
                errors.Add("recurrence.count", $"Repeat 1 to {MaxRecurrence} times.");
            }
            else
            {
                count = n;
            }
        }
        return new Schedule(startsAt, request.DueAt?.ToUniversalTime(), every, count);
    }

    private Assignment NewAssignment(ClaimsPrincipal user, Guid caseId, AssignmentKind kind, ExerciseVersion version, List<Guid> clients,
        string? note, Schedule schedule, DateTimeOffset now)
    {
        var (startsAt, every, count, step) = (schedule.StartsAt, schedule.Every, schedule.Count, schedule.Step);
        // A recurring assignment without a due date is due at the end of each step.
        var firstDue = schedule.DueAt ?? (every is null ? null : startsAt + step);
        var assignment = new Assignment
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = kind,
            ExerciseId = version.ExerciseId, ExerciseVersionId = version.Id, Joint = version.Joint && clients.Count > 1,
            ClientIds = clients.ToArray(), Note = note, Every = every, Count = count, StartsAt = startsAt, FirstDueAt = firstDue,
            Status = AssignmentStatus.Active, CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        for (var i = 0; i < count; i++)
        {
            // Step i opens when step i-1 is due, so a weekly exercise shows one item a week.
            var availableAt = i == 0 ? startsAt : firstDue!.Value + step * (i - 1);
            foreach (var client in clients)
            {
                assignment.Occurrences.Add(new Occurrence
                {
                    PracticeId = assignment.PracticeId, Id = Guid.CreateVersion7(now), AssignmentId = assignment.Id, CaseId = caseId,
                    ClientId = client, Sequence = i + 1, AvailableAt = availableAt, DueAt = firstDue is { } d ? d + step * i : null,
                    State = OccurrenceState.Assigned, UpdatedAt = now,
                });
            }
        }
        return assignment;
    }
}
