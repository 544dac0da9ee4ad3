using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>What people do again and again in the journeys, done through the pages as they would.</summary>
public static class PersonActions
{
    public static async Task SignInAsync(this IPage page, string login, string password = ApiClient.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email or username").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Turns on two-factor sign-in on /account/security with a code computed from the key the page shows.</summary>
    public static async Task<string> EnrolInTwoFactorAsync(this IPage page)
    {
        var key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes")).ToBeVisibleAsync();
        return key;
    }

    public static string PathOf(this IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>Waits for a page at this path, whatever its query or fragment (a skip link's "#main" survives redirects).</summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForURLAsync(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath == path);

    /// <summary>Waits for the sign-in page, which a signed-out person is sent to.</summary>
    public static Task WaitForSignInPageAsync(this IPage page) => page.WaitForPathAsync("/account/login");

    /// <summary>The practice settings form on /admin, saved with these changes.</summary>
    public static async Task SavePracticeSettingsAsync(this IPage page, string? quickExitUrl = null, int? idleMinutes = null, bool? requireTwoFactor = null)
    {
        await page.GotoAsync("/admin");
        var settings = page.Locator("#settings");
        if (requireTwoFactor is { } require)
        {
            await settings.GetByLabel("Staff must sign in with two-factor authentication").SetCheckedAsync(require);
        }
        if (quickExitUrl is not null)
        {
            await settings.GetByLabel("Quick-exit page").FillAsync(quickExitUrl);
        }
        if (idleMinutes is { } minutes)
        {
            await settings.GetByLabel("Sign clients out after this many idle minutes").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
