using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using System.Security.Claims;
using CounselorSuite.Tests.Sessions;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CounselorSuite.Tests.Audit;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_recorded_with_the_ip_address()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (clientId, clientEmail, _) = world.Clients[0];
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = clientEmail, password = "wrong-password-9" }))
            .EnsureStatusAsync(HttpStatusCode.Unauthorized);

        var records = await world.Admin.AuditAsync($"userId={clientId}");

        var failed = Assert.Single(records, r => r!["action"]!.GetValue<string>() == "SignInFailed")!;
        Assert.Equal(clientId, failed["entityId"]!.GetValue<Guid>());
        Assert.Equal([clientId], failed["clientIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));
        var signedIn = Assert.Single(records, r => r!["action"]!.GetValue<string>() == "SignedIn")!;
        Assert.True(signedIn["at"]!.GetValue<DateTimeOffset>() < failed["at"]!.GetValue<DateTimeOffset>());
        Assert.Contains(await world.Admin.AuditAsync($"userId={world.Practice.UserId}&action=SignedIn"), _ => true);
    }

    [Fact]
    public async Task A_record_carries_the_requests_ip_address_and_the_signed_in_user()
    {
        // The in-process test server has no remote address, so the request is built by hand here.
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await app.InPracticeAsync(world.Practice.PracticeId, async (IServiceProvider services) =>
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, world.CounselorId.ToString())], "test"));
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

            await services.GetRequiredService<IAuditLog>()
                .WriteAsync(new AuditEntry(AuditActions.ProfileRead, "User", world.Clients[0].Id, [world.Clients[0].Id]), CancellationToken.None);
        });

        var record = Assert.Single(await world.Admin.AuditAsync("action=ProfileRead"))!;
        Assert.Equal("203.0.113.7", record["ipAddress"]!.GetValue<string>());
        Assert.Equal(world.CounselorId, record["userId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Invitations_and_adding_a_counselor_to_a_case_are_recorded()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await app.SecondCounselorOnCaseAsync(world);

        var created = await world.Admin.AuditAsync("action=InvitationCreated");
        var accepted = await world.Admin.AuditAsync("action=InvitationAccepted");
        var added = await world.Admin.AuditAsync("action=CounselorAddedToCase");

        Assert.Equal(3, created.Count);
        Assert.Equal(3, accepted.Count);
        Assert.Contains(accepted, r => r!["userId"]!.GetValue<Guid>() == world.Clients[0].Id);
        var grant = Assert.Single(added)!;
        Assert.Equal(world.Practice.UserId, grant["userId"]!.GetValue<Guid>());
        Assert.Equal(world.CaseId, grant["entityId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Every_session_and_note_action_is_recorded_under_the_client_without_the_text()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var clientId = world.Clients[0].Id;
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        await world.Counselor.GetAsync($"/api/sessions/{session}");
        await world.Counselor.PatchAsJsonAsync($"/api/sessions/{session}", new { status = "Attended" });
        var note = await world.Counselor.WriteNoteAsync(session, new { data = "Secret-ish words", assessment = "a", plan = "p" });
        await world.Counselor.PutAsJsonAsync($"/api/notes/{note}", new { body = new { data = "Secret-ish words, more" } });
        await world.Counselor.SignAsync(note);
        await world.Counselor.PostAsJsonAsync($"/api/notes/{note}/addenda", new { text = "Addendum words" });
        await world.Counselor.GetAsync($"/api/notes/{note}");
        await world.Counselor.PostAsJsonAsync($"/api/notes/{note}/release", new { clientIds = new[] { clientId } });

        var response = await world.Admin.GetAsync($"/api/audit?clientId={clientId}&pageSize=100");
        var raw = await response.Content.ReadAsStringAsync();
        var records = (await response.ReadJsonAsync())["items"]!.AsArray();

        foreach (var action in new[] { "SessionCreated", "SessionRead", "SessionStatusChanged", "NoteCreated", "NoteUpdated", "NoteSigned", "NoteAddendumAdded", "NoteRead", "NoteReleased" })
        {
            Assert.Contains(action, records.Actions());
        }
        Assert.All(records, r => Assert.Contains(clientId, r!["clientIds"]!.AsArray().Select(x => x!.GetValue<Guid>())));
        Assert.Contains(records, r => r!["action"]!.GetValue<string>() == "NoteSigned" && r["userId"]!.GetValue<Guid>() == world.CounselorId);
        Assert.DoesNotContain("Secret-ish", raw);
        Assert.DoesNotContain("Addendum words", raw);
        Assert.Contains("Scheduled→Attended", raw);
    }

    [Fact]
    public async Task The_admin_filters_by_action_and_dates_and_pages_through_the_trail()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        for (var i = 0; i < 3; i++)
        {
            await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(10 + i));
        }

        var page1 = await (await world.Admin.GetAsync("/api/audit?action=SessionCreated&pageSize=2&page=1")).ReadJsonAsync();
        var page2 = await (await world.Admin.GetAsync("/api/audit?action=SessionCreated&pageSize=2&page=2")).ReadJsonAsync();
        var future = await (await world.Admin.GetAsync($"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}")).ReadJsonAsync();
        var byCounselor = await world.Admin.AuditAsync($"userId={world.CounselorId}&action=SessionCreated");
        var badRange = await world.Admin.GetAsync($"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}");

        Assert.Equal(3, page1["total"]!.GetValue<int>());
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        Assert.Single(page2["items"]!.AsArray());
        Assert.Equal(0, future["total"]!.GetValue<int>());
        Assert.Equal(3, byCounselor.Count);
        await badRange.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_trail_exports_as_csv_for_admins_only_and_never_shows_another_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(3));

        var csv = await world.Admin.GetAsync("/api/audit/csv?action=SessionCreated");

        await csv.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,userId,action,entityType,entityId,clientIds,ipAddress,detail", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains($",{world.CounselorId},SessionCreated,Session,{session},", row);

        Assert.Equal(0, (await (await other.Admin.GetAsync($"/api/audit?entityId={session}")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Empty(await other.Admin.AuditAsync($"userId={world.CounselorId}"));
        await (await world.Counselor.GetAsync("/api/audit")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Counselor.GetAsync("/api/audit/csv")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Clients[0].Client.GetAsync("/api/audit")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("AuditExported", (await world.Admin.AuditAsync("action=AuditExported")).Actions());
    }

    [Fact]
    public async Task The_apps_database_role_can_add_and_read_audit_rows_but_never_change_or_delete_them()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await using var connection = await app.Database.OpenAsAppRoleAsync(world.Practice.PracticeId);

        await using (var count = new NpgsqlCommand("SELECT count(*) FROM audit_records", connection))
        {
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        }
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_records (practice_id, id, at, action, entity_type, client_ids) VALUES (@p, @id, now(), 'Test', 'Test', '{}')", connection))
        {
            insert.Parameters.AddWithValue("p", world.Practice.PracticeId);
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        foreach (var sql in new[] { "UPDATE audit_records SET action = 'Nothing'", "DELETE FROM audit_records", "TRUNCATE audit_records" })
        {
            var refused = await TestDatabase.RefusedAsync(connection, sql);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.NotEmpty(await world.Admin.AuditAsync("action=InvitationCreated"));
    }
}
