using CounselorSuite.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// The case page in sections: the counselor moves through the tabs, each section at its own address (Back
/// returns to the one before), and an assignment made from the homework section shows its confirmation in
/// view, on a desktop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseSectionsJourney(BrowserHost host)
{
    private static readonly (string Tab, string Path, string Heading)[] Sections =
    [
        ("Homework", "/homework", "Homework"),
        ("Progress", "/progress", "Progress"),
        ("Sessions & notes", "/sessions", "Sessions & notes"),
        ("Handouts", "/handouts", "Handouts"),
        ("Settings", "/settings", "Confidentiality agreement"),
        ("Overview", "", "Safety alerts"),
    ];

    [Fact]
    public async Task Each_case_section_opens_at_its_own_address_and_an_assignment_is_confirmed_in_view()
    {
        var world = await CoupleWorld.CreateAsync(host.App);
        await using var journey = Journey.Start(host, "12-case-sections");

        var desktop = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(desktop, "counselor opens the case's overview", async () =>
        {
            await desktop.SignInAsync(world.CounselorEmail);
            await desktop.GotoAsync(world.CaseUrl);
            await Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("R. and S.");
            await Expect(desktop.Locator("#case-clients")).ToHaveTextAsync("Riley, Sam");
            await Expect(desktop.Locator(".case-nav [aria-current=page]")).ToHaveTextAsync("Overview");
        });
        var previous = desktop.Url;
        foreach (var (tab, path, heading) in Sections)
        {
            await journey.StepAsync(desktop, $"counselor opens the {tab} section", async () =>
            {
                var nav = desktop.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" });
                await nav.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
                await Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/counselor/cases/{world.CaseId}{path}$"));
                await Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync(tab);
                await Expect(desktop.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading }).First).ToBeVisibleAsync();
            });
        }
        await journey.StepAsync(desktop, "Back returns to the section before", async () =>
        {
            await desktop.GoBackAsync();
            await Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/counselor/cases/{world.CaseId}/settings$"));
            await Expect(desktop.Locator(".case-nav [aria-current=page]")).ToHaveTextAsync("Settings");
        });
        await journey.StepAsync(desktop, "counselor assigns from the homework section and sees it confirmed", async () =>
        {
            await desktop.AssignAsync(world.CaseUrl, "Keeping small promises", every: "Every week", count: 3);
        });

        var phone = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(phone, "on a phone the header and the tabs fit", async () =>
        {
            await phone.SignInAsync(world.CounselorEmail);
            await phone.GotoAsync(world.SectionUrl("homework"));
            await Expect(phone.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" }).GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeInViewportAsync();
            var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.False(overflow, "The page is wider than the phone's screen.");
        });
        await journey.StepAsync(phone, "on a phone the assignment's confirmation is in view too", async () =>
        {
            await phone.AssignAsync(world.CaseUrl, "Keeping small promises", onlyFor: ["Riley"]);
            await Expect(phone.Locator("#assignments tbody tr")).ToHaveCountAsync(2);
        });
    }
}
