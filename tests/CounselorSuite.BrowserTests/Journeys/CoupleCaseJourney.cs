using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 2: the counselor opens a couple case and invites both partners; each accepts on their phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoupleCaseJourney(BrowserHost host)
{
    [Fact]
    public async Task The_counselor_opens_a_couple_case_and_both_partners_accept_their_invitations()
    {
        var app = host.App;
        var practice = await app.RegisterPracticeAsync("Riverside Practice");
        using var adminApi = await app.SignInAsync(practice.Email);
        var (_, counselorEmail) = await app.InviteAndAcceptAsync(adminApi, "Counselor", displayName: "Casey Counselor");
        var riley = ApiClient.UniqueEmail("riley");
        var sam = ApiClient.UniqueEmail("sam");

        await using var journey = Journey.Start(host, "02-couple-case");
        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor signs in", async () =>
        {
            await counselor.SignInAsync(counselorEmail);
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
            await Expect(counselor.Locator("main")).ToContainTextAsync("No cases yet");
        });
        await journey.StepAsync(counselor, "counselor opens a couple case", async () =>
        {
            await counselor.GetByLabel("Title").FillAsync("R. and S.");
            await counselor.GetByLabel("Kind").SelectOptionAsync("Couple");
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
            await counselor.WaitForURLAsync("**/counselor/cases/*");
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("R. and S.");
            await Expect(counselor.Locator("h1 .badge")).ToHaveTextAsync("Couple");
        });
        var caseUrl = counselor.Url;
        await journey.StepAsync(counselor, "counselor opens the case's settings", async () =>
        {
            await counselor.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            await counselor.WaitForURLAsync("**/counselor/cases/*/settings");
            await Expect(counselor.Locator(".case-nav [aria-current=page]")).ToHaveTextAsync("Settings");
        });
        foreach (var (name, email) in new[] { ("Riley", riley), ("Sam", sam) })
        {
            await journey.StepAsync(counselor, $"counselor invites {name}", async () =>
            {
                var invite = counselor.Locator("#invite");
                await invite.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
                await invite.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
                await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
                await Expect(counselor.Locator("#case-status")).ToContainTextAsync($"{name} is invited.");
                await Expect(counselor.Locator("#invite-result")).ToContainTextAsync($"Invitation ready for {name}");
                await Expect(counselor.Locator("#invite-result")).ToBeInViewportAsync();
                await Expect(counselor.Locator("#invitations")).ToContainTextAsync(email);
            });
        }

        foreach (var (name, email, chosenName) in new[] { ("Riley", riley, (string?)null), ("Sam", sam, "Sam J.") })
        {
            var link = await host.Mailbox.InvitationLinkToAsync(email);
            var partner = await journey.OpenAsync(Viewport.Phone);
            await journey.StepAsync(partner, $"{name} opens the emailed link on a phone", async () =>
            {
                await partner.GotoAsync(link);
                await Expect(partner.Locator("main")).ToContainTextAsync($"Welcome, {name}!");
                if (chosenName is not null)
                {
                    await partner.GetByLabel("Your name (optional)").FillAsync(chosenName);
                }
                await partner.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
            });
            await journey.StepAsync(partner, $"{name} reaches the portal", async () =>
            {
                await partner.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
                await partner.WaitForPathAsync("/portal");
                await Expect(partner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hello, {chosenName ?? name}");
                // The portal names neither the product nor counseling where a passer-by could read it.
                await Expect(partner).ToHaveTitleAsync("Home");
                await Expect(partner.Locator("body")).Not.ToContainTextAsync("CounselorSuite");
                await Expect(partner.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToBeVisibleAsync();
            });
        }

        await journey.StepAsync(counselor, "counselor sees both partners in the case", async () =>
        {
            await counselor.GotoAsync(caseUrl);
            await Expect(counselor.Locator("#case-clients")).ToHaveTextAsync("Riley, Sam J.");
            await counselor.GotoAsync(caseUrl + "/settings");
            var clients = counselor.Locator("#clients li");
            await Expect(clients).ToHaveCountAsync(2);
            await Expect(clients.Filter(new() { HasText = "Riley" })).ToContainTextAsync(riley);
            await Expect(clients.Filter(new() { HasText = "Sam J." })).ToContainTextAsync(sam);
            await Expect(counselor.Locator("#invitations")).Not.ToContainTextAsync(riley);
            await Expect(counselor.Locator("#invitations")).Not.ToContainTextAsync(sam);
        });
    }
}
