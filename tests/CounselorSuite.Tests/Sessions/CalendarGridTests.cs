using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Sessions;

namespace CounselorSuite.Tests.Sessions;

public sealed partial class CalendarGridTests
{
    private static CalendarEntry Entry(DateTimeOffset startsAt, int minutes) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "A case", startsAt, minutes, SessionStatus.Scheduled, null);

    [Fact]
    public void A_session_from_9_00_to_9_50_sits_in_the_9_o_clock_row_and_spans_its_fifty_minutes()
    {
        var nine = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

        var placed = Assert.Single(CalendarGrid.Place([Entry(nine, 50)], at => at.UtcDateTime));

        Assert.Equal(9 * CalendarGrid.RowsPerHour + 1, placed.Row);
        Assert.Equal(50 / CalendarGrid.SlotMinutes, placed.Rows);
        Assert.Equal(new DateOnly(2026, 12, 8), placed.Day);
        Assert.Equal((0, 1), (placed.Lane, placed.Lanes));
    }

    [Fact]
    public void Overlapping_sessions_share_the_column_side_by_side_and_a_later_one_gets_it_whole_again()
    {
        var nine = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

        var placed = CalendarGrid.Place([Entry(nine, 60), Entry(nine.AddMinutes(30), 60), Entry(nine.AddHours(3), 50)], at => at.UtcDateTime)
            .OrderBy(p => p.LocalStart).ToList();

        Assert.Equal([(0, 2), (1, 2), (0, 1)], placed.Select(p => (p.Lane, p.Lanes)));
    }

    [Fact]
    public async Task The_week_grid_places_a_session_at_its_hour_and_every_empty_hour_links_to_booking_with_the_time_filled_in()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var nine = SessionApi.DaysAhead(3, 9);
        var id = await world.Counselor.BookAsync(world.CaseId, nine, minutes: 50);
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var html = await page.GetStringAsync($"/counselor/calendar?date={nine:yyyy-MM-dd}");

        var session = SessionLink().Matches(html).Single(m => m.Groups["id"].Value == id.ToString());
        Assert.Contains("at-109", session.Groups["class"].Value);
        Assert.Contains("span-10", session.Groups["class"].Value);
        Assert.Contains("9:00–9:50", session.Value);
        Assert.Equal(7 * 24, SlotLink().Count(html));
        var slot = $"/counselor/sessions/book?startsAt={nine.AddHours(2):yyyy-MM-dd}T11%3A00";
        Assert.Contains($"href=\"{slot}\"", html);
        Assert.Contains("data-work-start=\"8\"", html);
        Assert.Contains("/js/calendar.js", html);

        // The empty hour asks for the case, then opens that case's booking form with the time in it.
        var choose = await page.GetStringAsync(slot);
        Assert.Contains("A case", choose);
        var chosen = await page.GetAsync($"{slot}&caseId={world.CaseId}");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var form = await page.GetStringAsync(chosen.Headers.Location!.OriginalString);
        Assert.Contains($"value=\"{nine:yyyy-MM-dd}T11:00\"", form);
        var otherCase = await page.GetAsync($"{slot}&caseId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, otherCase.StatusCode);
    }

    [Fact]
    public async Task The_month_view_names_its_month_and_lists_its_days_as_an_agenda_for_a_phone()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var day = SessionApi.DaysAhead(5, 15);
        var id = await world.Counselor.BookAsync(world.CaseId, day);
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var html = await page.GetStringAsync($"/counselor/calendar?view=month&date={day:yyyy-MM-dd}");

        Assert.Contains($"<h2 id=\"calendar-heading\">{day:MMMM yyyy}</h2>", html);
        var agenda = html[html.IndexOf("<ol class=\"agenda\"", StringComparison.Ordinal)..];
        Assert.Contains($"{day:dddd d MMMM}", agenda);
        Assert.Contains($"/counselor/sessions/{id}", agenda);
    }

    [GeneratedRegex("<a class=\"(?<class>event [^\"]*)\"[^>]*href=\"/counselor/sessions/(?<id>[0-9a-f-]{36})\"[^>]*>.*?</a>", RegexOptions.Singleline)]
    private static partial Regex SessionLink();

    [GeneratedRegex("<a class=\"slot ")]
    private static partial Regex SlotLink();
}
