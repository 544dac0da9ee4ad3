using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 9: in the demo practice, a client reads their progress on a phone (charts with their words and
/// numbers, the download), and the counselor opens the couple's case and sees both partners and the gap.
/// Every page is checked with axe, like every other journey's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressJourney(BrowserHost host)
{
    [Fact]
    public async Task A_client_reads_their_progress_on_a_phone_and_the_counselor_compares_the_partners_on_the_case()
    {
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }

        await using var journey = Journey.Start(host, "09-progress");
        var riley = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(riley, "client opens their progress on a phone", async () =>
        {
            await riley.SignInAsync("riley@demo.counselorsuite.test", DemoSeeder.Password);
            await riley.GotoAsync("/portal/progress");
            await Expect(riley.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your progress");
            var chart = riley.Locator("#chart-dimension-honest-communication");
            await Expect(chart.Locator("svg")).ToBeVisibleAsync();
            await Expect(chart.Locator(".chart-summary")).ToContainTextAsync("Honest communication");
            // The chart fits the phone's width: nothing to scroll sideways.
            var width = await chart.Locator("svg").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            Assert.InRange(width, 100, Viewport.Phone.Width);
        });
        await journey.StepAsync(riley, "client opens the numbers behind a chart", async () =>
        {
            var chart = riley.Locator("#chart-dimension-honest-communication");
            await chart.GetByText("Show the numbers").ClickAsync();
            await Expect(chart.Locator("table tbody tr").First).ToBeVisibleAsync();
            await Expect(riley.GetByRole(AriaRole.Link, new() { Name = "Spreadsheet (CSV)" })).ToBeVisibleAsync();
        });

        var sam = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(sam, "counselor opens the couple's case and sees both partners and the gap", async () =>
        {
            await sam.SignInAsync("sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
            await sam.GetByRole(AriaRole.Link, new() { Name = "Riley & Quinn P." }).First.ClickAsync();
            await sam.GetByRole(AriaRole.Navigation, new() { Name = "Case sections" }).GetByRole(AriaRole.Link, new() { Name = "Progress" }).ClickAsync();
            await sam.WaitForURLAsync("**/counselor/cases/*/progress");
            var progress = sam.Locator("#progress");
            await Expect(progress.Locator("#chart-perception-gap svg")).ToBeVisibleAsync();
            await Expect(progress.Locator("#chart-perception-gap")).ToContainTextAsync("Perception gap between partners");
            await Expect(progress.Locator("[id^='chart-both-']").First).ToBeVisibleAsync();
        });
        await journey.StepAsync(sam, "counselor opens one partner's charts", async () =>
        {
            await sam.Locator("#progress").GetByRole(AriaRole.Link, new() { Name = "Charts of Riley Park" }).ClickAsync();
            await Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Progress:");
            await Expect(sam.Locator("#partners")).ToContainTextAsync("Compared with a partner");
            // The way back leads to the case it came from.
            await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "Back to Riley & Quinn P.: progress" })).ToBeVisibleAsync();
        });
    }
}
