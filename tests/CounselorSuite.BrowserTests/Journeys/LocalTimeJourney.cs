using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 10: a counselor in Chicago books a session at 9:00 am and reads 9:00 am on the calendar and the
/// session page; a partner who lives in Kolkata reads the same appointment in their own evening.
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
        var day = chicago.Today.AddDays(8);
        var instant = ((LocalInput.Valid)chicago.Parse(day, new TimeOnly(9, 0))).At;

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor fills in the booking form at 9:00 am", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.GotoAsync($"/counselor/sessions/book/{world.CaseId}");
            await Expect(counselor.Locator("#book-starts-hint")).ToContainTextAsync("America/Chicago");
            await counselor.GetByLabel("Starts").FillAsync($"{day:yyyy-MM-dd}T09:00");
        });
        await journey.StepAsync(counselor, "the case's sessions say 9:00 am", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Book session" }).ClickAsync();
            await Expect(counselor.GetByRole(AriaRole.Status)).ToContainTextAsync($"Session booked for {chicago.Date(instant)}, 9:00 am.");
        });
        await journey.StepAsync(counselor, "the session page says 9:00 am", async () =>
        {
            await counselor.Locator("#sessions").GetByRole(AriaRole.Link, new() { Name = $"{chicago.Date(instant)}, 9:00 am" }).ClickAsync();
            await Expect(counselor.Locator("main .card").First).ToContainTextAsync($"{chicago.Date(instant)}, 9:00\u20139:50 am");
        });
        await journey.StepAsync(counselor, "the calendar shows it at 9:00 am", async () =>
        {
            await counselor.GotoAsync($"/counselor/calendar?date={day:yyyy-MM-dd}");
            await Expect(counselor.Locator("a.entry")).ToContainTextAsync("9:00 am");
            await Expect(counselor.Locator("main")).ToContainTextAsync("America/Chicago");
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
        await journey.StepAsync(sam, "Sam's appointments are in Kolkata time", async () =>
        {
            await sam.GotoAsync("/portal/sessions");
            await Expect(sam.Locator("main")).ToContainTextAsync(kolkata.Range(instant, instant.AddMinutes(50)));
            await Expect(sam.Locator("main")).Not.ToContainTextAsync("9:00");
        });

        var riley = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(riley, "Riley, in Chicago, reads 9:00 am", async () =>
        {
            await riley.SignInAsync(world.Riley);
            await riley.GotoAsync("/portal/sessions");
            await Expect(riley.Locator("main")).ToContainTextAsync($"{chicago.Date(instant)}, 9:00\u20139:50 am");
        });
    }
}
