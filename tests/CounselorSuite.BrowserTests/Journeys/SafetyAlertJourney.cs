using CounselorSuite.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 5: a safety answer alerts the counselor, locks the couple's joint exercises, and stays unseen by the partners.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SafetyAlertJourney(BrowserHost host)
{
    private const string Joint = "Listening to understand";
    private const string CheckIn = "Private check-in";

    [Fact]
    public async Task A_danger_answer_alerts_the_counselor_and_locks_joint_exercises_while_neither_partner_sees_the_alert()
    {
        var world = await CoupleWorld.CreateAsync(host.App);
        await using var journey = Journey.Start(host, "05-safety-alert");

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor assigns a joint exercise and a private check-in", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.AssignAsync(world.CaseUrl, Joint + " (joint)");
            await counselor.AssignAsync(world.CaseUrl, CheckIn + " (private check-in)", onlyFor: ["Riley"]);
            var checkIn = counselor.Locator("#assignments tbody tr").Filter(new() { HasText = CheckIn });
            await Expect(checkIn).ToContainTextAsync("Riley");
            await Expect(checkIn).Not.ToContainTextAsync("Sam");
        });

        var sam = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(sam, "Sam says yes to the joint exercise", async () =>
        {
            await sam.SignInAsync(world.Sam);
            await sam.OpenTaskAsync(Joint);
            await Expect(sam.Locator("#joint")).ToContainTextAsync("Not available yet");
            await sam.GetByRole(AriaRole.Button, new() { Name = "Yes, I'd like to do this" }).ClickAsync();
            await Expect(sam.Locator("#joint")).ToContainTextAsync("You said yes.");
        });
        var samTask = sam.Url;

        var riley = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(riley, "Riley says yes and the joint exercise opens", async () =>
        {
            await riley.SignInAsync(world.Riley);
            await riley.OpenTaskAsync(Joint);
            await riley.GetByRole(AriaRole.Button, new() { Name = "Yes, I'd like to do this" }).ClickAsync();
            await Expect(riley.Locator("#homework-form")).ToBeVisibleAsync();
        });
        await journey.StepAsync(sam, "Sam can do the joint exercise", async () =>
        {
            await sam.GotoAsync(samTask);
            await Expect(sam.Locator("#homework-form")).ToBeVisibleAsync();
        }, checkAccessibility: false);

        await journey.StepAsync(riley, "Riley answers the check-in: not safe at home", async () =>
        {
            await riley.OpenTaskAsync(CheckIn);
            await riley.PickAsync("Do you feel safe at home at the moment?", "No");
            await riley.PickAsync("In the last few months, has anyone pressured or forced you into something you did not want to do?", "No");
            await riley.PickAsync("Are you afraid of anyone close to you?", "No");
            await riley.PickAsync("Overall, how safe do you feel in your closest relationships right now?", "3");
            await riley.GetByRole(AriaRole.Button, new() { Name = "Send to my counselor" }).ClickAsync();
            await Expect(riley.Locator("#my-answers")).ToBeVisibleAsync();
            await Expect(riley.Locator("#my-answers")).ToContainTextAsync("It is never shared.");
            // Help is offered to her; the alert itself is the counselor's alone.
            await Expect(riley.Locator("#help-now")).ToBeVisibleAsync();
        });
        await journey.StepAsync(riley, "Riley's portal shows no alert", async () =>
        {
            await riley.GotoAsync("/portal");
            await Expect(riley.Locator("#safety-alerts")).ToHaveCountAsync(0);
            await Expect(riley.Locator("body")).Not.ToContainTextAsync("need your attention");
            await Expect(riley.Locator("body")).Not.ToContainTextAsync("safety answer");
        });

        await journey.StepAsync(counselor, "the alert is on the counselor's dashboard", async () =>
        {
            await counselor.GotoAsync("/counselor");
            var alerts = counselor.Locator("#safety-alerts");
            await Expect(alerts.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Clients who need your attention (1)");
            await Expect(alerts.Locator("li")).ToHaveCountAsync(1);
            await Expect(alerts.Locator("li")).ToContainTextAsync("Riley");
            await Expect(alerts.Locator("li")).ToContainTextAsync("gave a safety answer");
            await Expect(alerts.GetByRole(AriaRole.Link, new() { Name = "R. and S." })).ToBeVisibleAsync();
        });

        await journey.StepAsync(sam, "the joint exercise is locked for Sam, with no reason given", async () =>
        {
            await sam.GotoAsync(samTask);
            await Expect(sam.Locator("#homework-form")).ToHaveCountAsync(0);
            await Expect(sam.Locator("#joint")).ToContainTextAsync("Not available yet");
            await Expect(sam.Locator("body")).Not.ToContainTextAsync("safety");
            await sam.GotoAsync("/portal");
            await Expect(sam.Locator("#homework li").Filter(new() { HasText = Joint })).ToContainTextAsync("Not available yet");
            await Expect(sam.Locator("#homework")).Not.ToContainTextAsync(CheckIn);
        });

        await journey.StepAsync(counselor, "counselor resolves the alert in the case and sees it done", async () =>
        {
            await counselor.GotoAsync(world.CaseUrl);
            await Expect(counselor.Locator("#case-alerts")).ToHaveTextAsync("1 open");
            var alerts = counselor.Locator("#open-alerts");
            await alerts.GetByLabel("What was done").FillAsync("Called Riley; safety plan made together.");
            await alerts.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
            await Expect(counselor.Locator("#case-status")).ToContainTextAsync("Alert resolved.");
            await Expect(counselor.Locator("#case-status")).ToBeInViewportAsync();
            await Expect(counselor.Locator("#case-alerts")).ToHaveTextAsync("None open");
        });
    }
}
