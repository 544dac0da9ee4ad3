using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Sessions;

public enum SessionStatus { Scheduled, Attended, Cancelled, NoShow }

/// <summary>Who called a session off; kept so no-shows and late cancellations can be told apart.</summary>
public enum SessionCanceller { Counselor, Client, Practice }

/// <summary>An appointment of a case: some or all of the case's clients meet its counselors.</summary>
public sealed class Session : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Location { get; set; }
    public string? VideoLink { get; set; }
    public SessionStatus Status { get; set; }
    public SessionCanceller? CancelledBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<SessionAttendee> Attendees { get; set; } = [];

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

public sealed class SessionAttendee : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid SessionId { get; set; }
    public Guid ClientId { get; set; }
}

/// <summary>
/// A reminder mailed to one attendee before a session, for the time the session then had. The key holds
/// that time: a second sweep finds the row and sends nothing, and a moved session gets a reminder of its
/// new time.
/// </summary>
public sealed class SessionReminder : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid SessionId { get; set; }
    public Guid ClientId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// A counselor's private iCalendar feed. Only the SHA-256 of the secret in its URL is stored; rotating
/// replaces the hash, so an old URL stops working at once.
/// </summary>
public sealed class CalendarFeed : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid CounselorId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Off by default: a calendar app on a shared phone must not show who the counselor sees.</summary>
    public bool IncludeClientNames { get; set; }
}
