using System.Collections.Concurrent;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Jobs;

/// <summary>A job that reports what it can see, to prove a job works inside its own practice only.</summary>
public sealed class VisibilityProbeJob(AppDbContext db)
{
    public static readonly ConcurrentDictionary<Guid, (Guid Practice, int Cases, int AllPracticesCases)> Seen = new();

    [PracticeJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid practiceId, Guid probeId)
    {
        Seen[probeId] = (db.CurrentPracticeId, await db.Cases.CountAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM cases").SingleAsync());
    }

    [PracticeJob]
    [AutomaticRetry(Attempts = 0)]
    public Task WithoutPracticeAsync(string notAPracticeId) => Task.CompletedTask;
}

[Collection(JobsCollection.Name)]
public sealed class PracticeJobActivatorTests(JobServerFixture jobs)
{
    [Fact]
    public async Task A_practice_job_runs_inside_its_practice_and_sees_nothing_of_others()
    {
        var ours = await jobs.App.CreateWorldAsync();
        await jobs.App.CreateWorldAsync();
        var probe = Guid.NewGuid();
        var client = jobs.App.Services.GetRequiredService<IBackgroundJobClient>();

        var id = client.Enqueue<VisibilityProbeJob>(j => j.RunAsync(ours.Practice.PracticeId, probe));
        var state = await jobs.WaitForFinalStateAsync(id);

        Assert.Equal("Succeeded", state?.StateName);
        var seen = VisibilityProbeJob.Seen[probe];
        Assert.Equal(ours.Practice.PracticeId, seen.Practice);
        Assert.Equal(1, seen.Cases);
        Assert.Equal(1, seen.AllPracticesCases);
    }

    [Fact]
    public async Task A_practice_job_without_a_practice_id_refuses_to_run()
    {
        var client = jobs.App.Services.GetRequiredService<IBackgroundJobClient>();

        var id = client.Enqueue<VisibilityProbeJob>(j => j.WithoutPracticeAsync("x"));
        var state = await jobs.WaitForFinalStateAsync(id);

        Assert.Equal("Failed", state?.StateName);
        Assert.Contains("practice id", state!.Data["ExceptionMessage"]);
    }
}

[Collection(JobsCollection.Name)]
public sealed class PracticeFanOutTests(JobServerFixture jobs)
{
    [Fact]
    public async Task An_installation_wide_fan_out_runs_one_job_per_practice_each_inside_its_own_practice()
    {
        var first = await jobs.App.CreateWorldAsync();
        var second = await jobs.App.CreateWorldAsync();
        int enqueued;
        await using (var scope = jobs.App.Services.CreateAsyncScope())
        {
            var fanOut = scope.ServiceProvider.GetRequiredService<PracticeFanOut>();
            enqueued = await fanOut.EnqueueForEachPracticeAsync<VisibilityProbeJob>(practiceId => j => j.RunAsync(practiceId, practiceId), CancellationToken.None);
        }

        Assert.True(enqueued >= 2);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline
            && !(VisibilityProbeJob.Seen.ContainsKey(first.Practice.PracticeId) && VisibilityProbeJob.Seen.ContainsKey(second.Practice.PracticeId)))
        {
            await Task.Delay(100);
        }
        foreach (var practiceId in new[] { first.Practice.PracticeId, second.Practice.PracticeId })
        {
            var seen = VisibilityProbeJob.Seen[practiceId];
            Assert.Equal(practiceId, seen.Practice);
            Assert.Equal(1, seen.Cases);
            Assert.Equal(1, seen.AllPracticesCases);
        }
    }
}
