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
            First = reader.WeekStart(monthStart);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            Last = reader.WeekStart(monthEnd).AddDays(6);
        }
        // The grid's days are the counselor's days: from their first midnight to the one after the last.
        Entries = await CalendarQuery.ForCounselorAsync(db, User.UserId(), reader.StartOfDay(First), reader.StartOfDay(Last.AddDays(1)), ct);
        return Page();
    }

    public IEnumerable<CalendarEntry> On(DateOnly day) => Entries.Where(e => Reader.DateOf(e.StartsAt) == day);

    public ReaderTime Reader { get; private set; } = null!;

    /// <summary>Day names for the month grid's header, from the locale's first day of the week.</summary>
    public IEnumerable<string> DayNames => Enumerable.Range(0, 7).Select(i => First.AddDays(i).ToString("ddd", CultureInfo.InvariantCulture));

    public string Link(string view, DateOnly date) => $"/counselor/calendar?view={view}&date={date:yyyy-MM-dd}";
}
