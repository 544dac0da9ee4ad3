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

    private static readonly Lazy<Task<TestDatabase>> Shared = new(() => CreateAsync($"cs_test_{Guid.NewGuid():N}"[..30]));

    public static Task<TestDatabase> GetAsync() => Shared.Value;

    /// <summary>
    /// The workers ("host:port") of the Citus cluster the tests run on (scripts/test --citus), or null on
    /// plain PostgreSQL. Each database is made a Citus database and distributed by the migrator.
    /// </summary>
    public static IReadOnlyList<string>? CitusWorkers { get; } =
        Environment.GetEnvironmentVariable("COUNSELORSUITE_TEST_CITUS_WORKERS") is { Length: > 0 } workers ? workers.Split(',') : null;

    public required string OwnerConnectionString { get; init; }
    public required string AppConnectionString { get; init; }

    /// <summary>A new, migrated database on the test cluster (most tests share the one from GetAsync).</summary>
    public static async Task<TestDatabase> CreateAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable("COUNSELORSUITE_TEST_PG")
            ?? throw new InvalidOperationException(
                "COUNSELORSUITE_TEST_PG is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL.");
        var owner = new NpgsqlConnectionStringBuilder(server) { Database = name };
        await DatabaseMigrator.MigrateAsync(owner.ConnectionString, AppRolePassword,
            citus: CitusWorkers is { } workers ? new CitusSetup(true, workers) : null);
        var app = new NpgsqlConnectionStringBuilder(server)
        {
            Database = name,
            Username = DatabaseMigrator.DefaultAppRole,
            Password = AppRolePassword,
            MaxPoolSize = 50,
        };
        return new TestDatabase { OwnerConnectionString = owner.ConnectionString, AppConnectionString = app.ConnectionString };
    }

    /// <summary>
    /// Runs SQL as the app's own database role, outside the app, for the second wall's tests. With a practice,
    /// the connection is left in a transaction bound to it, as the app binds its units of work (the setting
    /// reaches the workers on Citus); a statement expected to fail goes through <see cref="RefusedAsync"/>.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsAppRoleAsync(Guid? practiceId)
    {
        var builder = new NpgsqlConnectionStringBuilder(AppConnectionString) { Pooling = false };
        if (CitusWorkers is not null)
        {
            builder.Options = "-c citus.propagate_set_commands=local";
        }
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        if (practiceId is { } id)
        {
            await connection.BeginTransactionAsync();
            await using var set = new NpgsqlCommand($"SET LOCAL app.practice_id = '{id:D}'", connection);
            await set.ExecuteNonQueryAsync();
        }
        return connection;
    }

    /// <summary>Runs a statement that must fail, in a savepoint, so the connection's transaction goes on.</summary>
    public static async Task<PostgresException> RefusedAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand>? parameters = null)
    {
        await using (var savepoint = new NpgsqlCommand("SAVEPOINT refused", connection))
        {
            await savepoint.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        parameters?.Invoke(command);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        await using (var back = new NpgsqlCommand("ROLLBACK TO SAVEPOINT refused", connection))
        {
            await back.ExecuteNonQueryAsync();
        }
        return refused;
    }

    public async Task<NpgsqlConnection> OpenAsOwnerAsync()
    {
        var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
