using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Accounts;

public sealed class AuthRateLimitPageTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_429_page_that_says_to_wait()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync(), settings: new() { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        using var browser = new Browser(app);

        for (var i = 0; i < 3; i++)
        {
            var attempt = await browser.SignInAsync(ApiClient.UniqueEmail("guess"), "guess-password-1");
            await attempt.EnsureStatusAsync(HttpStatusCode.OK);
        }
        var limited = await browser.SignInAsync(ApiClient.UniqueEmail("guess"), "guess-password-1");
        var registration = await browser.PostFormAsync("/account/register", new() { ["Input.PracticeName"] = "P" });

        await limited.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many attempts. Wait a minute and try again.", await limited.Content.ReadAsStringAsync());
        await registration.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        await browser.PageAsync("/account/login");
    }
}
