using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.DataRights;

[Collection(JobsCollection.Name)]
public sealed class ExportJobServerTests(JobServerFixture jobs)
{
    [Fact]
    public async Task A_requested_export_is_made_by_the_background_job_server()
    {
        var app = jobs.App;
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        var exportId = (await (await client.PostAsync($"/api/clients/{world.Clients[0].Id}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(100);
            status = (await (await client.GetAsync($"/api/exports/{exportId}")).ReadJsonAsync())["status"]!.GetValue<string>();
        }
        while (status != "Ready" && DateTime.UtcNow < deadline);
        Assert.Equal("Ready", status);

        var zip = await client.GetAsync($"/api/exports/{exportId}/zip");
        await zip.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("profile.json", ExportTests.Unzip(await zip.Content.ReadAsByteArrayAsync()).Keys);
    }
}
