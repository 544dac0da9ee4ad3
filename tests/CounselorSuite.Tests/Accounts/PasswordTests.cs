using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using MimeKit;
using Npgsql;

namespace CounselorSuite.Tests.Accounts;

/// <summary>
/// A password is changed with the current one, or reset by a mailed link that works once for 30 minutes
/// (only its hash is stored) or, without email, by a new setup code from the counselor; every way ends
/// the person's other sessions. (PasswordResetTests covers the sign-in page's "Forgot password" steps.)
/// </summary>
public sealed partial class PasswordTests
{
    private const string NewPassword = "a-new-password-42";

    private static bool SignedOut(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery().StartsWith("/account/login", StringComparison.Ordinal);

    private static string LatestResetToken(TestApp app, string email)
    {
        var mail = Directory.GetFiles(app.MailFolder).Order().Select(f => MimeMessage.Load(f))
            .Last(m => m.Subject == "Choose a new password" && m.To.Mailboxes.Any(b => b.Address.Equals(email, StringComparison.OrdinalIgnoreCase)));
        return Uri.UnescapeDataString(ResetLink().Match(mail.TextBody ?? "").Groups[1].Value);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions_but_not_this_one()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var here = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var elsewhere = await Browser.SignedInAsync(app, world.CounselorEmail);

        var wrong = await here.PostFormAsync("/account/security", new() { ["CurrentPassword"] = "not-my-password-1", ["NewPassword"] = NewPassword }, "?handler=ChangePassword");
        Assert.Contains("That password is not right.", await wrong.Content.ReadAsStringAsync());
        await elsewhere.PageAsync("/counselor");

        var changed = await here.PostFormAsync("/account/security", new() { ["CurrentPassword"] = ApiClient.Password, ["NewPassword"] = NewPassword }, "?handler=ChangePassword");

        Assert.Contains("Your password is changed", await changed.Content.ReadAsStringAsync());
        await here.PageAsync("/counselor");
        Assert.True(SignedOut(await elsewhere.GetAsync("/counselor")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Counselor.GetAsync("/api/me")).StatusCode);
        using var oldPassword = new Browser(app);
        Assert.NotEqual(HttpStatusCode.Redirect, (await oldPassword.SignInAsync(world.CounselorEmail)).StatusCode);
        using var newPassword = await Browser.SignedInAsync(app, world.CounselorEmail, NewPassword);
    }

    [Fact]
    public async Task The_api_changes_the_password_and_answers_new_tokens_for_this_client_only()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var other = await app.SignInAsync(world.CounselorEmail);

        var weak = await world.Counselor.PostAsJsonAsync("/api/me/password", new { currentPassword = ApiClient.Password, newPassword = "short" });
        await weak.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await weak.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("newPassword"));

        var changed = await world.Counselor.PostAsJsonAsync("/api/me/password", new { currentPassword = ApiClient.Password, newPassword = NewPassword });

        await changed.EnsureStatusAsync(HttpStatusCode.OK);
        var token = (await changed.ReadJsonAsync())["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_works_once_for_30_minutes_ends_every_session_and_only_its_hash_is_stored()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var api = app.CreateClient();
        var known = await api.PostAsJsonAsync("/api/auth/forgot-password", new { email = world.CounselorEmail });
        var unknown = await api.PostAsJsonAsync("/api/auth/forgot-password", new { email = ApiClient.UniqueEmail("nobody") });
        Assert.Equal((HttpStatusCode.Accepted, await known.Content.ReadAsStringAsync()), (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()));
        var token = LatestResetToken(app, world.CounselorEmail);
        using var elsewhere = await Browser.SignedInAsync(app, world.CounselorEmail);

        await using (var owner = await app.Database.OpenAsOwnerAsync())
        await using (var stored = new NpgsqlCommand("SELECT token_hash, expires_at - created_at FROM password_resets WHERE user_id = @u AND used_at IS NULL", owner))
        {
            stored.Parameters.AddWithValue("u", world.CounselorId);
            await using var reader = await stored.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.DoesNotContain(token.Split('.')[1], reader.GetString(0));
            Assert.Equal(TimeSpan.FromMinutes(30), reader.GetFieldValue<TimeSpan>(1));
        }

        await (await api.PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = NewPassword })).EnsureStatusAsync(HttpStatusCode.NoContent);

        Assert.True(SignedOut(await elsewhere.GetAsync("/counselor")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Counselor.GetAsync("/api/me")).StatusCode);
        var again = await api.PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "yet-another-password-7" });
        await again.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await again.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("token"));
        await app.SignInAsync(world.CounselorEmail, NewPassword);
    }

    [Fact]
    public async Task A_reset_link_older_than_30_minutes_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var api = app.CreateClient();
        await (await api.PostAsJsonAsync("/api/auth/forgot-password", new { email = world.CounselorEmail })).EnsureStatusAsync(HttpStatusCode.Accepted);
        var token = LatestResetToken(app, world.CounselorEmail);
        await using (var owner = await app.Database.OpenAsOwnerAsync())
        // The times as parameters: Citus refuses timestamptz arithmetic on a column in an UPDATE (a STABLE
        // operator each shard could compute differently).
        await using (var age = new NpgsqlCommand("UPDATE password_resets SET created_at = @created, expires_at = @expires WHERE practice_id = @p AND user_id = @u", owner))
        {
            age.Parameters.AddWithValue("created", DateTimeOffset.UtcNow.AddMinutes(-31));
            age.Parameters.AddWithValue("expires", DateTimeOffset.UtcNow.AddMinutes(-1));
            age.Parameters.AddWithValue("p", world.Practice.PracticeId);
            age.Parameters.AddWithValue("u", world.CounselorId);
            await age.ExecuteNonQueryAsync();
        }

        var late = await api.PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = NewPassword });

        await late.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await app.SignInAsync(world.CounselorEmail); // the old password still works
    }

    [Fact]
    public async Task A_client_without_email_gets_a_new_setup_code_from_their_counselor_and_signs_in_with_it_once()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var userName = $"robin{Guid.NewGuid():N}"[..20];
        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations", new { role = "Client", displayName = "Robin", caseId = world.CaseId, userName });
        var firstCode = (await invite.ReadJsonAsync())["setupCode"]!.GetValue<string>();
        var setUp = await app.CreateClient().PostAsJsonAsync("/api/invitations/setup", new { userName, setupCode = firstCode, password = ApiClient.Password });
        var clientId = (await setUp.ReadJsonAsync())["userId"]!.GetValue<Guid>();
        using var oldSession = await Browser.SignedInAsync(app, userName);

        var other = await app.CreateWorldAsync();
        await (await other.Counselor.PostAsync($"/api/clients/{clientId}/setup-code", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Counselor.PostAsync($"/api/clients/{world.Clients[0].Id}/setup-code", null)).EnsureStatusAsync(HttpStatusCode.NotFound); // has an email: the link is for them
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var onPage = await counselor.FollowAsync(await counselor.PostFormAsync($"/counselor/cases/{world.CaseId}/settings",
            new() { ["ClientId"] = clientId.ToString() }, "?handler=SetupCode"));
        Assert.Matches("New setup code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", onPage);
        // A newer code replaces the one shown on the page.
        var issued = await world.Counselor.PostAsync($"/api/clients/{clientId}/setup-code", null);
        await issued.EnsureStatusAsync(HttpStatusCode.Created);
        var code = (await issued.ReadJsonAsync())["setupCode"]!.GetValue<string>();

        using var browser = new Browser(app);
        var used = await browser.PostFormAsync("/account/setup", new() { ["Input.UserName"] = userName, ["Input.SetupCode"] = code, ["Input.Password"] = NewPassword });

        await used.EnsureStatusAsync(HttpStatusCode.Redirect);
        await browser.PageAsync("/portal");
        Assert.NotEqual(HttpStatusCode.OK, (await oldSession.GetAsync("/portal")).StatusCode);
        var reused = await app.CreateClient().PostAsJsonAsync("/api/invitations/setup", new { userName, setupCode = code, password = "yet-another-password-7" });
        await reused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        using var withNew = await Browser.SignedInAsync(app, userName, NewPassword);
    }

    [GeneratedRegex(@"reset-password\?token=(\S+)")]
    private static partial Regex ResetLink();
}
