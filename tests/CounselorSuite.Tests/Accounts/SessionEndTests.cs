using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CounselorSuite.Tests.Accounts;

/// <summary>
/// A session ends on the server: the security stamp is checked on every page request, so signing out,
/// "sign out everywhere", turning two-factor on or off, and an admin turning a person's sign-in off end
/// the sessions they should, copied cookies included.
/// </summary>
public sealed class SessionEndTests
{
    private static bool SignedOut(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery().StartsWith("/account/login", StringComparison.Ordinal);

    /// <summary>The session cookie of a sign-in response, as someone copying it out of a browser would have it.</summary>
    private static string SessionCookie(HttpResponseMessage signIn) =>
        string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cs_session", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));

    private static async Task<HttpResponseMessage> WithCookieAsync(TestApp app, string cookie, string path)
    {
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await copy.SendAsync(request);
    }

    [Fact]
    public async Task A_copied_session_cookie_opens_nothing_after_sign_out()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = new Browser(app);
        var cookie = SessionCookie(await browser.SignInAsync(world.CounselorEmail));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, cookie, "/counselor")).StatusCode);

        var signOut = await browser.PostFormAsync("/account/logout", new());

        await signOut.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.True(SignedOut(await WithCookieAsync(app, cookie, "/counselor")));
        Assert.True(SignedOut(await browser.GetAsync("/counselor")));
        // Signing in again starts a new session that works.
        using var again = await Browser.SignedInAsync(app, world.CounselorEmail);
        await again.PageAsync("/counselor");
    }

    [Fact]
    public async Task A_client_signing_out_ends_their_copied_portal_session_too()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = new Browser(app);
        var cookie = SessionCookie(await browser.SignInAsync(world.Clients[0].Email));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, cookie, "/portal")).StatusCode);

        await (await browser.PostFormAsync("/account/logout", new())).EnsureStatusAsync(HttpStatusCode.Redirect);

        Assert.NotEqual(HttpStatusCode.OK, (await WithCookieAsync(app, cookie, "/portal")).StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_on_ends_the_sessions_that_began_without_it_but_not_this_one()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var enrolling = await Browser.SignedInAsync(app, practice.Email);
        using var elsewhere = await Browser.SignedInAsync(app, practice.Email);

        await TwoFactorPageTests.EnrolAsync(enrolling);

        await enrolling.PageAsync("/counselor");
        Assert.True(SignedOut(await elsewhere.GetAsync("/counselor")));
    }

    [Fact]
    public async Task Turning_two_factor_off_ends_the_other_sessions()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = await Browser.SignedInAsync(app, practice.Email);
        var (key, _) = await TwoFactorPageTests.EnrolAsync(browser);
        using var elsewhere = new Browser(app);
        await elsewhere.SignInAsync(practice.Email);
        await (await elsewhere.PostFormAsync("/account/login-2fa", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).EnsureStatusAsync(HttpStatusCode.Redirect);
        await elsewhere.PageAsync("/counselor");

        var off = await browser.PostFormAsync("/account/security", new() { ["Password"] = practice.Password }, "?handler=Disable");

        Assert.Contains("Two-factor sign-in is off.", await off.Content.ReadAsStringAsync());
        await browser.PageAsync("/counselor");
        Assert.True(SignedOut(await elsewhere.GetAsync("/counselor")));
    }

    [Fact]
    public async Task Opening_the_security_page_for_the_first_time_ends_no_session()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = await Browser.SignedInAsync(app, practice.Email);
        using var elsewhere = await Browser.SignedInAsync(app, practice.Email);

        await browser.PageAsync("/account/security"); // makes the authenticator key

        await browser.PageAsync("/counselor");
        await elsewhere.PageAsync("/counselor");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_person_and_no_one_elses()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var here = new Browser(app);
        var cookie = SessionCookie(await here.SignInAsync(world.CounselorEmail));
        using var phone = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var colleague = await Browser.SignedInAsync(app, world.Practice.Email);

        var everywhere = await here.PostFormAsync("/account/security", new(), "?handler=SignOutEverywhere");

        Assert.True(SignedOut(everywhere));
        Assert.True(SignedOut(await here.GetAsync("/counselor")));
        Assert.True(SignedOut(await phone.GetAsync("/counselor")));
        Assert.True(SignedOut(await WithCookieAsync(app, cookie, "/counselor")));
        await colleague.PageAsync("/counselor");
    }

    [Fact]
    public async Task An_admin_turning_a_counselors_sign_in_off_ends_their_sessions_and_refuses_sign_in_until_it_is_on_again()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        var off = await admin.PostFormAsync("/admin", new() { ["userId"] = world.CounselorId.ToString(), ["disable"] = "true" }, "?handler=Access");

        await off.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Sign-in turned off", await off.Content.ReadAsStringAsync());
        Assert.True(SignedOut(await counselor.GetAsync("/counselor")));
        using var retry = new Browser(app);
        Assert.NotEqual(HttpStatusCode.Redirect, (await retry.SignInAsync(world.CounselorEmail)).StatusCode);
        using var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.PostAsJsonAsync("/api/auth/login", new { email = world.CounselorEmail, password = ApiClient.Password })).StatusCode);

        await (await world.Admin.PostAsync($"/api/users/{world.CounselorId}/enable", null)).EnsureStatusAsync(HttpStatusCode.OK);
        using var back = await Browser.SignedInAsync(app, world.CounselorEmail);
        await back.PageAsync("/counselor");
    }

    [Fact]
    public async Task Only_an_admin_of_the_practice_turns_sign_in_off_and_never_their_own()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();

        await (await world.Counselor.PostAsync($"/api/users/{world.Clients[0].Id}/disable", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await other.Admin.PostAsync($"/api/users/{world.CounselorId}/disable", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Admin.PostAsync($"/api/users/{world.Practice.UserId}/disable", null)).EnsureStatusAsync(HttpStatusCode.Conflict);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        await counselor.PageAsync("/counselor");

        await (await world.Admin.PostAsync($"/api/users/{world.Clients[0].Id}/disable", null)).EnsureStatusAsync(HttpStatusCode.OK);
        using var client = new Browser(app);
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.SignInAsync(world.Clients[0].Email)).StatusCode);
    }
}
