using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 6: the portal's quick exit, by tap and by the Escape key, leaves for the practice's neutral
/// site, and the Back button does not bring the portal back. The network here is closed, so the neutral
/// site is served by the test itself (the practice may only choose an https address).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickExitJourney(BrowserHost host)
{
    private const string NeutralSite = "https://weather.example/today";

    private static Task ServeNeutralSiteAsync(IBrowserContext context) =>
        context.RouteAsync("https://weather.example/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!DOCTYPE html><html lang=\"en\"><head><title>Weather</title><meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body><main><h1>Weather today</h1><p>Sunny spells, light winds.</p></main></body></html>",
        }));

    [Fact]
    public async Task The_quick_exit_leaves_the_portal_by_tap_and_by_Escape_and_Back_does_not_return()
    {
        var world = await host.App.CreateWorldAsync();
        await using var journey = Journey.Start(host, "06-quick-exit");

        var admin = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(admin, "admin chooses a neutral quick-exit site", async () =>
        {
            await admin.SignInAsync(world.Practice.Email);
            await admin.SavePracticeSettingsAsync(quickExitUrl: NeutralSite);
            await Expect(admin.Locator("#settings").GetByLabel("Quick-exit page")).ToHaveValueAsync(NeutralSite);
        });

        var exits = new (string How, Func<IPage, Task> Leave)[]
        {
            ("tap", page => page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).TapAsync()),
            ("escape", page => page.Keyboard.PressAsync("Escape")),
        };
        foreach (var (how, leave) in exits)
        {
            var client = await journey.OpenAsync(Viewport.Phone, ServeNeutralSiteAsync);
            await journey.StepAsync(client, $"client in the portal before leaving by {how}", async () =>
            {
                await client.SignInAsync(world.Clients[0].Email);
                await client.WaitForPathAsync("/portal");
                // A few pages deep, as a person would be: every one of them must stay out of reach.
                await client.GetByRole(AriaRole.Link, new() { Name = "Security" }).ClickAsync();
                await client.WaitForPathAsync("/account/security");
                await client.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
                await client.WaitForPathAsync("/portal");
                await Expect(client.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToHaveAttributeAsync("href", NeutralSite);
            });
            await journey.StepAsync(client, $"quick exit by {how}", async () =>
            {
                await leave(client);
                await client.WaitForURLAsync(NeutralSite);
                await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Weather today" })).ToBeVisibleAsync();
            }, checkAccessibility: false);
            await journey.StepAsync(client, $"back after leaving by {how} shows no portal", async () =>
            {
                await client.GoBackAsync();
                await client.WaitForLoadStateAsync(LoadState.Load);
                // Back lands on the page before the portal's last one, which now asks for a sign-in:
                // nothing of the portal comes back, not even from the browser's page cache.
                Assert.NotEqual("/portal", client.PathOf());
                await Expect(client.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
                await Expect(client.Locator("body")).Not.ToContainTextAsync("Hello,");
                // The exit ended the session too: the portal asks for a sign-in again.
                await client.GotoAsync("/portal");
                await client.WaitForSignInPageAsync();
            });
        }
    }
}
