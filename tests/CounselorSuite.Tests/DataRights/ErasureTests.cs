using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CounselorSuite.Tests.DataRights;

public sealed class ErasureTests
{
    private static async Task<string> DumpAsync(TestApp app, string sql, Guid id)
    {
        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand(sql, owner);
        command.Parameters.AddWithValue("id", id);
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

    [Fact]
    public async Task Erasing_before_the_retention_period_needs_an_override_with_a_reason()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var clientId = world.Clients[0].Id;

        var tooEarly = await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { });
        await tooEarly.EnsureStatusAsync(HttpStatusCode.Conflict);
        var retentionEnds = (await tooEarly.ReadJsonAsync())["retentionEndsAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(retentionEnds, DateTimeOffset.UtcNow.AddYears(7).AddDays(-1), DateTimeOffset.UtcNow.AddYears(7).AddDays(1));
        var noReason = await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { @override = true });
        await noReason.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await noReason.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("reason"));
        await (await world.Clients[0].Client.GetAsync("/api/me")).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False((await (await world.Admin.GetAsync($"/api/clients/{clientId}/erasure")).ReadJsonAsync())["erased"]!.GetValue<bool>());

        var erased = await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { @override = true, reason = "Client's written request under GDPR art. 17" });

        await erased.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True((await erased.ReadJsonAsync())["earlyOverride"]!.GetValue<bool>());
        var record = Assert.Single(await world.Admin.AuditAsync("action=ClientErased"))!;
        Assert.Equal(clientId, record["entityId"]!.GetValue<Guid>());
        Assert.Contains("override", record["detail"]!.GetValue<string>());
        await (await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { @override = true, reason = "again" }))
            .EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_erased_client_is_anonymised_cannot_sign_in_and_their_email_is_free_again()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (clientId, email, client) = world.Clients[0];
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-2));
        await (await world.Counselor.PatchAsJsonAsync($"/api/sessions/{session}", new { status = "Attended" })).EnsureStatusAsync(HttpStatusCode.OK);
        var note = await world.Counselor.WriteNoteAsync(session, new { data = "About the client" });
        await world.Counselor.SignAsync(note);
        var exportId = (await (await client.PostAsync($"/api/clients/{clientId}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();
        await ExportTests.RunExportJobAsync(app, world.Practice.PracticeId, exportId);

        await (await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { @override = true, reason = "Requested" }))
            .EnsureStatusAsync(HttpStatusCode.OK);

        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var user = await DumpAsync(app, "SELECT u::text FROM users u WHERE u.id = @id", clientId);
        Assert.Contains("Erased client", user);
        Assert.DoesNotContain(email.Split('@')[0], user);
        Assert.Equal("", await DumpAsync(app, "SELECT string_agg(l::text, '|') FROM login_names l WHERE l.user_id = @id", clientId));
        Assert.DoesNotContain(email, await DumpAsync(app, "SELECT string_agg(i::text, '|') FROM invitations i WHERE i.accepted_user_id = @id", clientId));
        Assert.Equal("", await DumpAsync(app, "SELECT string_agg(p::text, '|') FROM client_profiles p WHERE p.user_id = @id", clientId));

        // The aggregate stays without identity: the session still counts as attended.
        var kept = await (await world.Counselor.GetAsync($"/api/sessions/{session}")).ReadJsonAsync();
        Assert.Equal("Attended", kept["status"]!.GetValue<string>());
        // Everything that described the person goes: the export, the only client's case notes and its title.
        await (await world.Counselor.GetAsync($"/api/exports/{exportId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Counselor.GetAsync($"/api/notes/{note}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("Erased case", (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync())["title"]!.GetValue<string>());
        await (await world.Counselor.PostAsync($"/api/clients/{clientId}/export", null)).EnsureStatusAsync(HttpStatusCode.Conflict);
        // The trail keeps the fact, by id only.
        var trail = await (await world.Admin.GetAsync($"/api/audit?clientId={clientId}&pageSize=100")).Content.ReadAsStringAsync();
        Assert.Contains("ClientErased", trail);
        Assert.DoesNotContain(email, trail);

        var reinvite = await world.Counselor.PostAsJsonAsync("/api/invitations", new { email, role = "Client", displayName = "Back again", caseId = world.CaseId });
        await reinvite.EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task In_a_couple_the_remaining_partners_notes_stay_but_releases_to_the_erased_partner_go()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (erasedId, _, _) = world.Clients[0];
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-2));
        var note = await world.Counselor.WriteNoteAsync(session, new { data = "Joint session" });
        await world.Counselor.SignAsync(note);
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{note}/release", new { clientIds = world.Clients.Select(c => c.Id) })).EnsureStatusAsync(HttpStatusCode.OK);

        await (await world.Admin.PostAsJsonAsync($"/api/clients/{erasedId}/erasure", new { @override = true, reason = "Requested" })).EnsureStatusAsync(HttpStatusCode.OK);

        var kept = await (await world.Counselor.GetAsync($"/api/notes/{note}")).ReadJsonAsync();
        Assert.Equal("Joint session", kept["body"]!["data"]!.GetValue<string>());
        Assert.Equal([world.Clients[1].Id], kept["releasedTo"]!.AsArray().Select(x => x!.GetValue<Guid>()));
        Assert.Equal("A case", (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_practices_admin_erases_a_client()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var clientId = world.Clients[0].Id;
        var body = new { @override = true, reason = "Requested" };

        await (await world.Counselor.PostAsJsonAsync($"/api/clients/{clientId}/erasure", body)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Clients[0].Client.PostAsJsonAsync($"/api/clients/{clientId}/erasure", body)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await other.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", body)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync($"/api/clients/{clientId}/erasure")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Admin.PostAsJsonAsync($"/api/clients/{world.CounselorId}/erasure", body)).EnsureStatusAsync(HttpStatusCode.NotFound);

        await (await world.Clients[0].Client.GetAsync("/api/me")).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await world.Admin.AuditAsync("action=ClientErased"));
    }

    [Fact]
    public async Task After_the_retention_period_the_admin_erases_without_an_override()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        var clientId = world.Clients[0].Id;
        await (await world.Admin.PutAsJsonAsync("/api/practice/records-policy", new { retentionYears = 2 })).EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { })).EnsureStatusAsync(HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromDays(2 * 366));
        using var admin = await app.SignInAsync(world.Practice.Email);
        var erased = await admin.PostAsJsonAsync($"/api/clients/{clientId}/erasure", new { });

        await erased.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False((await erased.ReadJsonAsync())["earlyOverride"]!.GetValue<bool>());
        var state = await (await admin.GetAsync($"/api/clients/{clientId}/erasure")).ReadJsonAsync();
        Assert.True(state["erased"]!.GetValue<bool>());
    }
}
