using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

/// <summary>The rendering job is safe to run twice, at once, or after a worker died in the middle.</summary>
public sealed class HandoutJobTests
{
    private sealed record Row(string Status, string? Sha256, DateTimeOffset? ReadyAt, int Attempts, bool HasContent);

    private static async Task<Row> RowAsync(TestApp app, Guid id)
    {
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var read = new NpgsqlCommand("SELECT status, sha256, ready_at, attempts, content IS NOT NULL FROM handouts WHERE id = @id", conn);
        read.Parameters.AddWithValue("id", id);
        await using var r = await read.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return new Row(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetBoolean(4));
    }

    /// <remarks>
    /// Values come as parameters, not from volatile functions (gen_random_uuid()): Citus refuses those in an
    /// UPDATE of a distributed table, since each shard would compute its own.
    /// </remarks>
    private static async Task ExecAsync(TestApp app, string sql, Guid id)
    {
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        command.Parameters.AddWithValue("id", id);
        if (sql.Contains("@token", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("token", Guid.NewGuid());
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ProducedRecordsAsync(TestApp app, Guid id)
    {
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_records WHERE action = 'HandoutProduced' AND entity_id = @id", conn);
        count.Parameters.AddWithValue("id", id);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<(PracticeWorld World, Guid Id)> QueuedAsync(HandoutTestApp app, bool includeProgress = false)
    {
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress, discreet = false });
        return (world, created["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Two_runs_at_the_same_time_make_one_file_and_one_ready()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.RunJobAsync(world.Practice.PracticeId, id))));

        var row = await RowAsync(app, id);
        Assert.Equal("Ready", row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(1L, await ProducedRecordsAsync(app, id));
    }

    [Fact]
    public async Task A_run_after_ready_changes_nothing()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app);
        await app.RunJobAsync(world.Practice.PracticeId, id);
        var first = await RowAsync(app, id);

        await app.RunJobAsync(world.Practice.PracticeId, id);

        Assert.Equal(first, await RowAsync(app, id));
        Assert.Equal(1L, await ProducedRecordsAsync(app, id));
    }

    [Fact]
    public async Task A_handout_left_running_by_a_worker_that_died_is_taken_over_once_its_claim_is_stale()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app);
        // A worker claimed it 30 seconds ago and is (as far as anyone knows) still rendering.
        await ExecAsync(app, "UPDATE handouts SET status = 'Running', claim_token = @token, claimed_at = now() - interval '30 seconds', attempts = 1 WHERE id = @id", id);

        await app.RunJobAsync(world.Practice.PracticeId, id);
        Assert.Equal("Running", (await RowAsync(app, id)).Status); // not taken from a live worker

        // The worker died: its claim is now older than the stale limit (two minutes).
        await ExecAsync(app, "UPDATE handouts SET claimed_at = now() - interval '10 minutes' WHERE id = @id", id);
        await app.RunJobAsync(world.Practice.PracticeId, id);

        var row = await RowAsync(app, id);
        Assert.Equal("Ready", row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.True(row.HasContent);
        Assert.Equal(1L, await ProducedRecordsAsync(app, id));
    }

    [Fact]
    public async Task A_stalled_render_whose_claim_was_taken_over_does_not_write_a_second_file()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app, includeProgress: true);
        var clientId = world.Clients[0].Id;
        var stalled = new TaskCompletionSource();
        var inRender = new TaskCompletionSource();
        TestProgressSource.Before[clientId] = async ct =>
        {
            inRender.TrySetResult();
            await stalled.Task.WaitAsync(ct);
        };
        var first = Task.Run(() => app.RunJobAsync(world.Practice.PracticeId, id));
        await inRender.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The first worker looks dead (its claim went stale); a re-run takes over and finishes.
        TestProgressSource.Before.TryRemove(clientId, out _);
        await ExecAsync(app, "UPDATE handouts SET claimed_at = now() - interval '10 minutes' WHERE id = @id", id);
        await app.RunJobAsync(world.Practice.PracticeId, id);
        var afterTakeOver = await RowAsync(app, id);
        Assert.Equal("Ready", afterTakeOver.Status);

        // The first worker wakes up and finishes its render: it no longer holds the claim and writes nothing.
        stalled.SetResult();
        await first;

        Assert.Equal(afterTakeOver, await RowAsync(app, id));
        Assert.Equal(1L, await ProducedRecordsAsync(app, id));
    }

    [Fact]
    public async Task A_worker_stopped_mid_render_hands_the_handout_back_and_the_rerun_makes_it_ready_once()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app, includeProgress: true);
        var clientId = world.Clients[0].Id;
        var inRender = new TaskCompletionSource();
        TestProgressSource.Before[clientId] = async ct =>
        {
            inRender.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        using var stopping = new CancellationTokenSource();
        var run = Task.Run(() => app.RunJobAsync(world.Practice.PracticeId, id, stopping.Token));
        await inRender.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await stopping.CancelAsync(); // Hangfire cancels the job's token when the server stops
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal("Queued", (await RowAsync(app, id)).Status);

        TestProgressSource.Before.TryRemove(clientId, out _);
        await app.RunJobAsync(world.Practice.PracticeId, id);

        var row = await RowAsync(app, id);
        Assert.Equal("Ready", row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(1L, await ProducedRecordsAsync(app, id));
    }

    [Fact]
    public async Task A_render_that_throws_marks_the_handout_failed_with_a_plain_reason_and_hangfire_retries_it()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app, includeProgress: true);
        var clientId = world.Clients[0].Id;
        TestProgressSource.Before[clientId] = _ => throw new TimeoutException("database hiccup with private words");

        await Assert.ThrowsAsync<TimeoutException>(() => app.RunJobAsync(world.Practice.PracticeId, id));

        var state = await (await world.Counselor.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.Equal("Failed", state["status"]!.GetValue<string>());
        var error = state["error"]!.GetValue<string>();
        Assert.Contains("tried again automatically", error);
        Assert.DoesNotContain("private words", error);

        TestProgressSource.Before.TryRemove(clientId, out _);
        await app.RunJobAsync(world.Practice.PracticeId, id); // Hangfire's automatic retry
        Assert.Equal("Ready", (await RowAsync(app, id)).Status);
    }

    [Fact]
    public async Task A_render_that_fails_on_what_the_handout_holds_ends_failed_at_once_without_retries()
    {
        var app = await HandoutTestApp.SharedAsync();
        var (world, id) = await QueuedAsync(app, includeProgress: true);
        var clientId = world.Clients[0].Id;
        TestProgressSource.Before[clientId] = _ => throw new ArgumentException("the renderer refuses a character");

        await app.RunJobAsync(world.Practice.PracticeId, id); // returns: Hangfire sees success and does not retry
        TestProgressSource.Before.TryRemove(clientId, out _);

        var row = await RowAsync(app, id);
        Assert.Equal("Failed", row.Status);
        Assert.Equal(1, row.Attempts);
        var state = await (await world.Counselor.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.DoesNotContain("tried again automatically", state["error"]!.GetValue<string>());
        Assert.DoesNotContain("refuses a character", state["error"]!.GetValue<string>());
    }
}
