using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

/// <summary>The booking form's fields, shared by the booking page and the case page's partial.</summary>
public sealed class BookSessionForm
{
    public Guid CaseId { get; set; }

    /// <summary>A datetime-local value ("2026-05-04T14:00"), read in the counselor's own time zone.</summary>
    public string? StartsAt { get; set; }
    public int? DurationMinutes { get; set; } = 50;
    public string? Location { get; set; }
    public string? VideoLink { get; set; }
    public List<Guid> ClientIds { get; set; } = [];
    public bool AllowConflict { get; set; }

    /// <summary>The case's clients to choose attendees from (id, display name); filled by the page.</summary>
    public List<(Guid Id, string Name)> CaseClients { get; set; } = [];

    /// <summary>The request, or the message for the start field (a time that does not exist in the reader's zone).</summary>
    public (SessionRequest? Request, LocalInput Start) ToRequest(ReaderTime reader)
    {
        var start = reader.Parse(StartsAt);
        // An empty start goes to the service, whose message for it is the API's too.
        var at = start is LocalInput.Valid valid ? valid.At : (DateTimeOffset?)null;
        if (start is LocalInput.Invalid && !string.IsNullOrWhiteSpace(StartsAt))
        {
            return (null, start);
        }
        return (new SessionRequest(at, DurationMinutes, null, Location, VideoLink, ClientIds, AllowConflict), start);
    }
}
