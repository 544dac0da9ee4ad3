using System.Net;
using System.Net.Http.Json;
using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Accessibility;

/// <summary>Forms completed with the keyboard alone: a sensible tab order and a focus that can be seen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardOnlyTests(BrowserHost host)
{
    [Fact]
    public async Task Signing_in_works_with_the_keyboard_alone_in_a_sensible_order_with_visible_focus()
    {
        var practice = await host.App.RegisterPracticeAsync("Keyboard Practice");
        await using var journey = Journey.Start(host, "keyboard-sign-in");
        var page = await journey.OpenAsync(Viewport.Desktop);

        await journey.StepAsync(page, "tab order on the sign-in page", async () =>
        {
            await page.GotoAsync("/account/login");
            var stops = await page.TabToAsync("Sign in");
            Assert.Equal(
                // The sign-in page wears the portal's frame: its quick exit comes first, then Help in the header.
                ["Quick exit", "Skip to content", "Help", "Email or username", "Password", "Sign in"],
                stops.Select(s => s.Name));
        });
        await journey.StepAsync(page, "skip link to the form", async () =>
        {
            await page.GotoAsync("/account/login");
            Assert.Equal("Quick exit", (await page.TabAsync()).Name);
            var skip = await page.TabAsync();
            Assert.Equal("Skip to content", skip.Name);
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", (await page.FocusedAsync()).Id);
            Assert.Equal("Email or username", (await page.TabAsync()).Name);
            await page.Keyboard.TypeAsync(practice.Email);
        }, checkAccessibility: false);
        await journey.StepAsync(page, "password typed, focus on the button", async () =>
        {
            Assert.Equal("Password", (await page.TabAsync()).Name);
            await page.Keyboard.TypeAsync(practice.Password);
            var button = await page.TabAsync();
            Assert.Equal(("button", "Sign in"), (button.Tag, button.Name));
        }, checkAccessibility: false);
        await journey.StepAsync(page, "signed in by pressing Enter", async () =>
        {
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForPathAsync("/counselor");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Home");
        });
    }

    [Fact]
    public async Task Accepting_an_invitation_works_with_the_keyboard_alone_and_the_quick_exit_comes_first_in_the_portal()
    {
        var practice = await host.App.RegisterPracticeAsync("Keyboard Practice");
        using var admin = await host.App.SignInAsync(practice.Email);
        var caseId = await admin.CreateCaseAsync("Individual");
        var email = ApiClient.UniqueEmail("kim");
        var invite = await admin.PostAsJsonAsync("/api/invitations", new { email, role = "Client", displayName = "Kim", caseId });
        await invite.EnsureStatusAsync(HttpStatusCode.Created);
        var link = await host.Mailbox.InvitationLinkToAsync(email);

        await using var journey = Journey.Start(host, "keyboard-accept-invitation");
        var page = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(page, "tab order on the invitation page", async () =>
        {
            await page.GotoAsync(link);
            var stops = await page.TabToAsync("Set password and sign in");
            var names = stops.Select(s => s.Name).ToList();
            Assert.Equal("Skip to content", names[0]);
            Assert.Equal(["Your name (optional)", "Password", "Set password and sign in"], names[^3..]);
        });
        await journey.StepAsync(page, "name and password typed", async () =>
        {
            await page.ReloadAsync();
            await page.TabAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("Your name (optional)", (await page.TabAsync()).Name);
            await page.Keyboard.TypeAsync("Kim L.");
            Assert.Equal("Password", (await page.TabAsync()).Name);
            await page.Keyboard.TypeAsync(ApiClient.Password);
            Assert.Equal("Set password and sign in", (await page.TabAsync()).Name);
        }, checkAccessibility: false);
        await journey.StepAsync(page, "accepted by pressing Enter", async () =>
        {
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForPathAsync("/portal");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Kim L.");
        });
        await journey.StepAsync(page, "the quick exit is the first stop in the portal", async () =>
        {
            await page.ReloadAsync();
            var first = await page.TabAsync();
            Assert.Equal(("a", "Quick exit"), (first.Tag, first.Name));
        }, checkAccessibility: false);
    }

    [Fact]
    public async Task A_weekly_exercise_is_completed_and_sent_with_the_keyboard_alone_in_question_order_with_visible_focus()
    {
        const string exercise = "Keeping small promises";
        const string howMany = "Roughly how many small promises did you make this week, and how many did you keep?";
        const string oneChange = "What one change would help you keep more of your small promises?";
        var world = await CoupleWorld.CreateAsync(host.App);
        await using var journey = Journey.Start(host, "keyboard-weekly-exercise");

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await counselor.SignInAsync(world.CounselorEmail);
        await counselor.AssignAsync(world.CaseUrl, exercise, onlyFor: ["Riley"]);

        var page = await journey.OpenAsync(Viewport.Desktop);
        await page.SignInAsync(world.Riley);
        await page.OpenTaskAsync(exercise);
        var task = page.Url;
        await journey.StepAsync(page, "tab order follows the questions", async () =>
        {
            await page.ReloadAsync();
            var names = (await page.TabToAsync("Send to my counselor", maxStops: 40)).Select(s => s.Name).ToList();
            // One stop per field in the order of the questions; a group of radio buttons is one stop.
            var order = new[] { "Quick exit", "Back to home", howMany, "Being on time", "None; I kept them all", "0", "Yes", oneChange, "Save", "Send to my counselor" };
            var at = order.Select(name => names.IndexOf(name)).ToList();
            Assert.DoesNotContain(-1, at);
            Assert.Equal(at.Order(), at);
            Assert.Single(names, "0");
            Assert.DoesNotContain("No", names);
        });
        await journey.StepAsync(page, "answers typed and picked with keys", async () =>
        {
            await page.ReloadAsync();
            await page.TabToAsync(howMany, maxStops: 40);
            await page.Keyboard.TypeAsync("Eight made, six kept");
            await page.TabToAsync("Errands");
            await page.Keyboard.PressAsync("Space");
            await page.TabToAsync("0");
            for (var i = 0; i < 7; i++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }
            Assert.Equal("7", (await page.FocusedAsync()).Name);
            Assert.Equal("Yes", (await page.TabAsync()).Name);
            await page.Keyboard.PressAsync("Space");
            Assert.Equal(oneChange, (await page.TabAsync()).Name);
            await page.Keyboard.TypeAsync("Write them down");
            Assert.Equal("Save", (await page.TabAsync()).Name);
            Assert.Equal("Send to my counselor", (await page.TabAsync()).Name);
        }, checkAccessibility: false);
        await journey.StepAsync(page, "sent by pressing Enter", async () =>
        {
            await page.Keyboard.PressAsync("Enter");
            var mine = page.Locator("#my-answers");
            await Expect(mine).ToBeVisibleAsync();
            await Expect(mine.GetByLabel(howMany)).ToHaveValueAsync("Eight made, six kept");
            await Expect(mine.GetByLabel("Errands", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(mine.GetByLabel("7", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(mine.GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(mine.GetByLabel(oneChange)).ToHaveValueAsync("Write them down");
            Assert.Equal(task, page.Url);
        });
    }
}
