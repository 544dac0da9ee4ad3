using CounselorSuite.Migrations;
using Npgsql;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// One migrated database per test process on the throwaway cluster that scripts/test starts
/// (COUNSELORSUITE_TEST_PG). Tests isolate themselves by registering their own practices, which is
/// also how real practices are isolated; no test depends on another's rows.
/// </summary>
public sealed class TestDatabase
{
    public const string AppRolePassword = "test-app-role-password";

    private static readonly Lazy<Task<TestDatabase>> Shared = new(CreateAsync);

    public static Task<TestDatabase> GetAsync() => Shared.Value;

    public required string OwnerConnectionString { get; init; }
    public required string AppConnectionString { get; init; }

    private static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("COUNSELORSUITE_TEST_PG")
            ?? throw new InvalidOperationException(
                "COUNSELORSUITE_TEST_PG is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL.");
        var name = $"cs_test_{Guid.NewGuid():N}"[..30];
        var owner = new NpgsqlConnectionStringBuilder(server) { Database = name };
        await DatabaseMigrator.MigrateAsync(owner.ConnectionString, AppRolePassword);
        var app = new NpgsqlConnectionStringBuilder(server)
        {
            Database = name,
            Username = DatabaseMigrator.DefaultAppRole,
            Password = AppRolePassword,
            MaxPoolSize = 50,
        };
        return new TestDatabase { OwnerConnectionString = owner.ConnectionString, AppConnectionString = app.ConnectionString };
    }

    /// <summary>Runs SQL as the app's own database role, outside the app, for the second wall's tests.</summary>
    public async Task<NpgsqlConnection> OpenAsAppRoleAsync(Guid? practiceId)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (practiceId is { } id)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.practice_id', @p, false)", connection);
            set.Parameters.AddWithValue("p", id.ToString());
            await set.ExecuteNonQueryAsync();
        }
        return connection;
    }

    public async Task<NpgsqlConnection> OpenAsOwnerAsync()
    {
        var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
