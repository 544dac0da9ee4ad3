using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

/// <summary>What a booking or a reschedule asks for, from the API or the booking form.</summary>
public sealed record SessionRequest(
    DateTimeOffset? StartsAt, int? DurationMinutes, DateTimeOffset? EndsAt, string? Location, string? VideoLink,
    IReadOnlyList<Guid>? ClientIds, bool AllowConflict = false);

/// <summary>
/// Another session that overlaps. Ids are only given for sessions of cases the caller manages: a
/// co-counselor's other appointments are nobody else's business, only that they are busy.
/// </summary>
public sealed record SessionConflict(Guid CounselorId, Guid? SessionId, Guid? CaseId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record ValidSession(DateTimeOffset StartsAt, int DurationMinutes, string? Location, string? VideoLink, IReadOnlyList<Guid> ClientIds);

public static class SessionRules
{
    public const int MaxDurationMinutes = 12 * 60;

    /// <summary>How far back a new booking may be entered (recording a session that already happened).</summary>
    public static readonly TimeSpan MaxPastBooking = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxFutureBooking = TimeSpan.FromDays(2 * 366);

    /// <summary>Checks a booking against the case's clients; nothing is looked up beyond them.</summary>
    public static (ValidSession? Session, FieldErrors Errors) Validate(SessionRequest request, IReadOnlyCollection<Guid> caseClients, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var (startsAt, duration) = CheckTimes(request, now, errors);

        var location = string.IsNullOrWhiteSpace(request.Location) ? null : request.Location.Trim();
        if (location is { Length: > 200 })
        {
            errors.Add("location", "Location must be at most 200 characters.");
        }
        var videoLink = string.IsNullOrWhiteSpace(request.VideoLink) ? null : request.VideoLink.Trim();
        if (videoLink is not null && (videoLink.Length > 500
            || !Uri.TryCreate(videoLink, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("videoLink", "Video link must be an https:// address of at most 500 characters.");
        }

        var clients = request.ClientIds is null || request.ClientIds.Count == 0
            ? caseClients.ToList()
            : request.ClientIds.Distinct().ToList();
        if (request.ClientIds is { Count: > 0 } && clients.Any(c => !caseClients.Contains(c)))
        {
            errors.Add("clientIds", "Every attendee must be a client of this case.");
        }
        return errors.Any ? (null, errors) : (new ValidSession(startsAt, duration!.Value, location, videoLink, clients), errors);
    }

    /// <summary>The start and the duration (given, or from an end time), each checked; errors go into <paramref name="errors"/>.</summary>
    private static (DateTimeOffset StartsAt, int? Duration) CheckTimes(SessionRequest request, DateTimeOffset now, FieldErrors errors)
    {
        var duration = request.DurationMinutes;
        if (request.StartsAt is not { } startsAt)
        {
            errors.Add("startsAt", "Start time is required.");
            startsAt = default;
        }
        else
        {
            if (startsAt < now - MaxPastBooking)
            {
                errors.Add("startsAt", $"A session can be entered at most {MaxPastBooking.Days} days after it took place.");
            }
            if (startsAt > now + MaxFutureBooking)
            {
                errors.Add("startsAt", "A session can be booked at most two years ahead.");
            }
        }
        if (request.EndsAt is { } endsAt && request.StartsAt is not null)
        {
            if (endsAt <= startsAt)
            {
                errors.Add("endsAt", "A session must end after it starts.");
            }
            var fromEnd = (endsAt - startsAt).TotalMinutes;
            if (duration is not null && Math.Abs(fromEnd - duration.Value) > 0.5)
            {
                errors.Add("endsAt", "The end time and the duration disagree; give one of them.");
            }
            duration ??= fromEnd > 0 && fromEnd <= int.MaxValue ? (int)Math.Round(fromEnd) : 0;
        }
        if (duration is null)
        {
            errors.Add("durationMinutes", "Duration (or an end time) is required.");
        }
        else if (duration <= 0)
        {
            errors.Add("durationMinutes", "Duration must be more than zero minutes.");
        }
        else if (duration > MaxDurationMinutes)
        {
            errors.Add("durationMinutes", "A session can last at most 12 hours.");
        }
        return (startsAt, duration);
    }

    /// <summary>
    /// Sessions that overlap the given time for any counselor of the case, across all the cases they work
    /// on. Cancelled sessions and no-shows free the slot.
    /// </summary>
    public static async Task<List<SessionConflict>> FindConflictsAsync(
        AppDbContext db, ClaimsPrincipal user, Guid caseId, DateTimeOffset startsAt, int durationMinutes, Guid? ignoreSessionId, CancellationToken ct)
    {
        var endsAt = startsAt.AddMinutes(durationMinutes);
        var counselors = db.CaseCounselors.Where(c => c.CaseId == caseId).Select(c => c.CounselorId);
        // Sessions are at most 12 hours long, so only those starting in the 12 hours before can overlap.
        var earliest = startsAt.AddMinutes(-SessionRules.MaxDurationMinutes);
        var overlapping = await db.Sessions.AsNoTracking()
            .Where(s => s.Id != ignoreSessionId
                && (s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Attended)
                && s.StartsAt < endsAt && s.StartsAt >= earliest)
            .Join(db.CaseCounselors.Where(cc => counselors.Contains(cc.CounselorId)), s => s.CaseId, cc => cc.CaseId,
                (s, cc) => new { s.Id, s.CaseId, s.StartsAt, s.DurationMinutes, cc.CounselorId })
            .ToListAsync(ct);
        var hits = overlapping.Where(s => s.StartsAt.AddMinutes(s.DurationMinutes) > startsAt).ToList();
        if (hits.Count == 0)
        {
            return [];
        }
        var hitCases = hits.Select(h => h.CaseId).Distinct().ToList();
        var visible = (await db.Cases.AsNoTracking().ManagedBy(user).Where(c => hitCases.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return hits
            .OrderBy(h => h.StartsAt)
            .Select(h => visible.Contains(h.CaseId)
                ? new SessionConflict(h.CounselorId, h.Id, h.CaseId, h.StartsAt, h.StartsAt.AddMinutes(h.DurationMinutes))
                : new SessionConflict(h.CounselorId, null, null, h.StartsAt, h.StartsAt.AddMinutes(h.DurationMinutes)))
            .ToList();
    }
}
