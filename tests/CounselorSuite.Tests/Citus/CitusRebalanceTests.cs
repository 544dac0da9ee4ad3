using System.Net;
using CounselorSuite.Migrations;
using CounselorSuite.Migrations.Citus;
using CounselorSuite.Tests.Infrastructure;
using Npgsql;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Citus;

/// <summary>
/// Growing the cluster: a third worker joins and citus_rebalance_start() moves shards to it while the app
/// serves requests. Nothing is lost or doubled (row counts and a checksum of every table, before and
/// after), and every request during the move is answered. Runs in a database of its own, so the move does
/// not pass under other tests.
/// </summary>
[Collection(CitusRebalanceCollection.Name)]
public sealed class CitusRebalanceTests
{
    /// <summary>
    /// How long the move may take: a dozen shard groups and the reference tables of a small database move in
    /// well under a minute here. A task that cannot succeed (a node that cannot sign in to another, say) is
    /// retried by Citus for half an hour; the test stops at this limit, cancels the job and says why.
    /// </summary>
    private static readonly TimeSpan MoveLimit = TimeSpan.FromMinutes(5);

    [CitusFact(Timeout = 15 * 60 * 1000)]
    public async Task Adding_a_worker_and_rebalancing_under_load_loses_and_duplicates_nothing_and_the_app_keeps_answering()
    {
        var spare = Environment.GetEnvironmentVariable("COUNSELORSUITE_TEST_CITUS_SPARE");
        Assert.False(string.IsNullOrEmpty(spare), "scripts/test --citus starts a spare worker and names it in COUNSELORSUITE_TEST_CITUS_SPARE");
        var database = await TestDatabase.CreateAsync($"cs_rebalance_{Guid.NewGuid():N}"[..30]);
        await using var app = new TestApp(database);
        var worlds = new List<PracticeWorld>();
        for (var i = 0; i < 4; i++)
        {
            var world = await app.CreateWorldAsync("Couple");
            var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
            await RateDecisionsAsync(world.Clients[0].Client, assignment, 4);
            worlds.Add(world);
        }
        var before = await SnapshotAsync(database);

        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(i => LoadAsync(worlds[i], stop.Token)).ToList();
        try
        {
            using var limit = new CancellationTokenSource(MoveLimit);
            await CitusCluster.PrepareAsync(database.OwnerConnectionString, [.. TestDatabase.CitusWorkers!, spare!], TextWriter.Null, limit.Token);
            await RebalanceAsync(database, limit.Token);
            await Task.Delay(500);
        }
        finally
        {
            await stop.CancelAsync();
        }
        var results = (await Task.WhenAll(load)).SelectMany(r => r).ToList();
        var after = await SnapshotAsync(database);

        Assert.Equal(before, after);
        Assert.True(results.Count > 20, $"only {results.Count} requests were made during the move");
        Assert.DoesNotContain(results, status => (int)status is < 200 or > 299);
        Assert.True(await PlacementsOnAsync(database, spare!) > 0, "no shard moved to the new worker");
    }

    /// <summary>
    /// citus_rebalance_start(), then its background job followed until it finishes. A job that fails, or is
    /// still running at the limit, fails the test with its tasks' states and last errors (and is cancelled).
    /// </summary>
    private static async Task RebalanceAsync(TestDatabase database, CancellationToken limit)
    {
        await using var coordinator = await database.OpenAsOwnerAsync();
        long job;
        await using (var start = new NpgsqlCommand("SELECT citus_rebalance_start()", coordinator))
        {
            job = await start.ExecuteScalarAsync(limit) as long?
                ?? throw new Xunit.Sdk.XunitException("citus_rebalance_start() planned no move onto the new worker");
        }
        string state;
        while (true)
        {
            await using (var poll = new NpgsqlCommand("SELECT state::text FROM pg_dist_background_job WHERE job_id = @job", coordinator))
            {
                poll.Parameters.AddWithValue("job", job);
                state = (string)(await poll.ExecuteScalarAsync(CancellationToken.None))!;
            }
            if (state is "finished" or "failed" or "cancelled" || limit.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), limit);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (state == "finished")
        {
            return;
        }
        var tasks = await TaskReportAsync(coordinator, job);
        if (state is not ("failed" or "cancelled"))
        {
            await using var cancel = new NpgsqlCommand("SELECT citus_job_cancel(@job)", coordinator);
            cancel.Parameters.AddWithValue("job", job);
            await cancel.ExecuteNonQueryAsync(CancellationToken.None);
        }
        throw new Xunit.Sdk.XunitException(
            $"The rebalance (background job {job}) is {state} {(limit.IsCancellationRequested ? $"after the limit of {MoveLimit.TotalMinutes} minutes" : "")}; " +
            $"its unfinished tasks:{Environment.NewLine}{tasks}");
    }

    /// <summary>The job's tasks that did not finish: status, retries, last error and command.</summary>
    private static async Task<string> TaskReportAsync(NpgsqlConnection coordinator, long job)
    {
        await using var command = new NpgsqlCommand("""
            SELECT task_id, status::text, coalesce(retry_count, 0), coalesce(message, ''), command
            FROM pg_dist_background_task WHERE job_id = @job AND status <> 'done' ORDER BY task_id
            """, coordinator);
        command.Parameters.AddWithValue("job", job);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        var lines = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            lines.Add($"  task {reader.GetInt64(0)} {reader.GetString(1)} (retries {reader.GetInt32(2)}): {reader.GetString(3).Trim()} -- {reader.GetString(4)}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A counselor and a client reading their pages and the API in a loop; returns every status.</summary>
    private static async Task<List<HttpStatusCode>> LoadAsync(PracticeWorld world, CancellationToken stop)
    {
        var statuses = new List<HttpStatusCode>();
        var urls = new[] { "/api/cases", $"/api/cases/{world.CaseId}", $"/api/clients/{world.Clients[0].Id}/progress" };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var response = await world.Counselor.GetAsync(urls[i % urls.Length], CancellationToken.None);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    /// <summary>Row count and a checksum of the rows of every Citus table, read as the owner on the coordinator.</summary>
    private static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsOwnerAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT logicalrelid::regclass::text FROM pg_dist_partition ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var snapshot = new List<string>();
        foreach (var table in tables)
        {
            await using var sum = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t", connection);
            await using var reader = await sum.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot.Add($"{table}: {reader.GetInt64(0)} rows, {reader.GetString(1)}");
        }
        return snapshot;
    }

    private static async Task<long> PlacementsOnAsync(TestDatabase database, string worker)
    {
        await using var connection = await database.OpenAsOwnerAsync();
        var colon = worker.LastIndexOf(':');
        await using var command = new NpgsqlCommand("SELECT count(*) FROM citus_shards WHERE nodename = @host AND nodeport = @port", connection);
        command.Parameters.AddWithValue("host", worker[..colon]);
        command.Parameters.AddWithValue("port", int.Parse(worker[(colon + 1)..]));
        return (long)(await command.ExecuteScalarAsync())!;
    }

}

/// <summary>The rebalance moves shards of its own database only, but it loads the machine: run it alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CitusRebalanceCollection
{
    public const string Name = "Citus rebalance";
}
