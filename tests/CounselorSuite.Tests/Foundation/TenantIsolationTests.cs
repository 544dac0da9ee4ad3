using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CounselorSuite.Tests.Foundation;

/// <summary>The two walls between practices: the EF query filter and PostgreSQL row-level security.</summary>
public sealed class TenantIsolationTests
{
    // The sign-in directory maps a login name to its practice before any practice is known; it is read
    // only by sign-in and holds no client data (docs/decisions/0001-tenancy.md).
    private static readonly string[] InstallationWideTables = ["login_names"];

    [Fact]
    public async Task Another_practices_case_answers_404_through_the_api_and_is_left_unchanged()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        var theirs = await app.CreateWorldAsync();

        await (await theirs.Admin.GetAsync($"/api/cases/{ours.CaseId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await theirs.Counselor.GetAsync($"/api/cases/{ours.CaseId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        var list = await (await theirs.Admin.GetAsync("/api/cases")).ReadJsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == ours.CaseId);

        // Inviting a client into another practice's case is refused as if the case did not exist.
        var invite = await theirs.Counselor.PostAsJsonAsync("/api/invitations",
            new { email = ApiClient.UniqueEmail("intruder"), role = "Client", displayName = "X", caseId = ours.CaseId });
        await invite.EnsureStatusAsync(HttpStatusCode.NotFound);
        var ourCase = await (await ours.Counselor.GetAsync($"/api/cases/{ours.CaseId}")).ReadJsonAsync();
        Assert.Single(ourCase["clientIds"]!.AsArray());
    }

    [Fact]
    public async Task Raw_sql_as_the_app_role_sees_only_the_practice_set_on_the_connection()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync("Couple");
        var theirs = await app.CreateWorldAsync();

        await using var connection = await app.Database.OpenAsAppRoleAsync(theirs.Practice.PracticeId);
        foreach (var table in new[] { "cases", "case_clients", "case_counselors", "users", "user_roles", "invitations", "client_profiles" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE practice_id = @p", connection);
            count.Parameters.AddWithValue("p", ours.Practice.PracticeId);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        await using var all = new NpgsqlCommand("SELECT count(DISTINCT practice_id) FROM users", connection);
        Assert.Equal(1L, (long)(await all.ExecuteScalarAsync())!);
        await using var practices = new NpgsqlCommand("SELECT count(*) FROM practices", connection);
        Assert.Equal(1L, (long)(await practices.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Without_a_practice_on_the_connection_the_app_role_sees_no_tenant_rows_at_all()
    {
        var app = await TestApp.SharedAsync();
        await app.CreateWorldAsync();

        await using var connection = await app.Database.OpenAsAppRoleAsync(practiceId: null);
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM users) + (SELECT count(*) FROM practices)", connection);

        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_app_role_cannot_write_a_row_into_another_practice()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        var theirs = await app.CreateWorldAsync();

        await using var connection = await app.Database.OpenAsAppRoleAsync(theirs.Practice.PracticeId);
        var error = await TestDatabase.RefusedAsync(connection,
            "INSERT INTO cases (practice_id, id, title, kind, confidentiality, created_at, is_closed) VALUES (@p, gen_random_uuid(), 'x', 'Individual', 'NotRecorded', now(), false)",
            insert => insert.Parameters.AddWithValue("p", ours.Practice.PracticeId));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);

        await using var update = new NpgsqlCommand("UPDATE cases SET title = 'hijacked' WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", ours.CaseId);
        Assert.Equal(0, await update.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Switching_the_query_filter_off_still_returns_nothing_of_another_practice()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        var theirs = await app.CreateWorldAsync();

        var (visible, users) = await app.InPracticeAsync(theirs.Practice.PracticeId, async (AppDbContext db) =>
            (await db.AcrossPractices<Case>().Select(c => c.PracticeId).Distinct().ToListAsync(),
                await db.AcrossPractices<AppUser>().CountAsync(u => u.PracticeId == ours.Practice.PracticeId)));

        Assert.Equal([theirs.Practice.PracticeId], visible);
        Assert.Equal(0, users);
    }

    [Fact]
    public async Task A_pooled_connection_never_carries_a_practice_over_to_the_next_use()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await app.InPracticeAsync(ours.Practice.PracticeId, (AppDbContext db) => db.Cases.CountAsync()));
            await app.InPracticeAsync(null, async (AppDbContext db) =>
            {
                Assert.Equal(0, await db.AcrossPractices<Case>().CountAsync());
                Assert.Equal(0L, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM cases").SingleAsync());
            });
        }
    }

    [Fact]
    public async Task Every_table_with_a_practice_id_has_forced_row_level_security_and_a_policy()
    {
        var database = await TestDatabase.GetAsync();
        await using var connection = await database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id' AND NOT a.attisdropped)
              AND c.relname <> ALL (@installationWide)
            """, connection);
        command.Parameters.AddWithValue("installationWide", InstallationWideTables);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                tables.Add(name);
                Assert.True(reader.GetBoolean(1) && reader.GetBoolean(2) && reader.GetBoolean(3), $"{name} lacks forced row-level security or a policy");
            }
        }
        Assert.Contains("cases", tables);
        Assert.Contains("users", tables);
    }

    [Fact]
    public async Task Every_tenant_table_keys_start_with_practice_id()
    {
        var database = await TestDatabase.GetAsync();
        await using var connection = await database.OpenAsOwnerAsync();
        // Primary and foreign keys of tables with practice_id, whose first column is something else.
        await using var command = new NpgsqlCommand("""
            SELECT con.conname
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            WHERE con.contype IN ('p', 'f')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id')
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (con.conkey) AND a.attname = 'practice_id')
              AND NOT (con.contype = 'f' AND con.confrelid IN ('roles'::regclass, 'practices'::regclass))
              AND c.relname <> ALL (@installationWide)
            """, connection);
        command.Parameters.AddWithValue("installationWide", InstallationWideTables);
        var offenders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            offenders.Add(reader.GetString(0));
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task The_app_role_owns_nothing_and_cannot_bypass_row_level_security()
    {
        var database = await TestDatabase.GetAsync();
        await using var connection = await database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = 'counselorsuite_app'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0L, reader.GetInt64(2));
    }
}
