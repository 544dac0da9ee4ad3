using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

public sealed class PortalPageTests
{
    [Fact]
    public async Task The_portal_has_a_neutral_title_a_greeting_and_a_quick_exit_that_works_without_script()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var html = await client.PageAsync("/portal");

        Assert.Equal("Home", Html.Title(html));
        Assert.Contains("Hello, Client Person", html);
        Assert.Matches("<a class=\"quick-exit\" id=\"quick-exit\" href=\"https://www.bbc.com/weather\" rel=\"noreferrer\">", html);
        Assert.Contains("/js/quick-exit.js", html);
        Assert.Contains("/js/idle.js", html);
        Assert.Contains("data-idle-minutes=\"15\"", html);
        Assert.DoesNotContain("CounselorSuite", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=", html);
        Assert.True(html.IndexOf("quick-exit", StringComparison.Ordinal) < html.IndexOf("<main", StringComparison.Ordinal));
        Assert.Contains("have not agreed yet what stays private", html);
    }

    [Fact]
    public async Task Staff_and_strangers_do_not_get_the_portal()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var anonymous = new Browser(app);

        await (await counselor.GetAsync("/portal")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("/account/login", (await anonymous.GetAsync("/portal")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Help_resources_are_rendered_on_the_help_page_from_markdown_and_nothing_executable_survives()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        const string help = """
            - **Helpline:** [call 555 0199](tel:+15550199)
            - <script>alert('x')</script>
            - <img src="x" onerror="alert(1)">
            - [click me](javascript:alert(1))
            - <a href="https://example.org" onclick="alert(2)" style="color:red">styled</a>
            """;

        var saved = await admin.PostFormAsync("/admin", AdminPageTests.Settings(help: help), "?handler=Settings");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        var section = Html.Section(await client.PageAsync("/help"), "help");

        Assert.Contains("<strong>Helpline:</strong>", section);
        Assert.Contains("href=\"tel:+15550199\"", section);
        // Raw HTML may remain as visible, escaped text; no element or attribute of it may survive.
        Assert.DoesNotContain("<script", section, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", section, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*\\son[a-z]+\\s*=", section);
        Assert.DoesNotMatch("<[^>]*\\sstyle\\s*=", section);
        Assert.DoesNotMatch("<a[^>]*href=\"javascript:", section);
        Assert.Contains("&lt;script&gt;", section);
    }
}

public sealed class NeutralPublicPagesTests
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/setup")]
    [InlineData("/invitations/accept?token=abc")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/forgot-password?sent=true")]
    [InlineData("/account/reset-password?user=00000000-0000-0000-0000-000000000000&token=abc")]
    public async Task Pages_a_client_may_see_before_signing_in_never_name_the_product(string url)
    {
        var app = await TestApp.SharedAsync();
        using var browser = new Browser(app);

        var response = await browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Secure portal", html);
        Assert.DoesNotContain("CounselorSuite", html);
        Assert.DoesNotContain("counsel", html.ToLowerInvariant().Replace("counselorsuite", ""));
    }
}
