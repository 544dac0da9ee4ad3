using System.Globalization;
using Npgsql;

namespace CounselorSuite.Seed.Scale;

/// <summary>
/// What differs on a Citus coordinator (a database with the citus extension, migrated with the migrator's
/// --citus), and the row-level security check that runs on both.
/// </summary>
/// <remarks>
/// Citus sends each COPY row to its shard on a worker, over connections of its own: a session setting of
/// the coordinator (session_replication_role, app.practice_id) does not reach them. A SET LOCAL does, with
/// <c>citus.propagate_set_commands = local</c>; so on Citus every batch's transaction turns the workers'
/// triggers off the same way (the per-row foreign-key checks and roll-up triggers there; the foreign keys
/// are checked afterwards and the roll-ups filled, as on one node), and the isolation check binds its
/// practice per transaction, as the app does.
/// </remarks>
public sealed partial class Seeder
{
    private const string CitusBatchSettings =
        "SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL session_replication_role = replica";

    private bool _citus;

    private async Task<bool> IsCitusAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')", connection);
        var citus = await command.ExecuteScalarAsync(ct) is true;
        if (citus)
        {
            log.WriteLine("Citus coordinator: rows go to the workers' shards; triggers there are off while loading, as here.");
        }
        return citus;
    }

    /// <summary>As the app's role, no practice means no rows, and the benchmark practice sees its own.</summary>
    private async Task CheckIsolationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = 'counselorsuite_app'", connection);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            return;
        }
        // The practice is bound per transaction (SET LOCAL), as the app binds it: on Citus only that reaches
        // the workers, where each shard's policy is checked.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var propagate = _citus ? "SET LOCAL citus.propagate_set_commands = 'local';" : "";
        await using var check = new NpgsqlCommand($"""
            {propagate}
            SET LOCAL ROLE counselorsuite_app;
            SET LOCAL app.practice_id = '';
            SELECT count(*) FROM users;
            SET LOCAL app.practice_id = '{_bench!.PracticeId:D}';
            SELECT count(*) FROM users;
            RESET ROLE;
            SELECT count(DISTINCT practice_id) FROM users;
            """, connection, transaction);
        var counts = new List<long>();
        await using (var reader = await check.ExecuteReaderAsync(ct))
        {
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    if (reader.GetFieldType(0) == typeof(long))
                    {
                        counts.Add(reader.GetInt64(0));
                    }
                }
            }
            while (await reader.NextResultAsync(ct));
        }
        await transaction.CommitAsync(ct);
        if (counts.Count != 3 || counts[0] != 0 || counts[1] == 0)
        {
            throw new SeedException($"row-level security check failed: as the app role, no practice saw {counts.ElementAtOrDefault(0)} users (want 0), the benchmark practice {counts.ElementAtOrDefault(1)} (want > 0).");
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Isolation check: as counselorsuite_app, no practice sees 0 users; the benchmark practice sees {counts[1]:N0} of the users of {counts[2]} practices."));
    }
}
