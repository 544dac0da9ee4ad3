using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// Job tests run here, one at a time: Hangfire keeps static state, so only this host runs a job server,
/// polling the queue quickly so tests wait milliseconds rather than seconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobsCollection : ICollectionFixture<JobServerFixture>
{
    public const string Name = "Jobs";
}

public sealed class JobServerFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.GetAsync(), settings: new()
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:WorkerCount"] = "2",
            ["Jobs:QueuePollMilliseconds"] = "100",
        });
        _ = App.Server; // starts the host and with it the job server
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Waits until the job reaches a final state and returns it.</summary>
    public async Task<StateHistoryDto?> WaitForFinalStateAsync(string jobId, TimeSpan? timeout = null)
    {
        var monitor = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var state = monitor.JobDetails(jobId)?.History.FirstOrDefault();
            if (state?.StateName is "Succeeded" or "Failed" or "Deleted")
            {
                return state;
            }
            await Task.Delay(50);
        }
        return monitor.JobDetails(jobId)?.History.FirstOrDefault();
    }
}
