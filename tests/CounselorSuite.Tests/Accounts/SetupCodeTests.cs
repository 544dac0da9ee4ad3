using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CounselorSuite.Tests.Accounts;

/// <summary>Clients with no email of their own: a username and a one-time setup code, never a shared account.</summary>
public sealed class SetupCodeTests
{
    private static string UniqueUserName(string who) => $"{who}.{Guid.NewGuid():N}"[..24];

    private static async Task<HttpResponseMessage> InviteByUserNameAsync(HttpClient counselor, Guid caseId, string userName, string displayName = "Quiet Partner") =>
        await counselor.PostAsJsonAsync("/api/invitations", new { userName, role = "Client", displayName, caseId });

    private static Task<HttpResponseMessage> SetUpAsync(Browser browser, string userName, string code, string password = ApiClient.Password) =>
        browser.PostFormAsync("/account/setup", new() { ["Input.UserName"] = userName, ["Input.SetupCode"] = code, ["Input.Password"] = password });

    [Fact]
    public async Task A_counselor_invites_by_username_and_the_client_sets_up_and_signs_in_with_it()
    {
        // Its own app, so its mail folder holds only this test's mail.
        await using var app = new TestApp(await TestDatabase.GetAsync());
        var world = await app.CreateWorldAsync("Couple");
        var userName = UniqueUserName("partner");
        var mailBefore = Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder).Length : 0;

        var invite = await InviteByUserNameAsync(world.Counselor, world.CaseId, userName, "Sky Without Email");

        await invite.EnsureStatusAsync(HttpStatusCode.Created);
        var body = await invite.ReadJsonAsync();
        var code = body["setupCode"]!.GetValue<string>();
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);
        Assert.EndsWith("/account/setup", body["acceptUrl"]!.GetValue<string>());
        Assert.Equal(mailBefore, Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder).Length : 0);

        using var browser = new Browser(app);
        var setUp = await SetUpAsync(browser, userName.ToUpperInvariant(), code.Replace("-", "").ToLowerInvariant());
        await setUp.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Hello, Sky Without Email", await browser.PageAsync("/portal"));

        using var again = new Browser(app);
        Assert.Equal("/", (await again.SignInAsync(userName)).Headers.Location!.OriginalString);
        using var api = await app.SignInAsync(userName);
        var me = await (await api.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Null(me["email"]?.GetValue<string>());
        var theCase = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();
        Assert.Contains(me["userId"]!.GetValue<Guid>(), theCase["clientIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));
    }

    [Fact]
    public async Task A_setup_code_works_once_and_a_wrong_one_never()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var userName = UniqueUserName("once");
        var code = (await (await InviteByUserNameAsync(world.Counselor, world.CaseId, userName)).ReadJsonAsync())["setupCode"]!.GetValue<string>();
        using var browser = new Browser(app);

        var wrong = await SetUpAsync(browser, userName, "AAAA-BBBB-CCCC");
        Assert.Contains("The username or setup code is not right.", await wrong.Content.ReadAsStringAsync());
        var weak = await SetUpAsync(browser, userName, code, "short");
        Assert.Contains("Passwords must be at least 10 characters", await weak.Content.ReadAsStringAsync());
        var first = await SetUpAsync(browser, userName, code);
        await first.EnsureStatusAsync(HttpStatusCode.Redirect);

        using var other = new Browser(app);
        var reused = await SetUpAsync(other, userName, code, "another-password-9");
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync());
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = userName, password = "another-password-9" });
        await login.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_setup_code_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        var userName = UniqueUserName("late");
        var code = (await (await InviteByUserNameAsync(world.Counselor, world.CaseId, userName)).ReadJsonAsync())["setupCode"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var browser = new Browser(app);
        var late = await SetUpAsync(browser, userName, code);

        await late.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("This setup code has expired", await late.Content.ReadAsStringAsync());
        var api = await app.CreateClient().PostAsJsonAsync("/api/invitations/setup", new { userName, setupCode = code, password = ApiClient.Password });
        await api.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_username_is_reserved_across_the_installation_from_the_moment_of_invitation()
    {
        var app = await TestApp.SharedAsync();
        var first = await app.CreateWorldAsync();
        var second = await app.CreateWorldAsync();
        var userName = UniqueUserName("taken");
        await (await InviteByUserNameAsync(first.Counselor, first.CaseId, userName)).EnsureStatusAsync(HttpStatusCode.Created);

        var samePractice = await InviteByUserNameAsync(first.Counselor, first.CaseId, userName.ToUpperInvariant());
        var otherPractice = await InviteByUserNameAsync(second.Counselor, second.CaseId, userName);

        await samePractice.EnsureStatusAsync(HttpStatusCode.Conflict);
        await otherPractice.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"email":"x@example.test","userName":"both.given","role":"Client","displayName":"X"}""", "userName")]
    [InlineData("""{"userName":"has space","role":"Client","displayName":"X"}""", "userName")]
    [InlineData("""{"userName":"ab","role":"Client","displayName":"X"}""", "userName")]
    [InlineData("""{"userName":"no@sign","role":"Client","displayName":"X"}""", "userName")]
    [InlineData("""{"role":"Client","displayName":"X"}""", "email")]
    public async Task An_invitation_needs_exactly_one_of_email_and_a_valid_username(string json, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var body = JsonNode.Parse(json)!.AsObject();
        body["caseId"] = world.CaseId;

        var response = await world.Counselor.PostAsJsonAsync("/api/invitations", body);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Counselors_are_always_invited_by_email()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Admin.PostAsJsonAsync("/api/invitations", new { userName = UniqueUserName("staff"), role = "Counselor", displayName = "X" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Revoking_a_username_invitation_kills_its_code_and_frees_the_name()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var userName = UniqueUserName("revoked");
        var invite = await (await InviteByUserNameAsync(world.Counselor, world.CaseId, userName)).ReadJsonAsync();

        var revoke = await world.Counselor.PostAsync($"/api/invitations/{invite["invitationId"]}/revoke", null);

        await revoke.EnsureStatusAsync(HttpStatusCode.NoContent);
        using var browser = new Browser(app);
        var dead = await SetUpAsync(browser, userName, invite["setupCode"]!.GetValue<string>());
        Assert.Contains("The username or setup code is not right.", await dead.Content.ReadAsStringAsync());
        await (await InviteByUserNameAsync(world.Counselor, world.CaseId, userName)).EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_setup_code_is_no_link_token_and_another_practice_cannot_revoke_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var stranger = await app.CreateWorldAsync();
        var userName = UniqueUserName("guarded");
        var invite = await (await InviteByUserNameAsync(world.Counselor, world.CaseId, userName)).ReadJsonAsync();
        var code = invite["setupCode"]!.GetValue<string>();

        var asLink = await app.CreateClient().PostAsJsonAsync("/api/invitations/accept",
            new { token = $"{world.Practice.PracticeId:N}.{code}", password = ApiClient.Password });
        var foreignRevoke = await stranger.Admin.PostAsync($"/api/invitations/{invite["invitationId"]}/revoke", null);
        var clientRevoke = await world.Clients[0].Client.PostAsync($"/api/invitations/{invite["invitationId"]}/revoke", null);

        await asLink.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await foreignRevoke.EnsureStatusAsync(HttpStatusCode.NotFound);
        await clientRevoke.EnsureStatusAsync(HttpStatusCode.Forbidden);
        using var browser = new Browser(app);
        await (await SetUpAsync(browser, userName, code)).EnsureStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_setup_code()
    {
        var app = await TestApp.SharedAsync();

        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("setupCode", document);
        Assert.Contains("/api/invitations/setup", document);
        Assert.Contains("/api/invitations/{id}/revoke", document);
    }
}
