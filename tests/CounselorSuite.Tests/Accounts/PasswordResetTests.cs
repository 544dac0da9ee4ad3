using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using MimeKit;

namespace CounselorSuite.Tests.Accounts;

/// <summary>"Forgot password": a one-day link by email, the same answer for any address, and a plain word for username accounts.</summary>
public sealed class PasswordResetTests
{
    private const string NewPassword = "a fresh password 42";

    private static List<MimeMessage> MailsTo(TestApp app, string address) => Directory.Exists(app.MailFolder)
        ? Directory.GetFiles(app.MailFolder).Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.Subject == "Choose a new password" && m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList()
        : [];

    private static Uri LinkIn(MimeMessage mail) => new(Regex.Match(mail.TextBody ?? "", @"https?://\S+/account/reset-password\?\S+").Value);

    private static Task<HttpResponseMessage> AskAsync(Browser browser, string email) =>
        browser.PostFormAsync("/account/forgot-password", new() { ["Email"] = email });

    [Fact]
    public async Task A_client_asks_for_a_link_chooses_a_new_password_and_the_link_works_only_once()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync());
        var world = await app.CreateWorldAsync();
        var email = world.Clients[0].Email;
        using var browser = new Browser(app);

        var login = await browser.PageAsync("/account/login");
        Assert.Contains("href=\"/account/forgot-password\"", login);
        Assert.Contains("ask the person you meet for your sessions", Html.TextOf(login, "forgot-password"));

        var sent = await browser.FollowAsync(await AskAsync(browser, email.ToUpperInvariant()));
        var unknown = await browser.FollowAsync(await AskAsync(browser, "nobody." + email));
        // Whether an address has an account is never told.
        Assert.Equal(Html.TextOf(sent, "reset-sent"), Html.TextOf(unknown, "reset-sent"));

        var mail = Assert.Single(MailsTo(app, email));
        Assert.DoesNotContain("Test Practice", mail.TextBody);
        var link = LinkIn(mail);

        var reset = await browser.PostFormAsync(link.PathAndQuery, new() { ["Password"] = NewPassword });
        await reset.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/login", reset.Headers.Location!.OriginalString);

        using var signedIn = await Browser.SignedInAsync(app, email, NewPassword);
        var again = await browser.PostFormAsync(link.PathAndQuery, new() { ["Password"] = "another password 43" });
        await again.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("expired or was used already", Html.TextOf(await again.Content.ReadAsStringAsync(), "reset-problems"));
        using var other = new Browser(app);
        await (await other.SignInAsync(email, "another password 43")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason_and_the_old_one_still_works()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync());
        var world = await app.CreateWorldAsync();
        var email = world.Clients[0].Email;
        using var browser = new Browser(app);
        await browser.FollowAsync(await AskAsync(browser, email));
        var link = LinkIn(Assert.Single(MailsTo(app, email)));

        var weak = await browser.PostFormAsync(link.PathAndQuery, new() { ["Password"] = "short" });

        await weak.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.NotEmpty(Html.TextOf(await weak.Content.ReadAsStringAsync(), "reset-problems"));
        using var still = await Browser.SignedInAsync(app, email);
    }
}
