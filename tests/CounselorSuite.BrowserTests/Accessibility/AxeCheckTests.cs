using CounselorSuite.BrowserTests.Infrastructure;

namespace CounselorSuite.BrowserTests.Accessibility;

/// <summary>The accessibility check itself: a clean journey means something only if the check can fail.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeCheckTests(BrowserHost host)
{
    [Fact]
    public async Task The_accessibility_check_fails_a_page_with_an_unlabelled_field_and_an_image_without_text()
    {
        await using var journey = Journey.Start(host, "axe-self-check");
        var page = await journey.OpenAsync(Viewport.Desktop);
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">
            <form><input type="text" name="x"><button type="submit"></button></form></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => journey.CheckAccessibilityAsync(page, "broken"));

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("label (critical)", failure.Message);
        Assert.Contains("button-name (critical)", failure.Message);
        Assert.Contains("[phone]", failure.Message);
    }
}
