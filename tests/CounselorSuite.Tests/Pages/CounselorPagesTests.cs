using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

public sealed class CounselorPagesTests
{
    private static string CasePage(Guid id) => $"/counselor/cases/{id}";

    private static string Settings(Guid id) => $"/counselor/cases/{id}/settings";

    [Fact]
    public async Task The_dashboard_lists_the_counselors_own_cases_with_their_clients_and_an_admin_sees_all()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (_, otherEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        await (await app.SignInAsync(otherEmail)).CreateCaseAsync("Individual", "Not yours");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        var mine = await counselor.PageAsync("/counselor");
        var all = await admin.PageAsync("/counselor");

        Assert.Contains(CasePage(world.CaseId), mine);
        Assert.Contains("Couple", mine);
        Assert.Contains("Client Person, Client Person", mine);
        Assert.DoesNotContain("Not yours", mine);
        Assert.Contains("Not yours", all);
        Assert.Contains(CasePage(world.CaseId), all);
    }

    [Fact]
    public async Task Opening_a_case_through_the_form_leads_to_its_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        var bad = await counselor.PostFormAsync("/counselor", new() { ["Input.Title"] = "", ["Input.Kind"] = "Triad", ["Input.Confidentiality"] = "NoSecrets" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Title is required.", badHtml);
        Assert.Contains("Choose Individual, Couple or Family.", badHtml);

        var opened = await counselor.PostFormAsync("/counselor", new() { ["Input.Title"] = "A. & B. K.", ["Input.Kind"] = "Family", ["Input.Confidentiality"] = "NoSecrets" });

        await opened.EnsureStatusAsync(HttpStatusCode.Redirect);
        var location = opened.Headers.Location!.OriginalString;
        var page = await counselor.PageAsync(location);
        Assert.Contains("A. &amp; B. K.", page);
        Assert.Contains("<option value=\"NoSecrets\" selected=\"selected\">", await counselor.PageAsync(location + "/settings"));
        foreach (var slot in new[] { "homework", "progress", "sessions", "handouts", "settings" })
        {
            Assert.Contains($"href=\"{location}/{slot}\"", page);
        }
    }

    [Fact]
    public async Task A_case_page_is_not_found_for_a_counselor_not_on_it_and_for_another_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var stranger = await app.CreateWorldAsync();
        var (_, otherEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        using var otherCounselor = await Browser.SignedInAsync(app, otherEmail);
        using var foreignAdmin = await Browser.SignedInAsync(app, stranger.Practice.Email);
        using var foreignCounselor = await Browser.SignedInAsync(app, stranger.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        foreach (var section in new[] { "", "/homework", "/progress", "/sessions", "/handouts", "/settings" })
        {
            var notOnIt = await otherCounselor.GetAsync(CasePage(world.CaseId) + section);
            var foreign = await foreignAdmin.GetAsync(CasePage(world.CaseId) + section);
            var unknown = await foreignCounselor.GetAsync(CasePage(Guid.NewGuid()) + section);
            var asClient = await client.GetAsync(CasePage(world.CaseId) + section);

            await notOnIt.EnsureStatusAsync(HttpStatusCode.NotFound);
            await foreign.EnsureStatusAsync(HttpStatusCode.NotFound);
            await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
            await asClient.EnsureStatusAsync(HttpStatusCode.Forbidden);
            Assert.Contains("Page not found", await foreign.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Posting_to_another_practices_case_changes_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var stranger = await app.CreateWorldAsync();
        using var foreignAdmin = await Browser.SignedInAsync(app, stranger.Practice.Email);
        var ownCase = Settings(stranger.CaseId);

        var agreement = await foreignAdmin.PostFormAsync(ownCase, new() { ["Confidentiality"] = "NoSecrets" }, Settings(world.CaseId) + "?handler=Confidentiality");
        var invite = await foreignAdmin.PostFormAsync(ownCase, new() { ["Invite.DisplayName"] = "Intruder", ["Invite.Email"] = ApiClient.UniqueEmail("x") },
            Settings(world.CaseId) + "?handler=Invite");

        await agreement.EnsureStatusAsync(HttpStatusCode.NotFound);
        await invite.EnsureStatusAsync(HttpStatusCode.NotFound);
        var theCase = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();
        Assert.Equal("NotRecorded", theCase["confidentiality"]!.GetValue<string>());
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        Assert.DoesNotContain("Intruder", await counselor.PageAsync(Settings(world.CaseId)));
    }

    [Fact]
    public async Task Inviting_a_client_by_email_shows_the_link_to_copy_and_lists_the_invitation_until_revoked()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var page = Settings(world.CaseId);

        var invited = await counselor.PostFormAsync(page, new() { ["Invite.DisplayName"] = "Jamie Partner", ["Invite.Email"] = ApiClient.UniqueEmail("jamie") }, "?handler=Invite");

        var html = await counselor.FollowAsync(invited);
        Assert.Contains("Jamie Partner is invited.", Html.TextOf(html, "case-status"));
        var link = Html.ValueOf(html, "accept-link");
        Assert.Contains("/invitations/accept?token=", link);
        Assert.Contains("Pending", Html.Section(html, "invitations"));
        var id = Regex.Match(Html.Section(html, "invitations"), "name=\"InvitationId\" value=\"([^\"]+)\"").Groups[1].Value;

        var revoked = await counselor.PostFormAsync(page, new() { ["InvitationId"] = id }, "?handler=Revoke");

        var afterRevoke = await counselor.FollowAsync(revoked);
        Assert.Contains("Invitation revoked.", Html.TextOf(afterRevoke, "case-status"));
        Assert.Contains("Revoked", Html.Section(afterRevoke, "invitations"));
        using var invitee = new Browser(app);
        Assert.Contains("not valid", await invitee.PageAsync(new Uri(link).PathAndQuery));
    }

    [Fact]
    public async Task Inviting_a_client_by_username_shows_the_setup_code_only_once()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var page = Settings(world.CaseId);
        var userName = $"kid.{Guid.NewGuid():N}"[..20];

        var invited = await counselor.PostFormAsync(page, new() { ["Invite.DisplayName"] = "Alex Teen", ["Invite.UserName"] = userName }, "?handler=Invite");

        var code = Html.TextOf(await counselor.FollowAsync(invited), "setup-code");
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        var later = await counselor.PageAsync(page);
        Assert.DoesNotContain(code, later);
        Assert.Contains(userName, Html.Section(later, "invitations"));

        var both = await counselor.PostFormAsync(page, new() { ["Invite.DisplayName"] = "X", ["Invite.UserName"] = "someone.else", ["Invite.Email"] = "x@example.test" }, "?handler=Invite");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var refused = await both.Content.ReadAsStringAsync();
        Assert.Contains("Give an email or a username, not both.", refused);
        // What was typed stays in the form.
        Assert.Equal("someone.else", Html.ValueOf(refused, "Invite_UserName"));
        Assert.Equal("x@example.test", Html.ValueOf(refused, "Invite_Email"));
    }

    [Fact]
    public async Task The_confidentiality_agreement_is_edited_on_the_case_page_and_reaches_the_clients_portal()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[1].Email);

        var saved = await counselor.PostFormAsync(Settings(world.CaseId), new() { ["Confidentiality"] = "FullConfidentiality" }, "?handler=Confidentiality");
        Assert.Contains("Agreement saved", Html.TextOf(await counselor.FollowAsync(saved), "case-status"));
        var nonsense = await counselor.PostFormAsync(Settings(world.CaseId), new() { ["Confidentiality"] = "Whatever" }, "?handler=Confidentiality");

        Assert.Contains("Choose one of the agreements.", await nonsense.Content.ReadAsStringAsync());
        Assert.Contains("stays between you and your counselor", await client.PageAsync("/portal"));
    }

    [Fact]
    public async Task An_admin_adds_a_counselor_to_a_case_and_a_counselor_cannot()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (otherId, otherEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor", displayName: "Second Counselor");
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var other = await Browser.SignedInAsync(app, otherEmail);
        await (await other.GetAsync(CasePage(world.CaseId))).EnsureStatusAsync(HttpStatusCode.NotFound);

        var byCounselor = await counselor.PostFormAsync(Settings(world.CaseId), new() { ["CounselorId"] = otherId.ToString() }, "?handler=AddCounselor");
        await byCounselor.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(CasePage(world.CaseId))).EnsureStatusAsync(HttpStatusCode.NotFound);

        var byAdmin = await admin.PostFormAsync(Settings(world.CaseId), new() { ["CounselorId"] = otherId.ToString() }, "?handler=AddCounselor");

        var landed = await admin.FollowAsync(byAdmin);
        Assert.Contains("Second Counselor is a counselor of this case now.", Html.TextOf(landed, "case-status"));
        Assert.Contains("Second Counselor", Html.Section(landed, "counselors"));
        Assert.Contains("Second Counselor", Html.TextOf(landed, "case-counselors"));
        Assert.Contains("Client Person", await other.PageAsync(CasePage(world.CaseId)));
    }
}
