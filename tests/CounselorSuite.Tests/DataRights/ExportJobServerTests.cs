using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.DataRights;

/// <summary>
/// Hangfire keeps static state, so a real job server runs only here, alone: xunit runs this collection
/// after the parallel ones, and no other test host starts a server.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobServerCollection
{
    public const string Name = "Job server";
}

[Collection(JobServerCollection.Name)]
public sealed class ExportJobServerTests
{
    [Fact]
    public async Task A_requested_export_is_made_by_the_background_job_server()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        var exportId = (await (await client.PostAsync($"/api/clients/{world.Clients[0].Id}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();

        using (new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = "export-test-" + Guid.NewGuid().ToString("N")[..8],
            WorkerCount = 2,
            Activator = new PracticeJobActivator(app.Services.GetRequiredService<IServiceScopeFactory>()),
        }, app.Services.GetRequiredService<JobStorage>()))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string status;
            do
            {
                await Task.Delay(250);
                status = (await (await client.GetAsync($"/api/exports/{exportId}")).ReadJsonAsync())["status"]!.GetValue<string>();
            }
            while (status != "Ready" && DateTime.UtcNow < deadline);
            Assert.Equal("Ready", status);
        }

        var zip = await client.GetAsync($"/api/exports/{exportId}/zip");
        await zip.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("profile.json", ExportTests.Unzip(await zip.Content.ReadAsByteArrayAsync()).Keys);
    }
}
