using CounselorSuite.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// The pictures of the user guides (docs/user-guide-counselor.md, docs/user-guide-client.md): a counselor's
/// day on a desktop and a client's portal on a phone, each picture taken after checking that the page shows
/// what the guide says it shows. They are kept under test-output/browser/user-guide/guide/; with
/// COUNSELORSUITE_GUIDE_IMAGES=1 they replace the ones in docs/images/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserGuideJourney(BrowserHost host)
{
    private const string Promises = "Keeping small promises";

    [Fact]
    public async Task The_guides_pictures_show_a_counselors_day_and_a_clients_phone()
    {
        var world = await CoupleWorld.CreateAsync(host.App);
        await CounselorHomeJourney.PrepareDayAsync(host.App, world);
        await using var journey = Journey.Start(host, "user-guide");
        var guide = new GuideImages(journey.Folder);

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor's home", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.WaitForPathAsync("/counselor");
            await Expect(counselor.Locator("#safety-alerts")).ToContainTextAsync("Riley");
            await Expect(counselor.Locator("#to-review")).ToContainTextAsync("Riley sent");
            await guide.TakeAsync(counselor, "counselor-home", fullPage: true);
        });
        await journey.StepAsync(counselor, "the week in the calendar", async () =>
        {
            await counselor.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
            await Expect(counselor.Locator("a.event").First).ToBeVisibleAsync();
            await guide.TakeAsync(counselor, "counselor-calendar");
        });
        await journey.StepAsync(counselor, "the case's overview", async () =>
        {
            await counselor.GotoAsync(world.CaseUrl);
            await Expect(counselor.Locator("#case-clients")).ToHaveTextAsync("Riley, Sam");
            await guide.TakeAsync(counselor, "counselor-case-overview");
        });
        await journey.StepAsync(counselor, "an assignment confirmed in the homework section", async () =>
        {
            await counselor.AssignAsync(world.CaseUrl, Promises, onlyFor: ["Riley"], every: "Every week", count: 4);
            await guide.TakeAsync(counselor, "counselor-case-homework");
        });
        await journey.StepAsync(counselor, "the session page", async () =>
        {
            await counselor.GotoAsync(world.SectionUrl("sessions"));
            await counselor.Locator("#sessions tbody a").First.ClickAsync();
            await counselor.WaitForURLAsync("**/counselor/sessions/*");
            await Expect(counselor.GetByRole(AriaRole.Link, new() { Name = "Make a handout for this session" })).ToBeVisibleAsync();
            await guide.TakeAsync(counselor, "counselor-session");
        });

        var sam = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(sam, "the portal's sign-in page on a phone", async () =>
        {
            await sam.GotoAsync("/account/login");
            await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToBeVisibleAsync();
            await guide.TakeAsync(sam, "client-sign-in");
        });
        await journey.StepAsync(sam, "the portal's home on a phone", async () =>
        {
            await sam.SignInAsync(world.Sam);
            await sam.WaitForPathAsync("/portal");
            await Expect(sam.Locator("#homework")).ToContainTextAsync(Promises);
            await guide.TakeAsync(sam, "client-home", fullPage: true);
        });
        await journey.StepAsync(sam, "an exercise on a phone", async () =>
        {
            await sam.OpenTaskAsync(Promises);
            await Expect(sam.Locator("#who-can-read")).ToBeVisibleAsync();
            await guide.TakeAsync(sam, "client-exercise");
        });
        await journey.StepAsync(sam, "appointments on a phone", async () =>
        {
            await sam.GotoAsync("/portal/sessions");
            await Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your appointments");
            await guide.TakeAsync(sam, "client-appointments");
        });
        await journey.StepAsync(sam, "the time zone on the security page", async () =>
        {
            await sam.GotoAsync("/account/security");
            await sam.Locator("#time-zone").ScrollIntoViewIfNeededAsync();
            await Expect(sam.Locator("#time-zone")).ToBeInViewportAsync();
            await guide.TakeAsync(sam, "client-time-zone");
        });
    }

    /// <summary>The guide's pictures: in the journey's folder, and in docs/images when asked for.</summary>
    private sealed class GuideImages(string journeyFolder)
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(journeyFolder, "guide")).FullName;

        private static readonly string? Docs =
            Environment.GetEnvironmentVariable("COUNSELORSUITE_GUIDE_IMAGES") == "1"
                ? Path.GetFullPath(Path.Combine(Journey.OutputRoot, "..", "..", "docs", "images"))
                : null;

        public async Task TakeAsync(IPage page, string name, bool fullPage = false)
        {
            // The moment a page settles: no caret blinking, no focus ring from the last click.
            await page.EvaluateAsync("() => document.activeElement instanceof HTMLElement && document.activeElement.blur()");
            var file = Path.Combine(_folder, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
            if (Docs is not null)
            {
                Directory.CreateDirectory(Docs);
                File.Copy(file, Path.Combine(Docs, name + ".png"), overwrite: true);
            }
        }
    }
}
