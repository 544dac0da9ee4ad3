using System.Globalization;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Calendar;

public sealed class IndexModel(AppDbContext db, ReaderTimes times) : PageModel
{
    public string View { get; private set; } = "week";
    public DateOnly Today { get; private set; }
    public DateOnly First { get; private set; }
    public DateOnly Last { get; private set; }
    public DateOnly Anchor { get; private set; }
    public List<CalendarEntry> Entries { get; private set; } = [];
    public List<PlacedEntry> Placed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? view, string? date, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        View = view == "month" ? "month" : "week";
        var reader = await times.GetCurrentAsync(ct);
        Reader = reader;
        Today = reader.Today;
        Anchor = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Today;
        if (View == "week")
        {
            First = reader.WeekStart(Anchor);
            Last = First.AddDays(6);
        }
        else
        {
            var monthStart = new DateOnly(Anchor.Year, Anchor.Month, 1);
            First = Reader.WeekStart(monthStart);
            Last = Reader.WeekStart(monthStart.AddMonths(1).AddDays(-1)).AddDays(6);
        }
        // The grid's days are the counselor's days: from their first midnight to the one after the last.
        Entries = await CalendarQuery.ForCounselorAsync(db, User.UserId(), Reader.StartOfDay(First), Reader.StartOfDay(Last.AddDays(1)), ct);
        Placed = CalendarGrid.Place(Entries, Local);
        return Page();
    }

    public ReaderTime Reader { get; private set; } = null!;

    // The reader's calendar: the grid is drawn in the reader's own zone.
    public DateTime Local(DateTimeOffset at) => Reader.Local(at).ToDateTimeUnspecified();

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays);

    public IEnumerable<PlacedEntry> On(DateOnly day) => Placed.Where(p => p.Day == day).OrderBy(p => p.LocalStart);

    public string Link(string view, DateOnly date) => Url.Page("/Counselor/Calendar/Index", new { view, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })!;

    /// <summary>The booking page for an empty hour, the time filled in (the counselor then picks the case).</summary>
    public string BookAt(DateOnly day, int hour) =>
        Url.Page("/Counselor/Sessions/BookAt", new { startsAt = day.ToDateTime(new TimeOnly(hour, 0)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) })!;
}
