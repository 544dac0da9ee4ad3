using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 10: a counselor in Chicago books two sessions at 9:00 am, tomorrow and on the day the clocks next
/// change, and reads 9:00 am on the session page, their home and the calendar; a partner who lives in
/// Kolkata (half an hour off the hour, no daylight saving) reads both in their own evening, an hour apart
/// because Chicago's clock moved; the other partner, in Chicago, reads 9:00 am twice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalTimeJourney(BrowserHost host)
{
    [Fact]
    public async Task A_9_am_booking_in_chicago_reads_9_am_for_the_counselor_and_evening_time_for_a_client_in_kolkata()
    {
        var world = await CoupleWorld.CreateAsync(host.App, timeZone: "America/Chicago");
        await using var journey = Journey.Start(host, "10-local-time");
        var now = Instant.FromDateTimeOffset(host.App.ShiftableClock.GetUtcNow());
        var chicago = new TimeSettings(null, "America/Chicago", "en-US").At(now);
        var kolkata = new TimeSettings("Asia/Kolkata", "America/Chicago", "en-US").At(now);
        var tomorrow = chicago.Today.AddDays(1);
        var changeDay = NextClockChange(chicago.Zone, now, after: tomorrow);
        var first = ((LocalInput.Valid)chicago.Parse(tomorrow, new TimeOnly(9, 0))).At;
        var second = ((LocalInput.Valid)chicago.Parse(changeDay, new TimeOnly(9, 0))).At;
        Assert.NotEqual(chicago.Zone.GetUtcOffset(Instant.FromDateTimeOffset(first)), chicago.Zone.GetUtcOffset(Instant.FromDateTimeOffset(second)));

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor fills in the booking form at 9:00 am", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.GotoAsync($"/counselor/sessions/book/{world.CaseId}");
            await Expect(counselor.Locator("#book-starts-hint")).ToContainTextAsync("America/Chicago");
            await counselor.GetByLabel("Starts").FillAsync($"{tomorrow:yyyy-MM-dd}T09:00");
        });
        await journey.StepAsync(counselor, "the case confirms the booking at 9:00 am", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Book session" }).ClickAsync();
            await Expect(counselor.GetByRole(AriaRole.Status)).ToContainTextAsync($"Session booked for {chicago.DateTime(first)}.");
        });
        await journey.StepAsync(counselor, "the session page says 9:00 am", async () =>
        {
            await counselor.Locator("#sessions").GetByRole(AriaRole.Link, new() { Name = chicago.DateTime(first) }).ClickAsync();
            await counselor.WaitForURLAsync("**/counselor/sessions/*");
            await Expect(counselor.Locator("main .card").First).ToContainTextAsync($"{chicago.Date(first)}, 9:00\u20139:50 am");
        });
        await journey.StepAsync(counselor, "the home page lists it at 9:00 am tomorrow", async () =>
        {
            await counselor.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
            var sessions = counselor.Locator("#sessions");
            await Expect(sessions).ToContainTextAsync("Tomorrow");
            await Expect(sessions.GetByRole(AriaRole.Link, new() { Name = "9:00\u20139:50 am" })).ToBeVisibleAsync();
        });
        await journey.StepAsync(counselor, "the calendar shows it at 9:00 am", async () =>
        {
            await counselor.GotoAsync($"/counselor/calendar?date={tomorrow:yyyy-MM-dd}");
            await Expect(counselor.Locator("a.event")).ToContainTextAsync("9:00\u20139:50 am");
            await Expect(counselor.Locator("main")).ToContainTextAsync("America/Chicago");
        });
        await journey.StepAsync(counselor, "a second 9:00 am session on the day the clocks change", async () =>
        {
            await counselor.GotoAsync($"/counselor/sessions/book/{world.CaseId}");
            await counselor.GetByLabel("Starts").FillAsync($"{changeDay:yyyy-MM-dd}T09:00");
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Book session" }).ClickAsync();
            await Expect(counselor.GetByRole(AriaRole.Status)).ToContainTextAsync($"Session booked for {chicago.DateTime(second)}.");
            await Expect(counselor.Locator("#sessions")).ToContainTextAsync(chicago.DateTime(second));
        });
        await journey.StepAsync(counselor, "the calendar of that week shows it at 9:00 am too", async () =>
        {
            await counselor.GotoAsync($"/counselor/calendar?date={changeDay:yyyy-MM-dd}");
            await Expect(counselor.Locator("a.event")).ToContainTextAsync("9:00\u20139:50 am");
        });

        var sam = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(sam, "Sam, who lives in Kolkata, chooses their own time zone", async () =>
        {
            await sam.SignInAsync(world.Sam);
            await sam.GotoAsync("/account/security");
            await sam.Locator("#time-zone").GetByLabel("Time zone").SelectOptionAsync("Asia/Kolkata");
            await sam.GetByRole(AriaRole.Button, new() { Name = "Save time zone" }).ClickAsync();
            await Expect(sam.Locator("#time-zone")).ToContainTextAsync("Asia/Kolkata (IST)");
        });
        await journey.StepAsync(sam, "Sam's appointments are in Kolkata time, an hour apart across the change", async () =>
        {
            await sam.GotoAsync("/portal/sessions");
            var main = sam.Locator("main");
            await Expect(main).ToContainTextAsync(kolkata.Range(first, first.AddMinutes(50)));
            await Expect(main).ToContainTextAsync(kolkata.Range(second, second.AddMinutes(50)));
            await Expect(main).Not.ToContainTextAsync("9:00");
        });

        var riley = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(riley, "Riley, in Chicago, reads 9:00 am both times", async () =>
        {
            await riley.SignInAsync(world.Riley);
            await riley.GotoAsync("/portal/sessions");
            await Expect(riley.Locator("main")).ToContainTextAsync($"{chicago.Date(first)}, 9:00\u20139:50 am");
            await Expect(riley.Locator("main")).ToContainTextAsync($"{chicago.Date(second)}, 9:00\u20139:50 am");
        });
    }

    /// <summary>The first day after <paramref name="after"/> on which the zone's clocks change (in Chicago, March or November).</summary>
    private static DateOnly NextClockChange(DateTimeZone zone, Instant now, DateOnly after)
    {
        var interval = zone.GetZoneInterval(now);
        while (true)
        {
            var day = interval.End.InZone(zone).Date.ToDateOnly();
            if (day > after)
            {
                return day;
            }
            interval = zone.GetZoneInterval(interval.End);
        }
    }
}
