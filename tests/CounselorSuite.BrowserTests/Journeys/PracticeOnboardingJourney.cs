using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 1: a practice registers, makes two-factor mandatory, and brings in its first counselor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PracticeOnboardingJourney(BrowserHost host)
{
    [Fact]
    public async Task A_practice_registers_requires_two_factor_and_its_invited_counselor_enrols_from_the_email()
    {
        await using var journey = Journey.Start(host, "01-practice-onboarding");
        var adminEmail = ApiClient.UniqueEmail("founder");
        var counselorEmail = ApiClient.UniqueEmail("counselor");
        var admin = await journey.OpenAsync(Viewport.Desktop);

        await journey.StepAsync(admin, "register form", async () =>
        {
            await admin.GotoAsync("/account/register");
            await admin.GetByLabel("Practice name").FillAsync("Harbour Counselling");
            await admin.GetByLabel("Your name").FillAsync("Alex Founder");
            await admin.GetByLabel("Your email").FillAsync(adminEmail);
        });
        await journey.StepAsync(admin, "registration mailed", async () =>
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"We have sent a message to {adminEmail}");
        });
        await journey.StepAsync(admin, "confirmed from the email and signed in", async () =>
        {
            await admin.GotoAsync(await host.Mailbox.RegistrationLinkToAsync(adminEmail));
            await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("Harbour Counselling");
            await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create the practice and sign in" }).ClickAsync();
            await admin.WaitForPathAsync("/counselor");
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
        });
        await journey.StepAsync(admin, "practice settings", async () =>
        {
            await admin.GotoAsync("/admin");
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Harbour Counselling");
        });
        await journey.StepAsync(admin, "two-factor made mandatory sends the admin to enrol", async () =>
        {
            await admin.SavePracticeSettingsAsync(requireTwoFactor: true);
            // Every staff page now leads to the security page until the admin has enrolled.
            await admin.WaitForPathAsync("/account/security");
            await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your practice requires two-factor sign-in");
            await admin.GotoAsync("/counselor");
            await admin.WaitForPathAsync("/account/security");
        });
        await journey.StepAsync(admin, "admin enrols with an authenticator code", async () =>
        {
            await admin.EnrolInTwoFactorAsync();
            await Expect(admin.Locator("#recovery-codes li")).ToHaveCountAsync(10);
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in is on" })).ToBeVisibleAsync();
        });
        await journey.StepAsync(admin, "admin invites a counselor", async () =>
        {
            await admin.GotoAsync("/admin");
            var invite = admin.Locator("#invite");
            await invite.GetByLabel("Name").FillAsync("Jordan Counselor");
            await invite.GetByLabel("Email").FillAsync(counselorEmail);
            await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            await Expect(admin.Locator("#invite-result")).ToContainTextAsync("Invitation ready for Jordan Counselor");
            await Expect(admin.Locator("#invitations")).ToContainTextAsync(counselorEmail);
        });

        var link = await host.Mailbox.InvitationLinkToAsync(counselorEmail);
        var mail = await host.Mailbox.LatestToAsync(counselorEmail);
        Assert.Contains("Harbour Counselling", mail.Subject);

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor opens the emailed link", async () =>
        {
            await counselor.GotoAsync(link);
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accept your invitation");
            await Expect(counselor.Locator("main")).ToContainTextAsync("Welcome, Jordan Counselor!");
            await counselor.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
        });
        await journey.StepAsync(counselor, "counselor must enrol too", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
            await counselor.WaitForPathAsync("/account/security");
            await Expect(counselor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your practice requires two-factor sign-in");
        });
        var counselorKey = "";
        await journey.StepAsync(counselor, "counselor enrols", async () => counselorKey = await counselor.EnrolInTwoFactorAsync());
        await journey.StepAsync(counselor, "counselor reaches their home", async () =>
        {
            await counselor.GotoAsync("/counselor");
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
        });
        await journey.StepAsync(counselor, "next sign-in asks for the code", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await counselor.WaitForSignInPageAsync();
            await counselor.GetByLabel("Email or username").FillAsync(counselorEmail);
            await counselor.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await counselor.WaitForPathAsync("/account/login-2fa");
            await counselor.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(counselorKey, DateTimeOffset.UtcNow));
        });
        await journey.StepAsync(counselor, "signed in with the code", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await counselor.WaitForPathAsync("/counselor");
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
        });
        await journey.StepAsync(admin, "admin sees the counselor with two-factor on", async () =>
        {
            await admin.GotoAsync("/admin");
            var row = admin.Locator("#staff tr", new() { HasText = "Jordan Counselor" });
            await Expect(row).ToContainTextAsync("Counselor");
            await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("On"); // the Two-factor column; Sign-in follows it
            await Expect(admin.Locator("#invitations")).Not.ToContainTextAsync(counselorEmail);
        });
    }
}
