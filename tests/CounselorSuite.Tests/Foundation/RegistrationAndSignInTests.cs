using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CounselorSuite.Tests.Foundation;

public sealed class RegistrationAndSignInTests
{
    [Fact]
    public async Task A_registered_practice_admin_signs_in_and_sees_themselves()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync("Lakeside Practice");
        using var admin = await app.SignInAsync(practice.Email);

        var me = await (await admin.GetAsync("/api/me")).ReadJsonAsync();

        Assert.Equal(practice.UserId, me["userId"]!.GetValue<Guid>());
        Assert.Equal(practice.PracticeId, me["practiceId"]!.GetValue<Guid>());
        Assert.Equal(practice.Email, me["email"]!.GetValue<string>());
        Assert.Equal(["PracticeAdmin"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Registering_with_an_email_in_use_answers_alike_and_the_mail_tells_the_owner()
    {
        var app = await TestApp.SharedAsync();
        var first = await app.RegisterPracticeAsync();
        var fresh = ApiClient.UniqueEmail("fresh");
        using var client = app.CreateClient();

        var taken = await client.PostAsJsonAsync("/api/auth/register-practice",
            new { practiceName = "Copycat", adminEmail = first.Email.ToUpperInvariant(), adminDisplayName = "X" });
        var free = await client.PostAsJsonAsync("/api/auth/register-practice",
            new { practiceName = "Copycat", adminEmail = fresh, adminDisplayName = "X" });

        // Whether an address has an account anywhere is never told to the one who typed it.
        Assert.Equal((HttpStatusCode.Accepted, await free.Content.ReadAsStringAsync()), (taken.StatusCode, await taken.Content.ReadAsStringAsync()));
        var note = Mails(app, first.Email).Last();
        Assert.Equal("About your registration", note.Subject);
        Assert.Contains("already has an account", note.TextBody);
        Assert.DoesNotContain("confirm-registration", note.TextBody);
        Assert.Equal("Confirm your email address", Assert.Single(Mails(app, fresh)).Subject);
    }

    [Fact]
    public async Task A_confirmation_link_creates_one_practice_once_and_a_forged_link_nothing()
    {
        var app = await TestApp.SharedAsync();
        var email = ApiClient.UniqueEmail("once");
        using var client = app.CreateClient();
        await (await client.PostAsJsonAsync("/api/auth/register-practice",
            new { practiceName = "Once Practice", adminEmail = email, adminDisplayName = "Ann Admin", timeZone = "America/Chicago" }))
            .EnsureStatusAsync(HttpStatusCode.Accepted);
        var token = app.RegistrationToken(email);

        // Nothing exists before the link is used: the address cannot sign in yet.
        await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var weak = await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token, adminPassword = "short" });
        await weak.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await weak.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("adminPassword"));

        var created = await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token, adminPassword = ApiClient.Password });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        using var admin = await app.SignInAsync(email);
        var me = await (await admin.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("Ann Admin", me["displayName"]!.GetValue<string>());

        var again = await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token, adminPassword = "another-password-9" });
        await again.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var forged = await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token = tampered, adminPassword = ApiClient.Password });
        await forged.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await forged.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("token"));
    }

    [Fact]
    public async Task A_confirmation_link_works_for_24_hours_by_the_apps_clock()
    {
        // A date far from today's: the link's age is the app's clock's, not the machine's.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        using var client = app.CreateClient();
        var (late, onTime) = (ApiClient.UniqueEmail("late"), ApiClient.UniqueEmail("ontime"));
        foreach (var email in new[] { late, onTime })
        {
            await (await client.PostAsJsonAsync("/api/auth/register-practice",
                new { practiceName = "Clockwork", adminEmail = email, adminDisplayName = "C" })).EnsureStatusAsync(HttpStatusCode.Accepted);
        }

        clock.Advance(TimeSpan.FromHours(23));
        await (await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token = app.RegistrationToken(onTime), adminPassword = ApiClient.Password }))
            .EnsureStatusAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var expired = await client.PostAsJsonAsync("/api/auth/confirm-registration", new { token = app.RegistrationToken(late), adminPassword = ApiClient.Password });

        await expired.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    private static List<MimeMessage> Mails(TestApp app, string address) =>
        Directory.GetFiles(app.MailFolder, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    [Fact]
    public async Task Registration_with_missing_fields_lists_every_problem()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var missing = await client.PostAsJsonAsync("/api/auth/register-practice", new { adminEmail = "not-an-email" });
        await missing.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await missing.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("practiceName"));
        Assert.True(errors.ContainsKey("adminEmail"));
        Assert.True(errors.ContainsKey("adminDisplayName"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_fifth_failure_locks_the_account_without_saying_so()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = "wrong-password-1" });
            await wrong.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password });

        // Locked: even the right password is refused, with the answer a wrong one gets (no account enumeration).
        await right.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The email or password is not right.", (await right.ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.UniqueEmail("nobody"), password = "whatever-123" });

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The email or password is not right.", (await response.ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_working_access_token_and_garbage_does_not()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var client = app.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password })).ReadJsonAsync();
        Assert.Equal("Bearer", login["tokenType"]!.GetValue<string>());
        Assert.True(login["expiresIn"]!.GetValue<long>() > 0);

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        await refreshed.EnsureStatusAsync(HttpStatusCode.OK);
        var token = (await refreshed.ReadJsonAsync())["accessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", token);
        await (await client.SendAsync(request)).EnsureStatusAsync(HttpStatusCode.OK);

        var garbage = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });
        await garbage.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_refuses_requests_without_a_token_and_ignores_the_page_cookie()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/me");

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_fixed_routes()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/auth/register-practice", document);
        Assert.Contains("/api/cases/{id}", document);
        Assert.Contains("/api/invitations/accept", document);
    }
}
