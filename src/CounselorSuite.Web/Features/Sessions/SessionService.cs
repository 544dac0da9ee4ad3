using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

public sealed record SessionResponse(
    Guid Id, Guid CaseId, DateTimeOffset StartsAt, int DurationMinutes, DateTimeOffset EndsAt, string Status,
    IReadOnlyList<Guid> ClientIds, string? Location, string? VideoLink, string? CancelledBy, DateTimeOffset? CancelledAt,
    IReadOnlyList<SessionConflict>? Conflicts = null);

public sealed record StatusChange(string? Status, string? CancelledBy);

public abstract record SessionOutcome
{
    public sealed record Done(SessionResponse Session) : SessionOutcome;
    public sealed record Invalid(FieldErrors Errors) : SessionOutcome;
    public sealed record Conflicts(IReadOnlyList<SessionConflict> With) : SessionOutcome;
    public sealed record Refused(string Reason) : SessionOutcome;
    public sealed record NotFound : SessionOutcome;
}

/// <summary>Booking, rescheduling and status changes, shared by the API and the counselor's pages.</summary>
public sealed class SessionService(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public static SessionResponse ToResponse(Session s, IReadOnlyList<SessionConflict>? conflicts = null) => new(
        s.Id, s.CaseId, s.StartsAt.ToUniversalTime(), s.DurationMinutes, s.EndsAt.ToUniversalTime(), s.Status.ToString(),
        s.Attendees.Select(a => a.ClientId).Order().ToList(), s.Location, s.VideoLink, s.CancelledBy?.ToString(),
        s.CancelledAt, conflicts is { Count: > 0 } ? conflicts : null);

    /// <summary>Sessions of cases the user manages (a counselor's own cases; an admin's, all).</summary>
    public IQueryable<Session> Managed(ClaimsPrincipal user) =>
        db.Sessions.Where(s => db.Cases.ManagedBy(user).Any(c => c.Id == s.CaseId));

    public async Task<SessionOutcome> BookAsync(ClaimsPrincipal user, Guid caseId, SessionRequest request, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().ManagedBy(user).Where(c => c.Id == caseId)
            .Select(c => new { c.IsClosed, Clients = c.Clients.Select(x => x.ClientId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return new SessionOutcome.NotFound();
        }
        var now = clock.GetUtcNow();
        var (valid, errors) = SessionRules.Validate(request, found.Clients, now);
        if (valid is null)
        {
            return new SessionOutcome.Invalid(errors);
        }
        if (found.IsClosed)
        {
            return new SessionOutcome.Refused("This case is closed; reopen it to book a session.");
        }
        var conflicts = await SessionRules.FindConflictsAsync(db, user, caseId, valid.StartsAt, valid.DurationMinutes, null, ct);
        if (conflicts.Count > 0 && !request.AllowConflict)
        {
            return new SessionOutcome.Conflicts(conflicts);
        }

        var session = new Session
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), CaseId = caseId,
            StartsAt = valid.StartsAt.ToUniversalTime(), DurationMinutes = valid.DurationMinutes,
            Location = valid.Location, VideoLink = valid.VideoLink, Status = SessionStatus.Scheduled,
            CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        session.Attendees.AddRange(valid.ClientIds.Select(c => new SessionAttendee { PracticeId = session.PracticeId, SessionId = session.Id, ClientId = c }));
        db.Sessions.Add(session);
        audit.Add(new AuditEntry(AuditActions.SessionCreated, "Session", session.Id, valid.ClientIds)
        {
            Detail = conflicts.Count > 0 ? "booked despite a conflict" : null,
        });
        await db.SaveChangesAsync(ct);
        return new SessionOutcome.Done(ToResponse(session, conflicts));
    }

    public async Task<SessionOutcome> RescheduleAsync(ClaimsPrincipal user, Guid sessionId, SessionRequest request, CancellationToken ct)
    {
        var session = await Managed(user).Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return new SessionOutcome.NotFound();
        }
        var caseClients = await db.CaseClients.Where(c => c.CaseId == session.CaseId).Select(c => c.ClientId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var (valid, errors) = SessionRules.Validate(request with { StartsAt = request.StartsAt ?? session.StartsAt }, caseClients, now);
        if (valid is null)
        {
            return new SessionOutcome.Invalid(errors);
        }
        if (session.Status != SessionStatus.Scheduled)
        {
            return new SessionOutcome.Refused($"Only a scheduled session can be rescheduled; this one is {session.Status}.");
        }
        var conflicts = await SessionRules.FindConflictsAsync(db, user, session.CaseId, valid.StartsAt, valid.DurationMinutes, session.Id, ct);
        if (conflicts.Count > 0 && !request.AllowConflict)
        {
            return new SessionOutcome.Conflicts(conflicts);
        }

        var concerned = session.Attendees.Select(a => a.ClientId).Union(valid.ClientIds).ToList();
        session.StartsAt = valid.StartsAt.ToUniversalTime();
        session.DurationMinutes = valid.DurationMinutes;
        session.Location = valid.Location;
        session.VideoLink = valid.VideoLink;
        session.UpdatedAt = now;
        session.Attendees.RemoveAll(a => !valid.ClientIds.Contains(a.ClientId));
        foreach (var added in valid.ClientIds.Where(c => session.Attendees.All(a => a.ClientId != c)))
        {
            session.Attendees.Add(new SessionAttendee { PracticeId = session.PracticeId, SessionId = session.Id, ClientId = added });
        }
        audit.Add(new AuditEntry(AuditActions.SessionRescheduled, "Session", session.Id, concerned));
        await db.SaveChangesAsync(ct);
        return new SessionOutcome.Done(ToResponse(session, conflicts));
    }

    public async Task<SessionOutcome> ChangeStatusAsync(ClaimsPrincipal user, Guid sessionId, StatusChange change, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (status, canceller) = Read(change, errors);
        var session = await Managed(user).Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return new SessionOutcome.NotFound();
        }
        if (errors.Any)
        {
            return new SessionOutcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var from = session.Status;
        if (Refusal(session, status, canceller, now) is { } refusal)
        {
            return new SessionOutcome.Refused(refusal);
        }
        if (from == status)
        {
            return new SessionOutcome.Done(ToResponse(session));
        }

        session.Status = status;
        session.CancelledBy = canceller;
        session.CancelledAt = status == SessionStatus.Cancelled ? now : null;
        session.UpdatedAt = now;
        audit.Add(new AuditEntry(AuditActions.SessionStatusChanged, "Session", session.Id, session.Attendees.Select(a => a.ClientId).ToList())
        {
            Detail = $"{from}→{status}",
        });
        await db.SaveChangesAsync(ct);
        return new SessionOutcome.Done(ToResponse(session));
    }

    private static (SessionStatus Status, SessionCanceller? Canceller) Read(StatusChange change, FieldErrors errors)
    {
        if (!EnumNames.TryParse<SessionStatus>(change.Status, out var status))
        {
            errors.Add("status", "Status must be Scheduled, Attended, Cancelled or NoShow.");
        }
        SessionCanceller? canceller = null;
        if (status == SessionStatus.Cancelled)
        {
            if (!EnumNames.TryParse<SessionCanceller>(change.CancelledBy, out var by))
            {
                errors.Add("cancelledBy", "Say who cancelled: Counselor, Client or Practice.");
            }
            else
            {
                canceller = by;
            }
        }
        else if (change.CancelledBy is not null)
        {
            errors.Add("cancelledBy", "Only a cancellation has a canceller.");
        }
        return (status, canceller);
    }

    /// <summary>Why the session cannot go from its status to <paramref name="status"/>; null when it can (or already is there).</summary>
    private static string? Refusal(Session session, SessionStatus status, SessionCanceller? canceller, DateTimeOffset now)
    {
        var from = session.Status;
        var allowed = (from, status) switch
        {
            (SessionStatus.Scheduled, SessionStatus.Cancelled) => true,
            (SessionStatus.Scheduled or SessionStatus.NoShow, SessionStatus.Attended) => true,
            (SessionStatus.Scheduled or SessionStatus.Attended, SessionStatus.NoShow) => true,
            (SessionStatus.Cancelled, SessionStatus.Scheduled) => session.StartsAt > now,
            _ => from == status && (status != SessionStatus.Cancelled || session.CancelledBy == canceller),
        };
        if (!allowed)
        {
            return $"A session that is {from} cannot become {status}.";
        }
        if (status is SessionStatus.Attended or SessionStatus.NoShow && session.StartsAt > now)
        {
            return "A session that has not started yet cannot be marked attended or missed.";
        }
        return null;
    }
}
