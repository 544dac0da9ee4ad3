using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;

namespace CounselorSuite.Tests.Infrastructure;

public sealed record PracticeAccount(Guid PracticeId, Guid UserId, string Email, string Password);

/// <summary>Speaks to the API the way an integration would, with helpers for the common set-up steps.</summary>
public static class ApiClient
{
    public const string Password = "correct-horse-42";

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.test";

    public static async Task<PracticeAccount> RegisterPracticeAsync(this TestApp app, string name = "Test Practice", string? timeZone = null,
        string? locale = null)
    {
        var email = UniqueEmail("admin");
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register-practice",
            new { practiceName = name, adminEmail = email, adminDisplayName = "Admin Person", timeZone, locale });
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        var confirmed = await client.PostAsJsonAsync("/api/auth/confirm-registration",
            new { token = app.RegistrationToken(email), adminPassword = Password });
        await confirmed.EnsureStatusAsync(HttpStatusCode.Created);
        var body = await confirmed.Content.ReadFromJsonAsync<JsonObject>();
        return new PracticeAccount(body!["practiceId"]!.GetValue<Guid>(), body["userId"]!.GetValue<Guid>(), email, Password);
    }

    /// <summary>The token of the newest registration link mailed to this address.</summary>
    public static string RegistrationToken(this TestApp app, string email)
    {
        var mail = Directory.GetFiles(app.MailFolder, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Last(m => m.Subject == "Confirm your email address" && m.To.Mailboxes.Any(b => b.Address.Equals(email, StringComparison.OrdinalIgnoreCase)));
        var link = Regex.Match(mail.TextBody ?? "", @"/account/confirm-registration\?token=(\S+)");
        return Uri.UnescapeDataString(link.Groups[1].Value);
    }

    public static async Task<HttpClient> SignInAsync(this TestApp app, string email, string password = Password)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Invites a person by the API and accepts the invitation with the token from the answer.</summary>
    public static async Task<(Guid UserId, string Email)> InviteAndAcceptAsync(this TestApp app, HttpClient inviter, string role, Guid? caseId = null, string? displayName = null)
    {
        var email = UniqueEmail(role.ToLowerInvariant());
        var invite = await inviter.PostAsJsonAsync("/api/invitations", new { email, role, displayName = displayName ?? role + " Person", caseId });
        await invite.EnsureStatusAsync(HttpStatusCode.Created);
        var acceptUrl = (await invite.Content.ReadFromJsonAsync<JsonObject>())!["acceptUrl"]!.GetValue<string>();
        var token = Uri.UnescapeDataString(acceptUrl[(acceptUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        using var anonymous = app.CreateClient();
        var accept = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, password = Password });
        await accept.EnsureStatusAsync(HttpStatusCode.Created);
        var userId = (await accept.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<Guid>();
        return (userId, email);
    }

    public static async Task<Guid> CreateCaseAsync(this HttpClient counselor, string kind = "Individual", string title = "A case")
    {
        var response = await counselor.PostAsJsonAsync("/api/cases", new { title, kind });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>A practice with an admin, a counselor and a case with one client (or two for a couple).</summary>
    public static async Task<PracticeWorld> CreateWorldAsync(this TestApp app, string kind = "Individual", string? timeZone = null)
    {
        var practice = await app.RegisterPracticeAsync(timeZone: timeZone);
        var admin = await app.SignInAsync(practice.Email);
        var (counselorId, counselorEmail) = await app.InviteAndAcceptAsync(admin, "Counselor");
        var counselor = await app.SignInAsync(counselorEmail);
        var caseId = await counselor.CreateCaseAsync(kind);
        var clients = new List<(Guid Id, string Email, HttpClient Client)>();
        for (var i = 0; i < (kind == "Couple" ? 2 : 1); i++)
        {
            var (clientId, clientEmail) = await app.InviteAndAcceptAsync(counselor, "Client", caseId);
            clients.Add((clientId, clientEmail, await app.SignInAsync(clientEmail)));
        }
        return new PracticeWorld(practice, admin, counselorId, counselorEmail, counselor, caseId, clients);
    }

    public static async Task EnsureStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} but got {(int)response.StatusCode}: {body}");
        }
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed record PracticeWorld(
    PracticeAccount Practice, HttpClient Admin, Guid CounselorId, string CounselorEmail, HttpClient Counselor,
    Guid CaseId, IReadOnlyList<(Guid Id, string Email, HttpClient Client)> Clients);
