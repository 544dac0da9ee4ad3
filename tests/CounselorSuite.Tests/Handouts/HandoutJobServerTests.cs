using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

[Collection(JobsCollection.Name)]
public sealed class HandoutJobServerTests(JobServerFixture jobs)
{
    [Fact]
    public async Task The_job_server_renders_a_queued_handout_for_each_partner_to_ready()
    {
        var app = jobs.App;
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");

        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = true, discreet = false });

        foreach (var id in HandoutKit.Ids(created))
        {
            string jobId;
            await using (var owner = await app.Database.OpenAsOwnerAsync())
            {
                await using var find = new NpgsqlCommand("SELECT id FROM hangfire.job WHERE arguments::text LIKE @id AND invocationdata::text LIKE '%HandoutRenderJob%'", owner);
                find.Parameters.AddWithValue("id", $"%{id}%");
                jobId = (await find.ExecuteScalarAsync())!.ToString()!;
            }
            var final = await jobs.WaitForFinalStateAsync(jobId, TimeSpan.FromSeconds(60));
            Assert.Equal("Succeeded", final?.StateName);
            Assert.Equal("Ready", await world.Counselor.StatusAsync(id));
        }
        var batch = await (await world.Counselor.GetAsync($"/api/handouts/batches/{created["batchId"]}")).ReadJsonAsync();
        Assert.Equal(2, batch["ready"]!.GetValue<int>());
        Assert.True(batch["finished"]!.GetValue<bool>());
        var (pdf, _) = await world.Clients[1].Client.DownloadAsync(HandoutKit.Ids(created)[1]);
        Assert.Contains("Talk for ten minutes.", Pdf.Open(pdf).Text);
    }
}
