using System.Text.RegularExpressions;
using CounselorSuite.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>Journey 7: a handout made in the background, watched until Ready, downloaded and read.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HandoutJourney(BrowserHost host)
{
    private const string Exercise = "Keeping small promises";
    private const string Note = "Bring this sheet to our next session on Thursday.";

    [Fact]
    public async Task The_counselor_makes_a_handout_watches_it_become_ready_and_downloads_a_pdf_with_the_exercise_and_the_note()
    {
        var world = await CoupleWorld.CreateAsync(host.App);
        await using var journey = Journey.Start(host, "07-handout");

        var counselor = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(counselor, "counselor opens the handout form from the case", async () =>
        {
            await counselor.SignInAsync(world.CounselorEmail);
            await counselor.GotoAsync(world.SectionUrl("handouts"));
            await counselor.Locator("#handouts").GetByRole(AriaRole.Link, new() { Name = "Make a handout" }).ClickAsync();
            await counselor.WaitForURLAsync("**/handouts/new");
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Make a handout");
        });
        await journey.StepAsync(counselor, "counselor chooses an exercise, a note and both partners", async () =>
        {
            var form = counselor.Locator("#handout-form");
            await form.Locator("label.choice").Filter(new() { HasText = Exercise }).GetByRole(AriaRole.Checkbox).CheckAsync();
            await form.GetByLabel("A note from you").FillAsync(Note);
            await form.GetByLabel("Session date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var forGroup = form.GetByRole(AriaRole.Group, new() { Name = "For" });
            await forGroup.GetByLabel("Riley").CheckAsync();
            await forGroup.GetByLabel("Sam").CheckAsync();
        });
        await journey.StepAsync(counselor, "the handouts are being made", async () =>
        {
            await counselor.GetByRole(AriaRole.Button, new() { Name = "Make the handout" }).ClickAsync();
            await counselor.WaitForURLAsync("**/counselor/handouts/*");
            await Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Handout");
            await Expect(counselor.Locator("#handout-batch tbody tr")).ToHaveCountAsync(2);
        }, checkAccessibility: false);
        await journey.StepAsync(counselor, "the page shows them Ready by itself", async () =>
        {
            // No reload by the test: the page's script polls and shows the new state.
            await Expect(counselor.Locator("#batch-progress")).ToHaveTextAsync("2 of 2 ready", new() { Timeout = 60_000 });
            await Expect(counselor.Locator(".handout-status")).ToHaveTextAsync(["Ready", "Ready"]);
        });

        var row = counselor.Locator("#handout-batch tbody tr").Filter(new() { HasText = "Riley" });
        var download = await counselor.RunAndWaitForDownloadAsync(
            () => row.GetByRole(AriaRole.Link, new() { NameRegex = DownloadLink() }).ClickAsync());
        var file = Path.Combine(journey.Folder, "riley-" + download.SuggestedFilename);
        await download.SaveAsAsync(file);

        Assert.EndsWith(".pdf", download.SuggestedFilename);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        // Extraction may run words together, so the text is compared without spaces.
        var squeezed = Squeeze(text);
        Assert.Contains(Squeeze(Exercise), squeezed);
        Assert.Contains(Squeeze(Note), squeezed);
        Assert.Contains(Squeeze("What one change would help you keep more of your small promises?"), squeezed);
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^Download ")]
    private static partial Regex DownloadLink();
}
