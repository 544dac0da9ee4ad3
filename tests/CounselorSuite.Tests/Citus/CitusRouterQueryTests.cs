using System.Net;
using CounselorSuite.Tests.Infrastructure;
using Npgsql;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Citus;

/// <summary>
/// A tenant's requests touch one worker: every query is a router query (one task on one shard). The app
/// here runs with citus.multi_task_query_log_level = error, so a query that would fan out over the shards
/// fails its request instead of quietly running everywhere.
/// </summary>
public sealed class CitusRouterQueryTests
{
    [CitusFact]
    public async Task A_tenants_pages_and_api_run_only_single_shard_queries()
    {
        var database = await TestDatabase.GetAsync();
        await using var app = new TestApp(database, settings: new()
        {
            ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(database.AppConnectionString)
            {
                Options = "-c citus.multi_task_query_log_level=error",
            }.ConnectionString,
        });
        var world = await app.CreateWorldAsync("Couple");
        var client = world.Clients[0];
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var portal = await Browser.SignedInAsync(app, client.Email);
        // Writes too: an assignment, and a submission whose answers the roll-up trigger adds up on the worker.
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        var item = await RateDecisionsAsync(client.Client, assignment, 5);

        foreach (var url in new[]
        {
            "/counselor", $"/counselor/cases/{world.CaseId}", $"/counselor/cases/{world.CaseId}/homework", $"/counselor/cases/{world.CaseId}/progress",
            $"/counselor/clients/{client.Id}/progress?range=all",
        })
        {
            await counselor.PageAsync(url);
        }
        foreach (var url in new[] { "/portal", "/portal/progress", $"/portal/homework/{item}", "/portal/homework" })
        {
            await portal.PageAsync(url);
        }
        foreach (var url in new[]
        {
            "/api/cases", $"/api/cases/{world.CaseId}", $"/api/clients/{client.Id}/progress", $"/api/clients/{client.Id}/progress.csv", "/api/exercises",
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await world.Counselor.GetAsync(url)).StatusCode);
        }
    }

    [CitusFact]
    public async Task The_plan_of_a_practice_filtered_query_is_one_task_and_a_query_across_practices_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString)
        {
            Options = "-c citus.propagate_set_commands=local -c citus.multi_task_query_log_level=error", Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var bind = new NpgsqlCommand($"SET LOCAL app.practice_id = '{world.Practice.PracticeId:D}'", connection, transaction))
        {
            await bind.ExecuteNonQueryAsync();
        }

        var plan = new List<string>();
        await using (var explain = new NpgsqlCommand("EXPLAIN SELECT title FROM cases WHERE practice_id = @p AND id = @id", connection, transaction))
        {
            explain.Parameters.AddWithValue("p", world.Practice.PracticeId);
            explain.Parameters.AddWithValue("id", world.CaseId);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        Assert.Contains(plan, line => line.Contains("Task Count: 1", StringComparison.Ordinal));

        await using var savepoint = new NpgsqlCommand("SAVEPOINT across", connection, transaction);
        await savepoint.ExecuteNonQueryAsync();
        await using var across = new NpgsqlCommand("SELECT count(*) FROM cases", connection, transaction);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => across.ExecuteScalarAsync());
        Assert.Contains("multi-task", refused.MessageText + refused.Detail + refused.Hint, StringComparison.OrdinalIgnoreCase);
    }
}
