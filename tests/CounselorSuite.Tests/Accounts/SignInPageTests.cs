using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Accounts;

public sealed class SignInPageTests
{
    [Fact]
    public async Task Signing_in_through_the_form_sets_a_session_and_opens_the_staff_start_page()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync("Form Practice");
        using var browser = new Browser(app);

        var response = await browser.SignInAsync(practice.Email.ToUpperInvariant(), practice.Password);

        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cs_session=") && c.Contains("httponly"));
        var root = await browser.GetAsync("/");
        Assert.Equal("/counselor", root.Headers.Location!.OriginalString);
        Assert.Contains("All cases", await browser.PageAsync("/counselor"));
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_says_so_and_signs_nobody_in()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = new Browser(app);

        var wrong = await browser.SignInAsync(practice.Email, "not-the-password-1");
        var unknown = await browser.SignInAsync(ApiClient.UniqueEmail("nobody"), "not-the-password-1");

        await wrong.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("The email, username or password is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("The email, username or password is not right.", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("/account/login", (await browser.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task After_five_failures_the_right_password_is_refused_too_with_the_same_words()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = new Browser(app);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(practice.Email, "wrong-password-1");
        }

        var right = await browser.SignInAsync(practice.Email, practice.Password);

        await right.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("After five wrong tries, wait 15 minutes.", await right.Content.ReadAsStringAsync());
        Assert.Equal("/account/login", (await browser.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_with_a_friendly_page()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = new Browser(app);

        var response = await browser.PostRawAsync("/account/login",
            new() { ["Input.LoginName"] = practice.Email, ["Input.Password"] = practice.Password });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cs_session="));
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var browser = await Browser.SignedInAsync(app, practice.Email);

        var get = await browser.GetAsync("/account/logout");
        await get.EnsureStatusAsync(HttpStatusCode.OK);
        await browser.PageAsync("/counselor");

        var post = await browser.PostFormAsync("/counselor", new(), action: "/account/logout");

        await post.EnsureStatusAsync(HttpStatusCode.Redirect);
        var after = await browser.GetAsync("/counselor");
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task Registering_through_the_form_mails_a_link_whose_page_takes_the_password_and_signs_the_admin_in()
    {
        var app = await TestApp.SharedAsync();
        using var browser = new Browser(app);
        var email = ApiClient.UniqueEmail("founder");

        var mailed = await browser.FollowAsync(await browser.PostFormAsync("/account/register", new()
        {
            ["Input.PracticeName"] = "Riverside Counseling", ["Input.DisplayName"] = "Dana Founder",
            ["Input.Email"] = email, ["Input.TimeZone"] = "America/Chicago", ["Input.Locale"] = "en-US",
        }));
        Assert.Contains($"We have sent a message to {email}", Html.TextOf(mailed, "registration-mailed"));

        var token = app.RegistrationToken(email);
        var confirm = await browser.PageAsync($"/account/confirm-registration?token={Uri.EscapeDataString(token)}");
        Assert.Contains("Riverside Counseling", confirm);
        var done = await browser.PostFormAsync($"/account/confirm-registration?token={Uri.EscapeDataString(token)}",
            new() { ["Token"] = token, ["Password"] = ApiClient.Password });

        await done.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Riverside Counseling", await browser.PageAsync("/admin"));
        using var api = await app.SignInAsync(email);
        Assert.Equal(["PracticeAdmin"], (await (await api.GetAsync("/api/me")).ReadJsonAsync())["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_registration_form_shows_every_problem_and_answers_a_taken_email_as_any_other()
    {
        var app = await TestApp.SharedAsync();
        var taken = await app.RegisterPracticeAsync();
        using var browser = new Browser(app);

        var weak = await browser.PostFormAsync("/account/register", new()
        {
            ["Input.PracticeName"] = "", ["Input.DisplayName"] = "X", ["Input.Email"] = "not-an-email", ["Input.TimeZone"] = "",
        });
        var duplicate = await browser.FollowAsync(await browser.PostFormAsync("/account/register", new()
        {
            ["Input.PracticeName"] = "Copy", ["Input.DisplayName"] = "X", ["Input.Email"] = taken.Email, ["Input.TimeZone"] = "UTC",
        }));
        var fresh = ApiClient.UniqueEmail("fresh");
        var free = await browser.FollowAsync(await browser.PostFormAsync("/account/register", new()
        {
            ["Input.PracticeName"] = "Copy", ["Input.DisplayName"] = "X", ["Input.Email"] = fresh, ["Input.TimeZone"] = "UTC",
        }));

        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("Practice name is required.", weakHtml);
        Assert.Contains("Email is not a valid address.", weakHtml);
        Assert.Contains("Choose a time zone from the list", weakHtml);
        Assert.Equal(Html.TextOf(free, "registration-mailed").Replace(fresh, "ADDRESS", StringComparison.Ordinal),
            Html.TextOf(duplicate, "registration-mailed").Replace(taken.Email, "ADDRESS", StringComparison.Ordinal));
        Assert.Equal("/account/login", (await browser.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_front_door_sends_each_person_to_their_own_start_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var anonymous = new Browser(app);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        Assert.Equal("/account/login", (await anonymous.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal("/counselor", (await counselor.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal("/portal", (await client.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_invitation_link_opens_a_page_that_sets_the_password_and_signs_in_once()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("partner"), role = "Client", displayName = "Morgan Invitee", caseId = world.CaseId });
        var acceptUrl = new Uri((await invite.ReadJsonAsync())["acceptUrl"]!.GetValue<string>()).PathAndQuery;
        using var browser = new Browser(app);

        Assert.Contains("Morgan Invitee", await browser.PageAsync(acceptUrl));
        var weak = await browser.PostFormAsync(acceptUrl, new() { ["Input.Password"] = "short" });
        Assert.Contains("Passwords must be at least 10 characters", await weak.Content.ReadAsStringAsync());
        var accepted = await browser.PostFormAsync(acceptUrl, new() { ["Input.Password"] = ApiClient.Password, ["Input.DisplayName"] = "Mo" });

        await accepted.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Hello, Mo", await browser.PageAsync("/portal"));
        using var second = new Browser(app);
        Assert.Contains("already been used", await second.PageAsync(acceptUrl));
        Assert.Contains("not valid", await second.PageAsync("/invitations/accept?token=garbage"));
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
