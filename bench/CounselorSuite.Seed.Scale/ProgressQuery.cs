using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CounselorSuite.Web.Features.Progress;
using Npgsql;

namespace CounselorSuite.Seed.Scale;

/// <summary>
/// Times the progress read of one client, as the app's role (so row-level security applies exactly as in
/// the app), and keeps its EXPLAIN (ANALYZE, BUFFERS). The growth test runs it at each database size.
/// </summary>
/// <remarks>
/// The statement is the app's own (<see cref="VisibleAnswers.WeeklyMeansSql"/>) with the app's parameters for
/// the client's counselor asking for the whole history, every dimension: what GET
/// /api/clients/{id}/progress reads for the series. --sql-file times another statement instead (parameters
/// @practice and @client).
/// </remarks>
public static class ProgressQuery
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(Dictionary<string, string> args, TextWriter log)
    {
        var practice = Guid.Parse(args.Required("practice"));
        var client = Guid.Parse(args.Required("client"));
        var runs = (int)args.Long("runs", 200);
        var file = args.GetValueOrDefault("sql-file");
        var sql = file is null ? VisibleAnswers.WeeklyMeansSql : await File.ReadAllTextAsync(file);

        await using var connection = new NpgsqlConnection(args.Required("connection"));
        await connection.OpenAsync();
        // The practice is bound as the app binds it, per transaction (SET LOCAL): on a Citus coordinator only
        // that reaches the workers, with citus.propagate_set_commands = local. One transaction for every run.
        await using (var citus = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')", connection))
        {
            var propagate = await citus.ExecuteScalarAsync() is true ? "SET LOCAL citus.propagate_set_commands = 'local'; " : "";
            await using var begin = new NpgsqlCommand($"BEGIN; {propagate}SET LOCAL app.practice_id = '{practice:D}'", connection);
            await begin.ExecuteNonQueryAsync();
        }
        var cases = new List<Guid>();
        await using (var ofClient = new NpgsqlCommand("SELECT case_id FROM case_clients WHERE practice_id = @p AND client_id = @c", connection))
        {
            ofClient.Parameters.AddWithValue("p", practice);
            ofClient.Parameters.AddWithValue("c", client);
            await using var reader = await ofClient.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cases.Add(reader.GetGuid(0));
            }
        }
        NpgsqlParameter[] Parameters() => file is null
            ? new VisibleAnswers(practice, [client], [client], cases, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).WeeklyMeansParameters()
            : [new("practice", practice), new("client", client)];

        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(Parameters());
        await command.PrepareAsync();
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs + 10; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            if (i >= 10) // the first ten warm the plan cache and the buffers
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();

        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        explain.Parameters.AddRange(Parameters());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        await using var size = new NpgsqlCommand("SELECT reltuples::bigint FROM pg_class WHERE relname = 'scale_answers'", connection);
        var tableRows = (long)(await size.ExecuteScalarAsync() ?? 0L); // on a Citus coordinator: its empty shell table
        await using (var commit = new NpgsqlCommand("COMMIT", connection))
        {
            await commit.ExecuteNonQueryAsync();
        }

        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var result = new
        {
            sql, rows, runs, tableRows,
            p50Ms = Math.Round(P(0.50), 3), p95Ms = Math.Round(P(0.95), 3), p99Ms = Math.Round(P(0.99), 3),
            meanMs = Math.Round(times.Average(), 3), plan,
        };
        var json = JsonSerializer.Serialize(result, Indented);
        if (args.TryGetValue("out", out var outFile))
        {
            await File.WriteAllTextAsync(outFile, json);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"progress query: {rows:N0} rows of ~{tableRows:N0}; p50 {result.p50Ms} ms, p95 {result.p95Ms} ms over {runs} runs"));
        foreach (var line in plan)
        {
            log.WriteLine("  " + line);
        }
        return 0;
    }
}
