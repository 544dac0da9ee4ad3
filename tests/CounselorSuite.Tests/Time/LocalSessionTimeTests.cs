using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using CounselorSuite.Web.Infrastructure.Time;
using NodaTime;

namespace CounselorSuite.Tests.Time;

/// <summary>
/// A session a counselor in Chicago books for 9:00 am is 9:00 am wherever a Chicago reader sees it, and
/// the same instant in their own clock for a client in Kolkata (a half-hour zone).
/// </summary>
public sealed class LocalSessionTimeTests
{
    private static async Task<HttpResponseMessage> BookOnPageAsync(Browser counselor, Guid caseId, string local) =>
        await counselor.PostFormAsync($"/counselor/sessions/book/{caseId}", new()
        {
            ["Form.StartsAt"] = local, ["Form.DurationMinutes"] = "50",
        });

    private static async Task SetOwnZoneAsync(Browser person, string zone) =>
        await (await person.PostFormAsync("/account/security", new() { ["TimeZone"] = zone }, "/account/timezone")).EnsureStatusAsync(HttpStatusCode.Redirect);

    [Fact]
    public async Task A_9_am_session_in_chicago_reads_9_am_on_every_page_and_in_the_feed_and_kolkata_sees_its_own_time()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple", timeZone: "America/Chicago");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var inChicago = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var inKolkata = await Browser.SignedInAsync(app, world.Clients[1].Email);
        await SetOwnZoneAsync(inKolkata, "Asia/Kolkata");

        var chicago = new TimeSettings(null, "America/Chicago", "en-US").At(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow));
        var day = chicago.Today.AddDays(9);
        var booked = await BookOnPageAsync(counselor, world.CaseId, $"{day:yyyy-MM-dd}T09:00");
        await booked.EnsureStatusAsync(HttpStatusCode.Redirect);
        // Booking lands on the case's sessions, where the new session is listed.
        Assert.StartsWith($"/counselor/cases/{world.CaseId}/sessions", booked.Headers.Location!.OriginalString);
        var sessions = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync();
        var sessionId = sessions["items"]![0]!["id"]!.GetValue<string>();
        var instant = ((LocalInput.Valid)chicago.Parse(day, new TimeOnly(9, 0))).At;

        var sessionPage = await counselor.PageAsync($"/counselor/sessions/{sessionId}");
        Assert.Contains($">{chicago.Date(instant)}, 9:00\u20139:50 am</time>", sessionPage);
        Assert.Contains($"datetime=\"{chicago.Iso(instant)}\"", sessionPage);
        Assert.Contains(">9:00\u20139:50 am</time></strong>", await counselor.PageAsync($"/counselor/calendar?date={day:yyyy-MM-dd}"));
        Assert.Contains(">9:00 am</time></strong>", await counselor.PageAsync($"/counselor/calendar?view=month&date={day:yyyy-MM-dd}"));
        Assert.Contains($">{chicago.Date(instant)}, 9:00 am</time>", Html.Section(await counselor.PageAsync($"/counselor/cases/{world.CaseId}/sessions"), "sessions"));
        Assert.Contains($">{chicago.Date(instant)}, 9:00\u20139:50 am</time>", await inChicago.PageAsync("/portal/sessions"));

        // Kolkata is 11:30 or 10:30 hours ahead of Chicago: the same instant, in the evening, with its zone named.
        var kolkata = new TimeSettings("Asia/Kolkata", "America/Chicago", "en-US").At(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow));
        var portal = await inKolkata.PageAsync("/portal/sessions");
        Assert.Contains($">{kolkata.Range(instant, instant.AddMinutes(50))}</time>", portal);
        Assert.Contains(" pm IST</time>", portal);
        Assert.DoesNotContain("9:00", portal);

        var feed = await world.Counselor.PostAsync("/api/me/calendar-feed/rotate", null);
        await feed.EnsureStatusAsync(HttpStatusCode.OK);
        using var calendarApp = app.CreateClient();
        var ics = await calendarApp.GetStringAsync(new Uri((await feed.ReadJsonAsync())["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("TZID:America/Chicago", ics);
        Assert.Contains($"DTSTART;TZID=America/Chicago:{day:yyyyMMdd}T090000", ics);
        Assert.Contains($"DTEND;TZID=America/Chicago:{day:yyyyMMdd}T095000", ics);
    }

    [Fact]
    public async Task A_time_that_does_not_exist_is_refused_next_to_the_form_and_nothing_is_booked()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync(timeZone: "America/Chicago");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        // The US spring change in 2027: 2:00 am becomes 3:00 am on Sun 14 Mar.
        var refused = await BookOnPageAsync(counselor, world.CaseId, "2027-03-14T02:30");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("does not exist in America/Chicago", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
    }
}
