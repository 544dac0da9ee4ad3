using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Citus;

/// <summary>
/// On Citus the second wall stands on the workers, where the shards are: the app's role, connected straight
/// to a worker, reads nothing of a tenant table without a practice and only its own practice with one.
/// </summary>
public sealed class CitusIsolationTests
{
    [CitusFact]
    public async Task On_a_worker_the_app_role_sees_no_tenant_rows_without_a_practice_and_only_its_own_with_one()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        await app.CreateWorldAsync();
        var shards = await ShardsAsync(app.Database, "cases");
        Assert.True(shards.Select(s => s.Worker).Distinct().Count() >= 2, "the cases table should be spread over the workers");

        long withoutPractice = 0, ourRows = 0, othersRows = 0;
        foreach (var (worker, shard) in shards)
        {
            await using var connection = await OpenOnWorkerAsAppRoleAsync(app.Database, worker);
            withoutPractice += await CountAsync(connection, $"SELECT count(*) FROM \"{shard}\"");
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var bind = new NpgsqlCommand($"SET LOCAL app.practice_id = '{ours.Practice.PracticeId:D}'", connection, transaction))
            {
                await bind.ExecuteNonQueryAsync();
            }
            ourRows += await CountAsync(connection, $"SELECT count(*) FROM \"{shard}\" WHERE practice_id = '{ours.Practice.PracticeId:D}'", transaction);
            othersRows += await CountAsync(connection, $"SELECT count(*) FROM \"{shard}\" WHERE practice_id <> '{ours.Practice.PracticeId:D}'", transaction);
        }

        Assert.Equal(0, withoutPractice);
        Assert.Equal(1, ourRows);
        Assert.Equal(0, othersRows);
    }

    [CitusFact]
    public async Task Every_shard_of_every_tenant_table_has_forced_row_level_security_its_policy_and_the_app_roles_grants()
    {
        var app = await TestApp.SharedAsync();
        await using var coordinator = await app.Database.OpenAsOwnerAsync();
        var tenantTables = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid WHERE p.partmethod = 'h'
            """, coordinator))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tenantTables.Add(reader.GetString(0));
            }
        }
        Assert.True(tenantTables.Count >= 30, $"only {tenantTables.Count} distributed tables");

        // One connection per worker, one query for all of its shards.
        var shardsByWorker = new Dictionary<string, List<string>>();
        foreach (var table in tenantTables)
        {
            foreach (var (worker, shard) in await ShardsAsync(app.Database, table))
            {
                (shardsByWorker.TryGetValue(worker, out var list) ? list : shardsByWorker[worker] = []).Add(shard);
            }
        }
        var problems = new List<string>();
        foreach (var (worker, shards) in shardsByWorker)
        {
            await using var connection = await OpenOnWorkerAsOwnerAsync(app.Database, worker);
            // Citus hides shards from pg_class for ordinary clients.
            await using (var visible = new NpgsqlCommand("SET citus.override_table_visibility TO off", connection))
            {
                await visible.ExecuteNonQueryAsync();
            }
            await using var check = new NpgsqlCommand("""
                SELECT s.shard, c.oid IS NOT NULL, coalesce(c.relrowsecurity AND c.relforcerowsecurity, false),
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'practice_isolation'),
                       c.oid IS NOT NULL AND has_table_privilege('counselorsuite_app', c.oid, 'SELECT'),
                       c.oid IS NOT NULL AND pg_get_userbyid(c.relowner) <> 'counselorsuite_app'
                FROM unnest(@shards) AS s(shard)
                LEFT JOIN pg_class c ON c.relname = s.shard AND c.relnamespace = 'public'::regnamespace
                """, connection);
            check.Parameters.AddWithValue("shards", shards.ToArray());
            await using var reader = await check.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var shard = reader.GetString(0);
                if (!reader.GetBoolean(1))
                {
                    problems.Add($"{shard} missing on {worker}");
                }
                else if (!(reader.GetBoolean(2) && reader.GetBoolean(3) && reader.GetBoolean(4) && reader.GetBoolean(5)))
                {
                    problems.Add($"{shard} on {worker}: rls={reader.GetBoolean(2)} policy={reader.GetBoolean(3)} grant={reader.GetBoolean(4)} notOwned={reader.GetBoolean(5)}");
                }
            }
        }
        Assert.True(shardsByWorker.Values.Sum(l => l.Count) >= tenantTables.Count * 2, "fewer shards than two per tenant table");
        Assert.Empty(problems);
    }

    /// <summary>Each placement of the table: the worker ("host:port") and the shard's table name there.</summary>
    internal static async Task<List<(string Worker, string Shard)>> ShardsAsync(TestDatabase database, string table)
    {
        await using var coordinator = await database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("""
            SELECT nodename || ':' || nodeport, shard_name FROM citus_shards WHERE table_name = @table::regclass ORDER BY shard_name
            """, coordinator);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync();
        var shards = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            shards.Add((reader.GetString(0), reader.GetString(1)));
        }
        return shards;
    }

    private static Task<NpgsqlConnection> OpenOnWorkerAsAppRoleAsync(TestDatabase database, string worker) =>
        OpenOnWorkerAsync(database.AppConnectionString, worker);

    internal static Task<NpgsqlConnection> OpenOnWorkerAsOwnerAsync(TestDatabase database, string worker) =>
        OpenOnWorkerAsync(database.OwnerConnectionString, worker);

    private static async Task<NpgsqlConnection> OpenOnWorkerAsync(string connectionString, string worker)
    {
        var colon = worker.LastIndexOf(':');
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = worker[..colon], Port = int.Parse(worker[(colon + 1)..]), Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
