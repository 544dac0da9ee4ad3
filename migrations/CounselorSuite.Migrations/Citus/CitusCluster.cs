using System.Globalization;
using Npgsql;

namespace CounselorSuite.Migrations.Citus;

/// <summary>
/// Makes the target database a Citus database on every node: the database and the citus extension on each
/// worker and on the coordinator, the coordinator's own address, and the workers registered. Node metadata
/// is kept per database in Citus, so each new database (a test run's, say) needs this once. Safe to run again.
/// </summary>
public static class CitusCluster
{
    /// <param name="workers">"host:port" of each worker, reached with the owner's user and password.</param>
    public static async Task PrepareAsync(string ownerConnectionString, IReadOnlyList<string> workers, TextWriter log, CancellationToken ct)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        foreach (var worker in workers)
        {
            var (host, port) = Parse(worker);
            var node = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Host = host, Port = port, Pooling = false };
            await DatabaseMigrator.CreateDatabaseIfMissingAsync(node.ConnectionString, log, ct);
            await CreateExtensionAsync(node.ConnectionString, ct);
            await using var connection = new NpgsqlConnection(node.ConnectionString);
            await connection.OpenAsync(ct);
            await StoreOwnerPasswordAsync(connection, owner, ct);
        }
        await CreateExtensionAsync(ownerConnectionString, ct);

        await using var coordinator = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await coordinator.OpenAsync(ct);
        var known = await KnownNodesAsync(coordinator, ct);
        if (!known.Contains((0, null, 0)))
        {
            await using var set = new NpgsqlCommand("SELECT citus_set_coordinator_host(@host, @port)", coordinator);
            set.Parameters.AddWithValue("host", owner.Host ?? "127.0.0.1");
            set.Parameters.AddWithValue("port", owner.Port);
            await set.ExecuteNonQueryAsync(ct);
        }
        await StoreOwnerPasswordAsync(coordinator, owner, ct);
        var added = 0;
        foreach (var worker in workers)
        {
            var (host, port) = Parse(worker);
            if (known.Any(k => k.Group != 0 && k.Host == host && k.Port == port))
            {
                continue;
            }
            await using var add = new NpgsqlCommand("SELECT citus_add_node(@host, @port)", coordinator);
            add.Parameters.AddWithValue("host", host);
            add.Parameters.AddWithValue("port", port);
            await add.ExecuteNonQueryAsync(ct);
            added++;
        }
        await log.WriteLineAsync($"Citus: {workers.Count} worker(s) registered ({added} added now).");
    }

    /// <summary>
    /// The owner's password in this node's pg_dist_authinfo (node id 0: for its connections to any node).
    /// Citus keeps that table per node and does not copy it to the workers, yet workers open connections of
    /// their own as the owner: a shard move or a reference table copied to a new worker subscribes, from the
    /// target node, to the source node, which for a reference table is the coordinator. Without the row on
    /// the target, that subscription cannot sign in to a node that asks for a password, and the rebalance
    /// retries its task for half an hour.
    /// </summary>
    private static async Task StoreOwnerPasswordAsync(NpgsqlConnection node, NpgsqlConnectionStringBuilder owner, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(owner.Password) || owner.Username is not { } user)
        {
            return;
        }
        await using var auth = new NpgsqlCommand("""
            INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo) VALUES (0, @user, @info)
            ON CONFLICT (rolename, nodeid) DO UPDATE SET authinfo = excluded.authinfo
            """, node);
        auth.Parameters.AddWithValue("user", user);
        auth.Parameters.AddWithValue("info", $"password='{owner.Password.Replace("\\", "\\\\").Replace("'", "\\'")}'");
        await auth.ExecuteNonQueryAsync(ct);
    }

    private static (string Host, int Port) Parse(string worker)
    {
        var colon = worker.LastIndexOf(':');
        return colon > 0 && int.TryParse(worker[(colon + 1)..], CultureInfo.InvariantCulture, out var port)
            ? (worker[..colon], port)
            : throw new ArgumentException($"A worker is given as host:port, not \"{worker}\".", nameof(worker));
    }

    private static async Task CreateExtensionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await CitusDistribution.ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS citus", ct);
    }

    /// <summary>(group, host, port) of each node; the coordinator is reported as (0, null, 0).</summary>
    private static async Task<List<(int Group, string? Host, int Port)>> KnownNodesAsync(NpgsqlConnection coordinator, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT groupid, nodename, nodeport FROM pg_dist_node", coordinator);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var nodes = new List<(int, string?, int)>();
        while (await reader.ReadAsync(ct))
        {
            var group = reader.GetInt32(0);
            nodes.Add(group == 0 ? (0, null, 0) : (group, reader.GetString(1), reader.GetInt32(2)));
        }
        return nodes;
    }
}
