using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Pages;

/// <summary>The counselor's home: each list with and without data, in its order, only the counselor's own cases.</summary>
public sealed class CounselorHomeTests
{
    private static readonly string[] SectionsInOrder = ["safety-alerts", "sessions", "to-review", "overdue", "activity", "cases"];

    [Fact]
    public async Task A_counselor_without_work_sees_every_list_say_plainly_that_it_is_empty()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (_, email) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        using var counselor = await Browser.SignedInAsync(app, email);

        var home = await counselor.PageAsync("/counselor");

        Assert.Contains("No open safety alerts.", Html.Section(home, "safety-alerts"));
        Assert.Contains("No sessions booked.", Html.Section(home, "sessions"));
        Assert.Contains("Nothing to review.", Html.Section(home, "to-review"));
        Assert.Contains("Nothing overdue.", Html.Section(home, "overdue"));
        Assert.Contains("No client activity in the last 14 days.", Html.Section(home, "activity"));
        Assert.Contains("No cases yet.", Html.Section(home, "cases"));
        Assert.Equal("Safety alerts", Html.TextOf(home, "alerts-menu-link"));
        var positions = SectionsInOrder.Select(id => home.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task The_home_shows_an_alert_the_weeks_sessions_work_to_review_overdue_work_and_activity_but_no_answers()
    {
        var app = await TestApp.SharedAsync();
        var world = await HomeWorld.CreateAsync(app);
        using var counselor = await Browser.SignedInAsync(app, world.Base.CounselorEmail);

        var home = await counselor.PageAsync("/counselor");

        var alerts = Html.Section(home, "safety-alerts");
        Assert.Contains("Clients who need your attention (1)", alerts);
        Assert.Contains("Riley", alerts);
        Assert.Contains($"/counselor/alerts#alert-{world.AlertId}", alerts);
        Assert.Equal("Safety alerts, 1 open", Html.TextOf(home, "alerts-menu-link"));

        var sessions = WebUtility.HtmlDecode(Html.Section(home, "sessions"));
        Assert.Contains("Today, ", sessions);
        Assert.Contains("12:00–12:50 pm", sessions);
        Assert.Contains($"/counselor/sessions/{world.TodaysSession}", sessions);
        Assert.Contains("Riley, Sam", sessions);
        Assert.Contains($"/counselor/sessions/{world.SessionInThreeDays}", sessions);
        Assert.DoesNotContain(world.SessionInTenDays.ToString(), sessions);
        Assert.DoesNotContain(world.CancelledSession.ToString(), sessions);

        var review = Html.Section(home, "to-review");
        Assert.Contains("Waiting for your review (2)", review);
        Assert.Matches("Sam</strong> sent <a[^>]*>Noticing small kindnesses</a>", review);

        var overdue = Html.Section(home, "overdue");
        Assert.Contains("R. and S.", overdue);
        Assert.Contains("2 items", overdue);
        Assert.Contains("Riley 1, Sam 1", overdue);

        var activity = Html.Section(home, "activity");
        Assert.Matches("Sam</strong>\\s*sent", activity);
        Assert.Matches("Riley</strong>\\s*joined the portal", activity);

        var cases = Html.Section(home, "cases");
        Assert.Contains("R. and S.", cases);
        Assert.Contains("Riley, Sam", cases);
        // What and who, never what anyone wrote.
        Assert.DoesNotContain(HomeWorld.PrivateWords, home);
        Assert.DoesNotContain(HomeWorld.SamsWords, home);
    }

    [Fact]
    public async Task Another_counselors_and_another_practices_work_never_appears_and_an_admin_sees_the_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await HomeWorld.CreateAsync(app);
        var (_, colleagueEmail) = await app.InviteAndAcceptAsync(world.Base.Admin, "Counselor");
        var stranger = await app.CreateWorldAsync();
        using var colleague = await Browser.SignedInAsync(app, colleagueEmail);
        using var foreign = await Browser.SignedInAsync(app, stranger.CounselorEmail);
        using var foreignAdmin = await Browser.SignedInAsync(app, stranger.Practice.Email);
        using var admin = await Browser.SignedInAsync(app, world.Base.Practice.Email);

        foreach (var outsider in new[] { colleague, foreign, foreignAdmin })
        {
            var home = await outsider.PageAsync("/counselor");
            Assert.DoesNotContain("R. and S.", home);
            Assert.DoesNotContain("Riley", home);
            Assert.DoesNotContain(world.TodaysSession.ToString(), home);
            Assert.Contains("No open safety alerts.", home);
            Assert.Contains("Nothing to review.", home);
            Assert.Contains("Nothing overdue.", home);
            Assert.DoesNotContain(world.AlertId.ToString(), await outsider.PageAsync("/counselor/alerts"));
        }

        var practice = await admin.PageAsync("/counselor");
        Assert.Contains("All cases", practice);
        Assert.Contains("Clients who need your attention (1)", practice);
        Assert.Equal("Safety alerts, 1 open", Html.TextOf(practice, "alerts-menu-link"));
    }

    [Fact]
    public async Task The_case_search_finds_by_title_or_client_name_without_script_and_matches_literally()
    {
        var app = await TestApp.SharedAsync();
        var world = await HomeWorld.CreateAsync(app);
        await world.Base.Counselor.CreateCaseAsync("Individual", "T. M.");
        using var counselor = await Browser.SignedInAsync(app, world.Base.CounselorEmail);

        var all = Html.Section(await counselor.PageAsync("/counselor"), "cases");
        var byTitle = Html.Section(await counselor.PageAsync("/counselor?q=t.+m"), "cases");
        var byClient = Html.Section(await counselor.PageAsync("/counselor?q=riley"), "cases");
        var wildcard = Html.Section(await counselor.PageAsync("/counselor?q=%25"), "cases");

        Assert.Contains("R. and S.", all);
        Assert.Contains("T. M.", all);
        Assert.Contains("T. M.", byTitle);
        Assert.DoesNotContain("R. and S.", byTitle);
        Assert.Contains("R. and S.", byClient);
        Assert.DoesNotContain("T. M.", byClient);
        Assert.Contains("No open case matches “%”.", WebUtility.HtmlDecode(wildcard));
        Assert.Contains("type=\"search\"", all);
        Assert.Contains("method=\"get\"", all);
    }

    [Fact]
    public async Task The_menu_counts_open_alerts_on_every_staff_page_and_resolving_one_on_the_alerts_page_lists_it_as_resolved()
    {
        var app = await TestApp.SharedAsync();
        var world = await HomeWorld.CreateAsync(app);
        using var counselor = await Browser.SignedInAsync(app, world.Base.CounselorEmail);
        Assert.Equal("Safety alerts, 1 open", Html.TextOf(await counselor.PageAsync("/counselor/calendar"), "alerts-menu-link"));
        var page = await counselor.PageAsync("/counselor/alerts");
        Assert.Contains($"id=\"alert-{world.AlertId}\"", Html.Section(page, "safety-alerts"));
        Assert.Contains("No alerts resolved lately.", Html.Section(page, "resolved-alerts"));

        var resolved = await counselor.PostFormAsync("/counselor/alerts", new() { ["alertId"] = world.AlertId.ToString(), ["note"] = "Called her; plan made." },
            "?handler=Resolve");

        await resolved.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/counselor/alerts#resolved-alerts", resolved.Headers.Location!.OriginalString);
        var after = await counselor.PageAsync("/counselor/alerts");
        Assert.Contains("Alert resolved.", after);
        Assert.Contains("No open safety alerts.", Html.Section(after, "safety-alerts"));
        Assert.Contains("Called her; plan made.", Html.Section(after, "resolved-alerts"));
        Assert.Equal("Safety alerts", Html.TextOf(after, "alerts-menu-link"));
        Assert.Contains("No open safety alerts.", await counselor.PageAsync("/counselor"));
    }

    [Fact]
    public async Task A_client_cannot_open_the_home_or_the_alerts_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        await client.PageAsync("/counselor", HttpStatusCode.Forbidden);
        await client.PageAsync("/counselor/alerts", HttpStatusCode.Forbidden);
        Assert.DoesNotMatch(new Regex("alerts-menu-link"), await client.PageAsync("/portal"));
    }
}
