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
            // The phone gets the drawing made for its width, not the desktop one scaled down.
            await Expect(chart.Locator(".chart-phone svg")).ToBeVisibleAsync();
            await Expect(chart.Locator(".chart-wide svg")).ToBeHiddenAsync();
            await Expect(chart.Locator(".chart-summary")).ToContainTextAsync("Honest communication");
            // The chart fits the phone's width: nothing to scroll sideways.
            var width = await chart.Locator(".chart-phone svg").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            Assert.InRange(width, 100, Viewport.Phone.Width);
            Assert.True(await ChartChecks.SmallestTextPixelsAsync(riley) >= 12, "Chart text is smaller than 12 pixels on the phone.");
            Assert.Empty(await ChartChecks.RepeatedIdsAsync(riley));
            Assert.Empty(await ChartChecks.CutOffAsync(riley));
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
            await Expect(progress.Locator("#chart-perception-gap .chart-wide svg")).ToBeVisibleAsync();
            await Expect(progress.Locator("#chart-perception-gap")).ToContainTextAsync("Perception gap between partners");
            var both = progress.Locator("[id^='chart-both-']");
            await Expect(both.First).ToBeVisibleAsync();
            // Every chart is whole: no id repeats in the page, nothing is cut by another chart's clip path.
            Assert.Empty(await ChartChecks.RepeatedIdsAsync(sam));
            Assert.Empty(await ChartChecks.CutOffAsync(sam));
            // Each comparison names both partners in its legend.
            for (var i = 0; i < await both.CountAsync(); i++)
            {
                var drawn = await ChartChecks.DrawnTextsAsync(both.Nth(i));
                Assert.Contains(drawn, t => t.StartsWith("Riley Park", StringComparison.Ordinal));
                Assert.Contains(drawn, t => t.StartsWith("Quinn Park", StringComparison.Ordinal));
            }
        });
        var samOnPhone = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(samOnPhone, "counselor compares the partners on a phone", async () =>
        {
            await samOnPhone.SignInAsync("sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
            await samOnPhone.GetByRole(AriaRole.Link, new() { Name = "Riley & Quinn P." }).First.ClickAsync();
            var both = samOnPhone.Locator("#progress [id^='chart-both-']").First;
            await both.ScrollIntoViewIfNeededAsync();
            await Expect(both.Locator(".chart-phone svg")).ToBeVisibleAsync();
            var drawn = await ChartChecks.DrawnTextsAsync(both);
            Assert.Contains(drawn, t => t.StartsWith("Riley Park", StringComparison.Ordinal));
            Assert.Contains(drawn, t => t.StartsWith("Quinn Park", StringComparison.Ordinal));
            Assert.True(await ChartChecks.SmallestTextPixelsAsync(samOnPhone) >= 12, "Chart text is smaller than 12 pixels on the phone.");
            Assert.Empty(await ChartChecks.RepeatedIdsAsync(samOnPhone));
            Assert.Empty(await ChartChecks.CutOffAsync(samOnPhone));
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
