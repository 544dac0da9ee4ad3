using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace CounselorSuite.Seed.Scale;

/// <summary>
/// Times the progress read of one client, as the app's role (so row-level security applies exactly as in
/// the app), and keeps its EXPLAIN (ANALYZE, BUFFERS). The growth test runs it at each database size.
/// </summary>
public static class ProgressQuery
{
    /// <summary>
    /// One client's whole time series, every dimension: what a progress page or GET /api/clients/{id}/progress
    /// reads (roll-ups into weeks happen in memory, see WeeklyRollup). --sql-file replaces it with the progress
    /// feature's own SQL (parameters @practice and @client).
    /// </summary>
    public const string DefaultSql = """
        SELECT dimension, answered_at, raw_value, min, max, screening, submission_id
        FROM scale_answers
        WHERE practice_id = @practice AND client_id = @client
        ORDER BY dimension, answered_at
        """;

    public static async Task<int> RunAsync(Dictionary<string, string> args, TextWriter log)
    {
        var practice = Guid.Parse(args.Required("practice"));
        var client = Guid.Parse(args.Required("client"));
        var runs = (int)args.Long("runs", 200);
        var sql = args.TryGetValue("sql-file", out var file) ? await File.ReadAllTextAsync(file) : DefaultSql;

        await using var connection = new NpgsqlConnection(args.Required("connection"));
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.practice_id', @p, false)", connection))
        {
            set.Parameters.AddWithValue("p", practice.ToString());
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("practice", practice);
        command.Parameters.AddWithValue("client", client);
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
        explain.Parameters.AddWithValue("practice", practice);
        explain.Parameters.AddWithValue("client", client);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        await using var size = new NpgsqlCommand("SELECT reltuples::bigint FROM pg_class WHERE relname = 'scale_answers'", connection);
        var tableRows = (long)(await size.ExecuteScalarAsync() ?? 0L);

        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var result = new
        {
            sql, rows, runs, tableRows,
            p50Ms = Math.Round(P(0.50), 3), p95Ms = Math.Round(P(0.95), 3), p99Ms = Math.Round(P(0.99), 3),
            meanMs = Math.Round(times.Average(), 3), plan,
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
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
