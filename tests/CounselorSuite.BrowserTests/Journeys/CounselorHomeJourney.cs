using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 10: the counselor signs in to their home and sees, in order, Riley's safety alert, today's session,
/// Riley's check-in to review and Sam's overdue exercise; on a phone too; then resolves the alert from the
/// alerts page the menu leads to. The set-up is spoken through the API: the pages it uses have journeys of their own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CounselorHomeJourney(BrowserHost host)
{
    private const string CheckIn = "Private check-in";
    private const string Promises = "Keeping small promises";
    private const string RileysWords = "Something only the counselor may read";

    [Fact]
    public async Task The_counselors_home_shows_an_alert_a_session_today_work_to_review_and_overdue_work_on_desktop_and_phone()
    {
        var world = await CoupleWorld.CreateAsync(host.App);
        await PrepareDayAsync(host.App, world);
        await using var journey = Journey.Start(host, "10-counselor-home");

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor signs in and sees their day", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.WaitForPathAsync("/counselor");
            await ExpectDayAsync(counselor);
            // Another journey may have checked /counselor already, with fewer lists filled: this one is checked anyway.
            await journey.CheckAccessibilityAsync(counselor, "01-home-with-every-list");
        });

        var phone = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(phone, "the same home on a phone", async () =>
        {
            await phone.SignInAsync(world.CounselorEmail);
            await phone.WaitForPathAsync("/counselor");
            await ExpectDayAsync(phone);
            // Legible at 390 px: nothing wider than the screen, so nothing to scroll sideways.
            var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.InRange(width, 1, Viewport.Phone.Width);
        }, checkAccessibility: false);

        await journey.StepAsync(counselor, "the alert leads to the alerts page", async () =>
        {
            await counselor.Locator("#safety-alerts").GetByRole(AriaRole.Link, new() { Name = "Open the alert" }).ClickAsync();
            await counselor.WaitForPathAsync("/counselor/alerts");
            await Expect(counselor.Locator("#safety-alerts li")).ToContainTextAsync("Riley");
            await Expect(counselor.Locator("body")).Not.ToContainTextAsync(RileysWords);
        });
        await journey.StepAsync(counselor, "counselor resolves the alert and the menu count goes", async () =>
        {
            await counselor.Locator("#safety-alerts").GetByLabel("What was done").FillAsync("Called Riley; made a safety plan together.");
            await counselor.Locator("#safety-alerts").GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
            await Expect(counselor.Locator("[role=status]")).ToContainTextAsync("Alert resolved.");
            await Expect(counselor.Locator("#resolved-alerts")).ToContainTextAsync("made a safety plan");
            await Expect(counselor.Locator("#alerts-menu-link")).ToHaveTextAsync("Safety alerts");
        });
        await journey.StepAsync(counselor, "home again: no open alert, the rest of the day unchanged", async () =>
        {
            await counselor.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
            await Expect(counselor.Locator("#safety-alerts")).ToContainTextAsync("No open safety alerts.");
            await Expect(counselor.Locator("#to-review")).ToContainTextAsync(CheckIn);
        });
    }

    private static async Task ExpectDayAsync(IPage page)
    {
        var alerts = page.Locator("#safety-alerts");
        await Expect(alerts.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Clients who need your attention (1)");
        await Expect(alerts).ToContainTextAsync("Riley");
        await Expect(page.Locator("#alerts-menu-link")).ToHaveTextAsync("Safety alerts, 1 open");
        var sessions = page.Locator("#sessions");
        await Expect(sessions.GetByRole(AriaRole.Heading, new() { Level = 3 }).First).ToContainTextAsync("Today");
        await Expect(sessions).ToContainTextAsync("12:00–12:50 pm");
        await Expect(sessions).ToContainTextAsync("Riley, Sam");
        await Expect(page.Locator("#to-review")).ToContainTextAsync($"Riley sent {CheckIn}");
        await Expect(page.Locator("#overdue")).ToContainTextAsync("Sam 1");
        await Expect(page.Locator("#activity")).ToContainTextAsync("Riley sent");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(RileysWords);
        // The lists come in the order a counselor needs them.
        var order = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main section[id]')].map(s => s.id)");
        Assert.Equal(["safety-alerts", "sessions", "to-review", "overdue", "activity", "cases"], order.Take(6));
    }

    /// <summary>
    /// Riley's check-in answered "not safe at home", Sam's exercise past due (moved back in the database: the
    /// app refuses a due date in the past), and a session at noon today (UTC noon is today in every zone people
    /// live in within eleven hours of it).
    /// </summary>
    internal static async Task PrepareDayAsync(BrowserApp app, CoupleWorld world)
    {
        using var counselor = await app.SignInAsync(world.CounselorEmail);
        using var rileyApi = await app.SignInAsync(world.Riley);
        using var samApi = await app.SignInAsync(world.Sam);
        var (riley, sam) = (await IdOfAsync(rileyApi), await IdOfAsync(samApi));

        var checkIn = await BuiltInAsync(counselor, CheckIn);
        await PostAsync(counselor, "/api/assignments", new { caseId = world.CaseId, exerciseId = checkIn["id"], clientIds = new[] { riley } });
        await PostAsync(counselor, "/api/assignments", new { caseId = world.CaseId, exerciseId = (await BuiltInAsync(counselor, Promises))["id"], clientIds = new[] { sam } });
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddHours(12);
        await PostAsync(counselor, $"/api/cases/{world.CaseId}/sessions", new { startsAt = today, durationMinutes = 50, allowConflict = true });

        var item = (await (await rileyApi.GetAsync("/api/me/assignments")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>();
        Guid Prompt(string key) => checkIn["prompts"]!.AsArray().First(p => p!["key"]!.GetValue<string>() == key)!["id"]!.GetValue<Guid>();
        await PostAsync(rileyApi, $"/api/assignments/{item}/submit", new JsonObject
        {
            ["answers"] = new JsonArray(
                new JsonObject { ["promptId"] = Prompt("p1"), ["choices"] = new JsonArray("No") },
                new JsonObject { ["promptId"] = Prompt("p4"), ["value"] = 4 },
                new JsonObject { ["promptId"] = Prompt("p5"), ["text"] = RileysWords }),
        }, System.Net.HttpStatusCode.OK);

        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var late = new Npgsql.NpgsqlCommand(
            "UPDATE assignment_occurrences SET due_at = now() - interval '2 days', available_at = now() - interval '3 days' WHERE case_id = @c AND client_id = @s",
            owner);
        late.Parameters.AddWithValue("c", world.CaseId);
        late.Parameters.AddWithValue("s", sam);
        Assert.Equal(1, await late.ExecuteNonQueryAsync());
    }

    private static async Task<Guid> IdOfAsync(HttpClient person) =>
        (await (await person.GetAsync("/api/me")).ReadJsonAsync())["userId"]!.GetValue<Guid>();

    private static async Task<JsonObject> BuiltInAsync(HttpClient counselor, string title)
    {
        var list = await (await counselor.GetAsync("/api/exercises?pageSize=100&builtIn=true")).ReadJsonAsync();
        var id = list["items"]!.AsArray().First(i => i!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<Guid>();
        return await (await counselor.GetAsync($"/api/exercises/{id}")).ReadJsonAsync();
    }

    private static async Task PostAsync(HttpClient http, string url, object body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.Created) =>
        await (await http.PostAsJsonAsync(url, body)).EnsureStatusAsync(expected);
}
