using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

public sealed class ErrorPagesTests
{
    [Fact]
    public async Task A_missing_page_is_a_friendly_html_page_and_a_missing_api_route_stays_problem_details()
    {
        var app = await TestApp.SharedAsync();
        using var browser = new Browser(app);

        var page = await browser.GetAsync("/no/such/page");
        var api = await browser.GetAsync("/api/no/such/route");

        await page.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
        await api.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_denied_page_says_no_access_with_a_403()
    {
        var app = await TestApp.SharedAsync();
        using var browser = new Browser(app);

        var response = await browser.GetAsync("/account/denied");

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("No access", await response.Content.ReadAsStringAsync());
    }
}
