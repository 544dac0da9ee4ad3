using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

/// <summary>Pages refuse control characters in fields and addresses with a message in place, never a 500.</summary>
public sealed class InputGuardPageTests
{
    private const string Refused = "invisible control character";

    [Fact]
    public async Task A_nul_in_the_sign_in_email_shows_the_form_again_with_a_message_and_signs_nobody_in()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = new Browser(app);

        var response = await browser.SignInAsync(world.CounselorEmail + "\0");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Refused, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counselor")).StatusCode); // still signed out
    }

    [Fact]
    public async Task A_nul_in_a_new_case_title_opens_no_case_and_says_why_next_to_the_form()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        var response = await counselor.PostFormAsync("/counselor",
            new() { ["Input.Title"] = "A\0B", ["Input.Kind"] = "Individual", ["Input.Confidentiality"] = "NoSecrets" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Refused, html);
        Assert.Contains("<form", html);
        var list = await (await world.Counselor.GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal(1, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Searching_the_library_for_a_nul_shows_the_library_with_a_message()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        var html = await counselor.PageAsync("/counselor/exercises?q=%00");

        Assert.Contains(Refused, html);
    }

    [Fact]
    public async Task A_return_url_with_a_tab_after_a_correct_sign_in_goes_home_signed_in()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = new Browser(app);

        var response = await browser.PostFormAsync("/account/login",
            new() { ["Input.LoginName"] = world.CounselorEmail, ["Input.Password"] = ApiClient.Password, ["ReturnUrl"] = "/\t/evil.example" });

        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        await (await browser.GetAsync("/counselor")).EnsureStatusAsync(HttpStatusCode.OK);
    }
}
