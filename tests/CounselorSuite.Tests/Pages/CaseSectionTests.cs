using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// The case page in sections: each at its own address under the same header, with only its own data; every
/// action lands in the section that shows its result, with a message, or back at its form with what was typed.
/// </summary>
public sealed partial class CaseSectionTests
{
    private static string Case(Guid id, string section = "") => $"/counselor/cases/{id}{section}";

    // A mark only each section's own content carries.
    private static readonly (string Section, string Tab, string Mark)[] Sections =
    [
        ("", "Overview", "id=\"overview-homework\""),
        ("/homework", "Homework", "id=\"assign-form\""),
        ("/progress", "Progress", "id=\"progress-heading\""),
        ("/sessions", "Sessions &amp; notes", "id=\"book-starts\""),
        ("/handouts", "Handouts", "id=\"handouts-heading\""),
        ("/settings", "Settings", "id=\"invite-heading\""),
    ];

    [Fact]
    public async Task Each_section_opens_at_its_own_address_under_the_header_with_only_its_own_content()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var next = SessionApi.DaysAhead(3, 10);
        var session = await world.Counselor.BookAsync(world.CaseId, next);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        foreach (var (section, tab, mark) in Sections)
        {
            var html = await counselor.PageAsync(Case(world.CaseId, section));

            Assert.Contains("Client Person, Client Person", Html.TextOf(html, "case-clients"));
            Assert.Contains("Couple", Html.TextOf(html, "case-title"));
            Assert.NotEmpty(Html.TextOf(html, "case-counselors"));
            Assert.Contains($"/counselor/sessions/{session}", html[html.IndexOf("id=\"case-next-session\"", StringComparison.Ordinal)..]);
            Assert.Equal("None open", Html.TextOf(html, "case-alerts"));
            // The active tab says so; the tabs are plain links to the sections' addresses.
            var current = Assert.Single(AriaCurrent().Matches(html[html.IndexOf("class=\"case-nav\"", StringComparison.Ordinal)..]));
            Assert.Contains($"href=\"{Case(world.CaseId, section)}\"", current.Value);
            Assert.EndsWith($">{tab}</a>", current.Value);
            foreach (var (other, _, otherMark) in Sections)
            {
                if (other == section) { Assert.Contains(mark, html); } else { Assert.DoesNotContain(otherMark, html); }
            }
        }
    }

    [Fact]
    public async Task The_overview_sums_up_what_needs_attention_and_an_alert_resolved_there_lands_back_with_a_message()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var item = (await world.Clients[0].Client.MyItemsAsync()).First(i => i["exerciseTitle"]!.GetValue<string>() == SafetyAlertTests.CheckIn);
        await world.Clients[0].Client.SubmitOkAsync(item["id"]!.GetValue<Guid>(), SafetyAlertTests.DangerAnswers(checkIn));
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var overview = Case(world.CaseId);

        var html = await counselor.PageAsync(overview);

        Assert.Equal("1 open", Html.TextOf(html, "case-alerts"));
        Assert.Contains("Client Person gave a safety answer", Text(Html.Section(html, "open-alerts")));
        Assert.Contains("1 submission waiting for review.", Html.Section(html, "overview-homework"));
        Assert.Contains("Nothing overdue.", Html.Section(html, "overview-homework"));
        Assert.Contains("last rating", Html.Section(html, "overview-progress"));
        Assert.DoesNotContain("phone", html); // the answer itself is on the answers' page, not here
        var alertId = AlertId().Match(html).Groups[1].Value;

        // Too long a note is refused next to its field, and what was typed stays.
        var typed = "Called her. " + new string('x', 2000);
        var refused = await counselor.PostFormAsync(overview, new() { ["AlertId"] = alertId, ["Note"] = typed }, "?handler=Resolve");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains(typed, WebUtility.HtmlDecode(refusedHtml));
        Assert.Contains("role=\"alert\"", Html.Section(refusedHtml, "open-alerts"));

        var resolved = await counselor.PostFormAsync(overview, new() { ["AlertId"] = alertId, ["Note"] = "Called her; safety plan made." }, "?handler=Resolve");

        Assert.EndsWith("#case-status", resolved.Headers.Location!.OriginalString);
        var landed = await counselor.FollowAsync(resolved);
        Assert.Contains("Alert resolved.", Html.TextOf(landed, "case-status"));
        Assert.Contains("role=\"status\"", landed);
        Assert.Equal("None open", Html.TextOf(landed, "case-alerts"));
        Assert.Contains("No open alerts.", Html.Section(landed, "open-alerts"));
        // The message is shown once.
        Assert.DoesNotContain("Alert resolved.", await counselor.PageAsync(overview));
    }

    [Fact]
    public async Task A_refused_assignment_comes_back_to_the_homework_form_as_it_was_typed()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var homework = Case(world.CaseId, "/homework");

        var refused = await counselor.PostFormAsync(homework, new()
        {
            ["ExerciseId"] = exercise["id"]!.ToString(),
            ["ClientIds"] = world.Clients[1].Id.ToString(),
            ["Every"] = "Week",
            ["Count"] = "99",
            ["Note"] = "Once a week, after dinner",
        }, $"/counselor/cases/{world.CaseId}/assign");

        Assert.Equal(homework + "#assign-form", refused.Headers.Location!.OriginalString);
        var form = Html.Section(await counselor.FollowAsync(refused), "homework");
        Assert.Contains("Not assigned: ", Html.TextOf(form, "assign-error"));
        Assert.Contains("Once a week, after dinner", Html.TextOf(form, "assign-note"));
        Assert.Equal("99", Html.ValueOf(form, "assign-count"));
        Assert.Contains("<option value=\"Week\" selected=\"selected\">", form);
        Assert.Contains($"<option value=\"{exercise["id"]}\" selected=\"selected\">", form);
        Assert.Contains($"value=\"{world.Clients[1].Id}\" checked=\"checked\"", form);
        Assert.DoesNotContain($"value=\"{world.Clients[0].Id}\" checked=\"checked\"", form);
        Assert.Contains("Nothing assigned yet.", form);
    }

    [Fact]
    public async Task Booking_lands_in_the_sessions_section_and_a_session_links_back_to_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var sessions = Case(world.CaseId, "/sessions");
        var startsAt = SessionApi.DaysAhead(5, 14);

        var booked = await counselor.PostFormAsync(sessions, new()
        {
            ["Form.StartsAt"] = startsAt.ToString("yyyy-MM-ddTHH:mm"),
            ["Form.DurationMinutes"] = "50",
        }, $"/counselor/sessions/book/{world.CaseId}");

        Assert.Equal(sessions + "#case-status", booked.Headers.Location!.OriginalString);
        var landed = await counselor.FollowAsync(booked);
        Assert.Contains("Session booked for", Html.TextOf(landed, "case-status"));
        var id = SessionLink().Match(Html.Section(landed, "sessions")).Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains($"/counselor/sessions/{id}", Html.TextOf(landed, "case-next-session") + landed[landed.IndexOf("case-next-session", StringComparison.Ordinal)..]);

        var details = await counselor.PageAsync($"/counselor/sessions/{id}");
        Assert.Contains($"href=\"{sessions}\"", details);
    }

    [Fact]
    public async Task Invitations_are_made_in_settings_and_the_progress_page_leads_back_to_the_case_it_came_from()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var client = world.Clients[0].Id;

        var progress = await counselor.PageAsync(Case(world.CaseId, "/progress"));
        var link = $"/counselor/clients/{client}/progress?fromCase={world.CaseId}";
        Assert.Contains($"href=\"{link}\"", progress);
        var clientPage = await counselor.PageAsync(link);
        Assert.Contains($"href=\"{Case(world.CaseId, "/progress")}\"", clientPage);
        Assert.Contains($"{link}&amp;range=all", clientPage); // the ranges keep the way back
        // A case that is not the counselor's gives no way "back" to it.
        var stranger = await app.CreateWorldAsync();
        Assert.DoesNotContain(stranger.CaseId.ToString(), await counselor.PageAsync($"/counselor/clients/{client}/progress?fromCase={stranger.CaseId}"));

        // A form of the old single page, posted to the overview, finds nothing there: not found, nothing invited.
        var stray = await counselor.PostFormAsync(Case(world.CaseId), new() { ["Invite.DisplayName"] = "Stray" }, "?handler=Invite");
        Assert.Equal(HttpStatusCode.NotFound, stray.StatusCode);

        // The old address of a page of assignments still works.
        var old = await counselor.GetAsync(Case(world.CaseId) + "?assignments=2");
        Assert.Equal(Case(world.CaseId, "/homework") + "?assignments=2", old.Headers.Location!.OriginalString);
    }

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");

    [GeneratedRegex("<a [^>]*aria-current=\"page\"[^>]*>[^<]*</a>")]
    private static partial Regex AriaCurrent();

    [GeneratedRegex("name=\"AlertId\" value=\"([^\"]+)\"")]
    private static partial Regex AlertId();

    [GeneratedRegex("href=\"/counselor/sessions/([0-9a-f-]{36})\"")]
    private static partial Regex SessionLink();
}
