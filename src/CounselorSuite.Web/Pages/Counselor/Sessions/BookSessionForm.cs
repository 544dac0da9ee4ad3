using System.Globalization;
using CounselorSuite.Web.Features.Sessions;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

/// <summary>The booking form's fields, shared by the booking page and the case page's partial.</summary>
public sealed class BookSessionForm
{
    public Guid CaseId { get; set; }

    /// <summary>A datetime-local value ("2026-05-04T14:00"), read as UTC.</summary>
    public string? StartsAt { get; set; }
    public int? DurationMinutes { get; set; } = 50;
    public string? Location { get; set; }
    public string? VideoLink { get; set; }
    public List<Guid> ClientIds { get; set; } = [];
    public bool AllowConflict { get; set; }

    /// <summary>The case's clients to choose attendees from (id, display name); filled by the page.</summary>
    public List<(Guid Id, string Name)> CaseClients { get; set; } = [];

    public SessionRequest ToRequest() => new(
        DateTime.TryParseExact(StartsAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.Zero)
            : null,
        DurationMinutes, null, Location, VideoLink, ClientIds, AllowConflict);
}
