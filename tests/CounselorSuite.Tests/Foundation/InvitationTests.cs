using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CounselorSuite.Tests.Foundation;

public sealed class InvitationTests
{
    private static string TokenOf(string acceptUrl) =>
        Uri.UnescapeDataString(acceptUrl[(acceptUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    [Fact]
    public async Task An_invited_client_accepts_joins_the_case_and_signs_in()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var (clientId, email) = await app.InviteAndAcceptAsync(world.Counselor, "Client", world.CaseId, "Morgan");
        using var client = await app.SignInAsync(email);
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();
        var found = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();

        Assert.Equal(clientId, me["userId"]!.GetValue<Guid>());
        Assert.Equal(["Client"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(found["clientIds"]!.AsArray(), id => id!.GetValue<Guid>() == clientId);
    }

    [Fact]
    public async Task The_invitation_email_names_only_the_practice_and_carries_the_link()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var email = ApiClient.UniqueEmail("mailcheck");

        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations", new { email, role = "Client", displayName = "Kim", caseId = world.CaseId });
        var acceptUrl = (await invite.ReadJsonAsync())["acceptUrl"]!.GetValue<string>();

        var message = Directory.GetFiles(app.MailFolder, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("You're invited to Test Practice's secure portal", message.Subject);
        Assert.Contains(acceptUrl, message.TextBody);
        // The sender is seen in the inbox too: it names neither counseling nor the product.
        var sender = message.From.Mailboxes.Single();
        foreach (var word in new[] { "therapy", "counsel", "exercise", "couple", "abuse" })
        {
            Assert.DoesNotContain(word, message.Subject + message.TextBody + sender.Name + sender.Address, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("once"), role = "Client", displayName = "Once", caseId = world.CaseId });
        var token = TokenOf((await invite.ReadJsonAsync())["acceptUrl"]!.GetValue<string>());
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, password = ApiClient.Password })).EnsureStatusAsync(HttpStatusCode.Created);
        var again = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, password = ApiClient.Password });

        await again.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await again.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("token"));
    }

    [Fact]
    public async Task Two_racing_accepts_of_one_invitation_make_one_account()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("race"), role = "Client", displayName = "Race", caseId = world.CaseId });
        var token = TokenOf((await invite.ReadJsonAsync())["acceptUrl"]!.GetValue<string>());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var anonymous = app.CreateClient();
            return (await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, password = ApiClient.Password })).StatusCode;
        }));

        Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.Created));
        var found = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();
        Assert.Equal(2, found["clientIds"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        var invite = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("late"), role = "Client", displayName = "Late", caseId = world.CaseId });
        var body = await invite.ReadJsonAsync();
        Assert.Equal(clock.GetUtcNow().AddDays(7), body["expiresAt"]!.GetValue<DateTimeOffset>());

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var anonymous = app.CreateClient();
        var accept = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token = TokenOf(body["acceptUrl"]!.GetValue<string>()), password = ApiClient.Password });

        await accept.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired", await accept.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_altered_to_point_at_another_practice_is_not_valid()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        var theirs = await app.CreateWorldAsync();
        var invite = await ours.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("moved"), role = "Client", displayName = "Moved", caseId = ours.CaseId });
        var token = TokenOf((await invite.ReadJsonAsync())["acceptUrl"]!.GetValue<string>());
        var moved = $"{theirs.Practice.PracticeId:N}.{token.Split('.')[1]}";
        using var anonymous = app.CreateClient();

        var accept = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token = moved, password = ApiClient.Password });

        await accept.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var theirCase = await (await theirs.Counselor.GetAsync($"/api/cases/{theirs.CaseId}")).ReadJsonAsync();
        Assert.Single(theirCase["clientIds"]!.AsArray());
    }

    [Fact]
    public async Task Only_an_admin_invites_counselors_and_clients_need_a_case_they_can_manage()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var counselorInvitesCounselor = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("c"), role = "Counselor", displayName = "C" });
        await counselorInvitesCounselor.EnsureStatusAsync(HttpStatusCode.Forbidden);

        var clientInvites = await world.Clients[0].Client.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("c"), role = "Client", displayName = "C", caseId = world.CaseId });
        await clientInvites.EnsureStatusAsync(HttpStatusCode.Forbidden);

        var noCase = await world.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("c"), role = "Client", displayName = "C" });
        await noCase.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var badRole = await world.Admin.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("c"), role = "PracticeAdmin", displayName = "C" });
        await badRole.EnsureStatusAsync(HttpStatusCode.BadRequest);

        // An email that has an account is invited like any other (EnumerationTests): no 409 to learn from.
        var taken = await world.Admin.PostAsJsonAsync("/api/invitations",
            new { email = world.CounselorEmail, role = "Counselor", displayName = "Again" });
        await taken.EnsureStatusAsync(HttpStatusCode.Created);
    }
}
