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
