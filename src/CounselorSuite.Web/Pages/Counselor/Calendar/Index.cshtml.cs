using System.Globalization;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Calendar;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
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
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Anchor = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Today;
        if (View == "week")
        {
            First = Anchor.AddDays(-(((int)Anchor.DayOfWeek + 6) % 7));
            Last = First.AddDays(6);
        }
        else
        {
            var monthStart = new DateOnly(Anchor.Year, Anchor.Month, 1);
            First = monthStart.AddDays(-(((int)monthStart.DayOfWeek + 6) % 7));
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            Last = monthEnd.AddDays(6 - (((int)monthEnd.DayOfWeek + 6) % 7));
        }
        Entries = await CalendarQuery.ForCounselorAsync(db, User.UserId(),
            new DateTimeOffset(First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
        return Page();
    }

    public IEnumerable<CalendarEntry> On(DateOnly day) => Entries.Where(e => DateOnly.FromDateTime(e.StartsAt.UtcDateTime) == day);

    public string Link(string view, DateOnly date) => $"/counselor/calendar?view={view}&date={date:yyyy-MM-dd}";
}
