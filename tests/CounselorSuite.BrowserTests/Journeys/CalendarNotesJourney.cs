using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 14: the counselor's week and month on a desktop and a phone, and a note that saves itself as it is typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarNotesJourney(BrowserHost host)
{
    [Fact]
    public async Task A_counselor_books_from_an_empty_hour_reads_the_week_and_month_and_a_note_saves_itself_on_both_screens()
    {
        var world = await host.App.CreateWorldAsync();
        var nine = DaysAhead(7, 9);
        var session = await BookAsync(world.Counselor, world.CaseId, nine, 50);
        var past = await BookAsync(world.Counselor, world.CaseId, DaysAhead(-1, 14), 50);
        var note = await DraftNoteAsync(world.Counselor, past);
        await using var journey = Journey.Start(host, "14-calendar-and-notes");

        var desk = await journey.OpenAsync(Viewport.Desktop);
        await desk.SignInAsync(world.CounselorEmail);
        await journey.StepAsync(desk, "week grid opens at the working day", async () =>
        {
            await desk.GotoAsync($"/counselor/calendar?date={nine:yyyy-MM-dd}");
            var booked = desk.Locator($"a.event[data-session='{session}']");
            await Expect(booked).ToContainTextAsync("9:00–9:50");
            var grid = desk.Locator("#week-grid");
            var gridBox = (await grid.BoundingBoxAsync())!;
            var hourNine = (await desk.Locator("#hour-9").BoundingBoxAsync())!;
            var box = (await booked.BoundingBoxAsync())!;
            // The session starts on the 9 o'clock line and is 50/60 of an hour tall, and 8:00 is in view without scrolling.
            Assert.InRange(box.Y - hourNine.Y, -2, 3);
            Assert.InRange(box.Height / hourNine.Height, 0.75, 0.9);
            var eight = (await desk.Locator("#hour-8").BoundingBoxAsync())!;
            Assert.InRange(eight.Y, gridBox.Y, gridBox.Y + gridBox.Height);
        });
        await journey.StepAsync(desk, "an empty hour books a session at that time", async () =>
        {
            // The day's column by its name: where the week starts follows the practice's locale.
            var column = nine.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
            await desk.Locator($"section.day-column[aria-label='{column}']").Locator("a.slot").Nth(11).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Book a session");
            await desk.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(desk.Locator("#book-starts")).ToHaveValueAsync($"{nine:yyyy-MM-dd}T11:00");
        });
        await journey.StepAsync(desk, "a draft note saves itself", async () =>
        {
            await desk.GotoAsync($"/counselor/notes/{note}");
            await desk.Locator("textarea").First.FillAsync("Both partners spoke about the week.");
            await Expect(desk.Locator("[data-autosave-status]")).ToHaveTextAsync("Saved", new() { Timeout = 10_000 });
            await desk.ReloadAsync();
            await Expect(desk.Locator("textarea").First).ToHaveValueAsync("Both partners spoke about the week.");
        });

        var phone = await journey.OpenAsync(Viewport.Phone);
        await phone.SignInAsync(world.CounselorEmail);
        await journey.StepAsync(phone, "month on a phone is an agenda", async () =>
        {
            await phone.GotoAsync($"/counselor/calendar?view=month&date={nine:yyyy-MM-dd}");
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"{nine:MMMM yyyy}");
            await Expect(phone.Locator("table.month")).ToBeHiddenAsync();
            await Expect(phone.Locator("ol.agenda")).ToContainTextAsync($"{nine:dddd d MMMM}");
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the month is {width} pixels wide");
        });
        await journey.StepAsync(phone, "week on a phone scrolls inside its box", async () =>
        {
            await phone.GotoAsync($"/counselor/calendar?date={nine:yyyy-MM-dd}");
            await Expect(phone.Locator($"a.event[data-session='{session}']")).ToBeAttachedAsync();
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the page is {width} pixels wide");
        });
        await journey.StepAsync(phone, "a note saves itself on a phone", async () =>
        {
            await phone.GotoAsync($"/counselor/notes/{note}");
            await phone.Locator("textarea").Nth(1).FillAsync("Next: practise asking.");
            await Expect(phone.Locator("[data-autosave-status]")).ToHaveTextAsync("Saved", new() { Timeout = 10_000 });
            await phone.ReloadAsync();
            await Expect(phone.Locator("textarea").Nth(1)).ToHaveValueAsync("Next: practise asking.");
        });
    }

    private static DateTimeOffset DaysAhead(int days, int hour) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    private static async Task<Guid> BookAsync(HttpClient counselor, Guid caseId, DateTimeOffset startsAt, int minutes)
    {
        var response = await counselor.PostAsJsonAsync($"/api/cases/{caseId}/sessions", new { startsAt, durationMinutes = minutes, allowConflict = true });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> DraftNoteAsync(HttpClient counselor, Guid sessionId)
    {
        var response = await counselor.PostAsJsonAsync($"/api/sessions/{sessionId}/notes", new { template = "DAP", body = new { data = "" } });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }
}
