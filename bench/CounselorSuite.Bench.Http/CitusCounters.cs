using System.Text.Json.Nodes;
using Npgsql;

/// <summary>
/// The Citus coordinator's own count of distributed query executions in the app's database
/// (<c>citus_stat_counters</c>, Citus 13.1+, with <c>citus.enable_stat_counters = on</c>): how many ran on a
/// single shard (router queries: one task on one worker) and how many on several. Read before and after an
/// endpoint's measured runs; the difference is that endpoint's. Queries on the coordinator's own tables
/// (Hangfire's, the migrations history) are not distributed and not counted.
/// </summary>
internal sealed class CitusCounters(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<(long SingleShard, long MultiShard)> ReadAsync()
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT query_execution_single_shard, query_execution_multi_shard FROM citus_stat_counters WHERE name = current_database()");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    public static JsonObject Json((long SingleShard, long MultiShard) before, (long SingleShard, long MultiShard) after, JsonObject runs)
    {
        var single = after.SingleShard - before.SingleShard;
        var multi = after.MultiShard - before.MultiShard;
        var requests = runs.Sum(r => r.Value?["requests"]?.GetValue<long>() ?? 0);
        return new JsonObject
        {
            ["singleShard"] = single,
            ["multiShard"] = multi,
            ["requests"] = requests,
            ["routerShare"] = single + multi > 0 ? Math.Round((double)single / (single + multi), 4) : null,
            ["queriesPerRequest"] = requests > 0 ? Math.Round((double)(single + multi) / requests, 2) : null,
        };
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
