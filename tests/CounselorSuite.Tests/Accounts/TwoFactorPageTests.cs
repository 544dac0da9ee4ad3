using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Accounts;

public sealed class TwoFactorPageTests
{
    /// <summary>Enrols the signed-in person on /account/security; returns the shared key and the recovery codes shown.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(Browser browser)
    {
        var page = await browser.PageAsync("/account/security");
        Assert.Contains("data:image/png;base64,", page);
        var key = Html.TextOf(page, "shared-key");
        var enabled = await browser.PostFormAsync("/account/security", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "?handler=Enable");
        await enabled.EnsureStatusAsync(HttpStatusCode.OK);
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on", html);
        var codes = Regex.Matches(Html.Section(html, "recovery-codes"), "<code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    [Fact]
    public async Task Enrolling_shows_ten_recovery_codes_once_and_then_sign_in_asks_for_a_code()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var enrolling = await Browser.SignedInAsync(app, practice.Email);

        var (key, codes) = await EnrolAsync(enrolling);

        Assert.Equal(10, codes.Distinct().Count());
        Assert.DoesNotContain(codes[0], await enrolling.PageAsync("/account/security"));
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);

        using var browser = new Browser(app);
        var first = await browser.SignInAsync(practice.Email);
        await first.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location!.OriginalString);
        Assert.Equal("/account/login", (await browser.GetAsync("/")).Headers.Location!.OriginalString);

        var wrong = await browser.PostFormAsync("/account/login-2fa", new() { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        var right = await browser.PostFormAsync("/account/login-2fa", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        await right.EnsureStatusAsync(HttpStatusCode.Redirect);
        await browser.PageAsync("/counselor");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_typed_any_way()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using (var enrolling = await Browser.SignedInAsync(app, practice.Email))
        {
            var (_, codes) = await EnrolAsync(enrolling);
            using var browser = new Browser(app);
            await browser.SignInAsync(practice.Email);

            var used = await browser.PostFormAsync("/account/login-2fa", new() { ["Code"] = codes[0].Replace("-", "").ToLowerInvariant() });

            await used.EnsureStatusAsync(HttpStatusCode.Redirect);
            using var again = new Browser(app);
            await again.SignInAsync(practice.Email);
            var reused = await again.PostFormAsync("/account/login-2fa", new() { ["Code"] = codes[0] });
            Assert.Contains("That code is not right", await reused.Content.ReadAsStringAsync());

            // The API takes recovery codes too, in the form they are shown.
            using var api = app.CreateClient();
            var login = await api.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password, twoFactorCode = codes[1] });
            await login.EnsureStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Two_factor_can_be_turned_off_only_with_the_password()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = await Browser.SignedInAsync(app, practice.Email);
        await EnrolAsync(browser);

        var wrong = await browser.PostFormAsync("/account/security", new() { ["Password"] = "wrong-password-1" }, "?handler=Disable");
        Assert.Contains("That password is not right.", await wrong.Content.ReadAsStringAsync());
        var off = await browser.PostFormAsync("/account/security", new() { ["Password"] = practice.Password }, "?handler=Disable");

        Assert.Contains("Two-factor sign-in is off.", await off.Content.ReadAsStringAsync());
        using var again = new Browser(app);
        Assert.Equal("/", (await again.SignInAsync(practice.Email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = await Browser.SignedInAsync(app, practice.Email);
        var (_, old) = await EnrolAsync(browser);

        var regenerated = await browser.PostFormAsync("/account/security", new() { ["Password"] = practice.Password }, "?handler=Regenerate");
        var html = await regenerated.Content.ReadAsStringAsync();
        var fresh = Regex.Matches(Html.Section(html, "recovery-codes"), "<code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(10, fresh.Count);
        using var signIn = new Browser(app);
        await signIn.SignInAsync(practice.Email);
        var stale = await signIn.PostFormAsync("/account/login-2fa", new() { ["Code"] = old[0] });
        Assert.Contains("That code is not right", await stale.Content.ReadAsStringAsync());
        var ok = await signIn.PostFormAsync("/account/login-2fa", new() { ["Code"] = fresh[0] });
        await ok.EnsureStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task When_the_practice_requires_it_staff_are_sent_to_enrol_from_every_page_until_they_do()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        var saved = await admin.PostFormAsync("/admin", new()
        {
            ["Settings.Name"] = "Strict Practice", ["Settings.RequireStaffTwoFactor"] = "true", ["Settings.QuickExitUrl"] = "https://www.example.org/",
            ["Settings.PortalInactivityMinutes"] = "15", ["Settings.HelpResources"] = "", ["Settings.AccentColor"] = "#2f6f73", ["Settings.ContactLine"] = "",
        }, "?handler=Settings");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        foreach (var path in new[] { "/counselor", $"/counselor/cases/{world.CaseId}", "/admin" })
        {
            Assert.Equal("/account/security", (await admin.GetAsync(path)).Headers.Location?.OriginalString);
        }
        Assert.Equal("/account/security", (await counselor.GetAsync("/counselor")).Headers.Location?.OriginalString);
        Assert.Contains("Your practice requires two-factor sign-in", await counselor.PageAsync("/account/security"));
        await client.PageAsync("/portal");
        var api = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = world.CounselorEmail, password = ApiClient.Password });
        await api.EnsureStatusAsync(HttpStatusCode.Forbidden);

        await EnrolAsync(counselor);

        await counselor.PageAsync("/counselor");
        var disable = await counselor.PostFormAsync("/account/security", new() { ["Password"] = ApiClient.Password }, "?handler=Disable");
        Assert.Contains("cannot be turned off", await disable.Content.ReadAsStringAsync());
    }
}
