using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 8: signing out, and the portal signing an idle client out on its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutJourney(BrowserHost host)
{
    [Fact]
    public async Task Staff_and_clients_sign_out_and_an_idle_client_is_signed_out_by_the_page_and_by_the_server()
    {
        var world = await host.App.CreateWorldAsync();
        var clientEmail = world.Clients[0].Email;
        await using var journey = Journey.Start(host, "08-sign-out");

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor signed in", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
        });
        await journey.StepAsync(counselor, "counselor signs out", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await counselor.WaitForPathAsync("/account/login");
            await Expect(counselor.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        });
        await journey.StepAsync(counselor, "counselor's pages ask for a sign-in again", async () =>
        {
            await counselor.GoBackAsync();
            await counselor.WaitForSignInPageAsync();
            await counselor.GotoAsync("/counselor");
            await counselor.WaitForSignInPageAsync();
        }, checkAccessibility: false);

        var client = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(client, "client signed in", async () =>
        {
            await client.SignInAsync(clientEmail);
            await client.WaitForPathAsync("/portal");
        }, checkAccessibility: false);
        await journey.StepAsync(client, "client signs out to a neutral page", async () =>
        {
            await client.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await client.WaitForPathAsync("/account/signed-out");
            await Expect(client).ToHaveTitleAsync("Signed out");
            await Expect(client.Locator("body")).Not.ToContainTextAsync("CounselorSuite");
        });
        await journey.StepAsync(client, "client's portal asks for a sign-in again", async () =>
        {
            await client.GoBackAsync();
            await Expect(client.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
            await client.GotoAsync("/portal");
            await client.WaitForSignInPageAsync();
        }, checkAccessibility: false);

        var admin = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(admin, "admin sets the shortest idle time", async () =>
        {
            await admin.SignInAsync(world.Practice.Email);
            await admin.SavePracticeSettingsAsync(idleMinutes: 5);
            await Expect(admin.Locator("#settings").GetByLabel("Sign clients out after this many idle minutes")).ToHaveValueAsync("5");
        }, checkAccessibility: false);

        // The page's own timer: the browser's clock jumps past the idle time while the portal is open.
        var idlePhone = await journey.OpenAsync(Viewport.Phone, context => context.Clock.InstallAsync());
        await journey.StepAsync(idlePhone, "client idle in the portal", async () =>
        {
            await idlePhone.SignInAsync(clientEmail);
            await idlePhone.WaitForPathAsync("/portal");
            await Expect(idlePhone.Locator("body")).ToHaveAttributeAsync("data-idle-minutes", "5");
        }, checkAccessibility: false);
        await journey.StepAsync(idlePhone, "the page leaves after 5 idle minutes", async () =>
        {
            await idlePhone.Clock.FastForwardAsync("04:50");
            Assert.EndsWith("/portal", idlePhone.Url);
            await idlePhone.Clock.FastForwardAsync("00:20");
            await idlePhone.WaitForPathAsync("/account/signed-out");
            await Expect(idlePhone).ToHaveTitleAsync("Signed out");
            await idlePhone.GotoAsync("/portal");
            await idlePhone.WaitForSignInPageAsync();
        });

        // The server's own limit, for a browser that never ran the timer (a phone asleep, no JavaScript):
        // the app's clock moves past the idle time and the next page is the neutral one.
        var asleep = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(asleep, "client in the portal again", async () =>
        {
            await asleep.SignInAsync(clientEmail);
            await asleep.WaitForPathAsync("/portal");
        }, checkAccessibility: false);
        try
        {
            await journey.StepAsync(asleep, "the server signs the idle client out", async () =>
            {
                host.Clock.Advance(TimeSpan.FromMinutes(4));
                await asleep.ReloadAsync();
                Assert.EndsWith("/portal", asleep.Url);
                host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10));
                await asleep.ReloadAsync();
                await asleep.WaitForPathAsync("/account/signed-out");
                await Expect(asleep.Locator("body")).Not.ToContainTextAsync("Hello,");
                await asleep.GotoAsync("/portal");
                await asleep.WaitForSignInPageAsync();
            }, checkAccessibility: false);
        }
        finally
        {
            // Other journeys use real time (authenticator codes are computed from it).
            host.Clock.Reset();
        }
    }
}
