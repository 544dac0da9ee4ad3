using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Accounts;

/// <summary>
/// Nobody learns from sign-in or from an invitation whether an email has an account: the answers are the
/// same, and sign-in takes as long, for an unknown email, a wrong password and a locked account.
/// </summary>
public sealed class EnumerationTests
{
    private static async Task<(HttpStatusCode Status, string Title)> ApiSignInAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? "" : (await response.ReadJsonAsync())["title"]!.GetValue<string>());
    }

    private static async Task<string> PageMessageAsync(TestApp app, string login, string password)
    {
        using var browser = new Browser(app);
        var html = await (await browser.SignInAsync(login, password)).Content.ReadAsStringAsync();
        return Html.TextOf(html, "login-message");
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_a_locked_and_a_disabled_account_get_the_same_answer()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var http = app.CreateClient();
        var unknown = ApiClient.UniqueEmail("nobody");

        var answers = new List<(HttpStatusCode, string)>
        {
            await ApiSignInAsync(http, unknown, ApiClient.Password),
            await ApiSignInAsync(http, world.CounselorEmail, "wrong-password-1"),
        };
        var pages = new List<string> { await PageMessageAsync(app, unknown, ApiClient.Password), await PageMessageAsync(app, world.CounselorEmail, "wrong-password-1") };
        for (var i = 0; i < 5; i++)
        {
            await ApiSignInAsync(http, world.CounselorEmail, "wrong-password-1");
        }
        answers.Add(await ApiSignInAsync(http, world.CounselorEmail, ApiClient.Password)); // locked, with the right password
        pages.Add(await PageMessageAsync(app, world.CounselorEmail, ApiClient.Password));
        await (await world.Admin.PostAsync($"/api/users/{world.Clients[0].Id}/disable", null)).EnsureStatusAsync(HttpStatusCode.OK);
        answers.Add(await ApiSignInAsync(http, world.Clients[0].Email, ApiClient.Password));
        pages.Add(await PageMessageAsync(app, world.Clients[0].Email, ApiClient.Password));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "The email or password is not right."), a));
        Assert.Single(pages.Distinct());
        Assert.DoesNotContain("locked", pages[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_takes_as_long_for_an_unknown_email_as_for_a_known_one()
    {
        // The real hashing cost: with the test host's one round, both answers would take next to nothing.
        await using var app = new TestApp(await TestDatabase.GetAsync()) { RealPasswordHashing = true };
        var practice = await app.RegisterPracticeAsync();
        using var http = app.CreateClient();
        await ApiSignInAsync(http, ApiClient.UniqueEmail("warm-up"), "wrong-password-1");
        await ApiSignInAsync(http, practice.Email, "wrong-password-1");
        var (unknown, known) = (new List<double>(), new List<double>());

        for (var i = 0; i < 9; i++)
        {
            var watch = Stopwatch.StartNew();
            await ApiSignInAsync(http, ApiClient.UniqueEmail("nobody"), "wrong-password-1");
            unknown.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await ApiSignInAsync(http, practice.Email, "wrong-password-1"); // locked after five: as long again
            known.Add(watch.Elapsed.TotalMilliseconds);
        }

        var ratio = unknown.Order().ElementAt(4) / known.Order().ElementAt(4);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task An_invitation_answers_alike_whether_or_not_the_email_has_an_account_and_the_mail_tells_the_person()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var elsewhere = await app.CreateWorldAsync();

        var taken = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = elsewhere.Clients[0].Email, role = "Client", displayName = "Sam", caseId = world.CaseId });
        var fresh = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("fresh"), role = "Client", displayName = "Sam", caseId = world.CaseId });

        await taken.EnsureStatusAsync(HttpStatusCode.Created);
        await fresh.EnsureStatusAsync(HttpStatusCode.Created);
        var (a, b) = (await taken.ReadJsonAsync(), await fresh.ReadJsonAsync());
        Assert.Equal(b.Select(p => p.Key).Order(), a.Select(p => p.Key).Order());
        // The person learns it from the mail, which the inviter does not read.
        Assert.Single(Homework.SafetyAlertTests.MailsTo(app, elsewhere.Clients[0].Email), m => m.Contains("already has an account", StringComparison.Ordinal));
        using var page = await Browser.SignedInAsync(app, world.CounselorEmail);
        var settings = await page.FollowAsync(await page.PostFormAsync($"/counselor/cases/{world.CaseId}/settings",
            new() { ["Invite.DisplayName"] = "Sam", ["Invite.Email"] = elsewhere.Clients[0].Email, ["Invite.UserName"] = "" }, "?handler=Invite"));
        Assert.Contains("Sam is invited.", settings);
    }
}
