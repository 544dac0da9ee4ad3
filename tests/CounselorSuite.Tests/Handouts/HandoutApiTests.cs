using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

public sealed class HandoutApiTests
{
    private static async Task<long> QueuedJobsAsync(TestApp app, Guid practiceId)
    {
        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @practice AND invocationdata::text LIKE '%HandoutRenderJob%'", owner);
        count.Parameters.AddWithValue("practice", $"%{practiceId}%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<long> HandoutRowsAsync(TestApp app, Guid practiceId)
    {
        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM handouts WHERE practice_id = @practice", owner);
        count.Parameters.AddWithValue("practice", practiceId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Counselor_makes_one_handout_per_partner_and_each_is_queued_as_a_job()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");

        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false });

        Assert.Equal("Queued", created["status"]!.GetValue<string>());
        var ids = HandoutKit.Ids(created);
        Assert.Equal(2, ids.Count);
        Assert.Equal(created["id"]!.GetValue<Guid>(), ids[0]);
        Assert.Equal(world.Clients.Select(c => c.Id).Order(), created["handouts"]!.AsArray().Select(h => h!["clientId"]!.GetValue<Guid>()).Order());
        Assert.Equal(2L, await QueuedJobsAsync(app, world.Practice.PracticeId));
        var state = await (await world.Counselor.GetAsync($"/api/handouts/{ids[0]}")).ReadJsonAsync();
        Assert.Equal("Queued", state["status"]!.GetValue<string>());
        Assert.NotNull(state["createdAt"]);
        Assert.Null(state["readyAt"]);
        Assert.Null(created["password"]);
    }

    [Fact]
    public async Task Downloading_before_the_handout_is_ready_answers_409_and_after_gives_the_pdf()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var id = (await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false }))["id"]!.GetValue<Guid>();

        await (await world.Counselor.GetAsync($"/api/handouts/{id}/pdf")).EnsureStatusAsync(HttpStatusCode.Conflict);
        await (await world.Clients[0].Client.GetAsync($"/api/handouts/{id}/pdf")).EnsureStatusAsync(HttpStatusCode.Conflict);

        await app.RunJobAsync(world.Practice.PracticeId, id);

        var state = await (await world.Clients[0].Client.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.Equal("Ready", state["status"]!.GetValue<string>());
        Assert.NotNull(state["readyAt"]);
        var (pdf, fileName) = await world.Clients[0].Client.DownloadAsync(id);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(state["sizeBytes"]!.GetValue<long>(), pdf.LongLength);
        Assert.Equal(state["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        Assert.Matches(@"^handout-\d{4}-\d{2}-\d{2}\.pdf$", fileName);
    }

    [Fact]
    public async Task Each_partner_downloads_only_their_own_handout_the_other_answers_404()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false });
        var byClient = created["handouts"]!.AsArray().ToDictionary(h => h!["clientId"]!.GetValue<Guid>(), h => h!["id"]!.GetValue<Guid>());
        foreach (var id in byClient.Values)
        {
            await app.RunJobAsync(world.Practice.PracticeId, id);
        }
        var (a, b) = (world.Clients[0], world.Clients[1]);

        await a.Client.DownloadAsync(byClient[a.Id]);
        await b.Client.DownloadAsync(byClient[b.Id]);
        await (await a.Client.GetAsync($"/api/handouts/{byClient[b.Id]}/pdf")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await a.Client.GetAsync($"/api/handouts/{byClient[b.Id]}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await b.Client.GetAsync($"/api/handouts/{byClient[a.Id]}/pdf")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await b.Client.GetAsync($"/api/handouts/batches/{created["batchId"]}")).EnsureStatusAsync(HttpStatusCode.OK);
        var batchSeenByB = await (await b.Client.GetAsync($"/api/handouts/batches/{created["batchId"]}")).ReadJsonAsync();
        Assert.Equal(byClient[b.Id], batchSeenByB["handouts"]!.AsArray().Single()!["id"]!.GetValue<Guid>());
        // The counselor sees both.
        await world.Counselor.DownloadAsync(byClient[a.Id]);
        await world.Counselor.DownloadAsync(byClient[b.Id]);
    }

    [Fact]
    public async Task Another_practice_gets_404_for_a_handout_its_pdf_and_its_retry_and_nothing_changes()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var id = (await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false }))["id"]!.GetValue<Guid>();
        await app.RunJobAsync(world.Practice.PracticeId, id);

        foreach (var outsider in new[] { other.Counselor, other.Admin, other.Clients[0].Client })
        {
            await (await outsider.GetAsync($"/api/handouts/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await outsider.GetAsync($"/api/handouts/{id}/pdf")).EnsureStatusAsync(HttpStatusCode.NotFound);
        }
        await (await other.Counselor.PostAsync($"/api/handouts/{id}/retry", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("Ready", await world.Counselor.StatusAsync(id));
    }

    [Fact]
    public async Task A_counselor_not_on_the_case_gets_404_and_a_client_may_not_compose_or_retry()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (_, otherCounselorEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        var otherCounselor = await app.SignInAsync(otherCounselorEmail);
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var body = new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false };

        await otherCounselor.ComposeAsync(body, HttpStatusCode.NotFound);
        await world.Clients[0].Client.ComposeAsync(body, HttpStatusCode.Forbidden);
        var id = (await world.Counselor.ComposeAsync(body))["id"]!.GetValue<Guid>();
        await (await otherCounselor.GetAsync($"/api/handouts/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Clients[0].Client.PostAsync($"/api/handouts/{id}/retry", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1L, await HandoutRowsAsync(app, world.Practice.PracticeId));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_errors_and_nothing_is_queued()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var mine = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var theirs = await other.Counselor.ExerciseAsync("Their exercise", "Not yours.");
        var many = Enumerable.Range(0, 31).Select(_ => Guid.NewGuid()).ToArray();

        async Task ExpectField(object body, string field)
        {
            var response = await world.Counselor.PostAsJsonAsync("/api/handouts", body);
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        }

        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { theirs }, includeProgress = false, discreet = false }, "exerciseIds");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { mine, theirs }, includeProgress = true, discreet = false }, "exerciseIds");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = Array.Empty<Guid>(), includeProgress = false, discreet = false }, "exerciseIds");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = many, includeProgress = false, discreet = false }, "exerciseIds");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { mine }, includeProgress = false, discreet = false, note = new string('a', 5001) }, "note");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { mine }, includeProgress = false, discreet = false, paper = "A3" }, "paper");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { mine }, includeProgress = false, discreet = false, password = "short" }, "password");
        await ExpectField(new { caseId = world.CaseId, exerciseIds = new[] { mine }, includeProgress = false, discreet = false, clientIds = new[] { other.Clients[0].Id } }, "clientIds");
        await ExpectField(new { exerciseIds = new[] { mine }, includeProgress = false, discreet = false }, "caseId");
        // Another practice's case is not found, whatever else is asked.
        await world.Counselor.ComposeAsync(new { caseId = other.CaseId, exerciseIds = new[] { mine }, includeProgress = false, discreet = false }, HttpStatusCode.NotFound);
        // Malformed JSON is the caller's fault too.
        var malformed = await world.Counselor.PostAsync("/api/handouts", new StringContent("{\"caseId\": 12", System.Text.Encoding.UTF8, "application/json"));
        await malformed.EnsureStatusAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0L, await HandoutRowsAsync(app, world.Practice.PracticeId));
        Assert.Equal(0L, await QueuedJobsAsync(app, world.Practice.PracticeId));
    }

    [Fact]
    public async Task A_note_of_exactly_5000_characters_and_30_exercises_are_accepted()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await world.Counselor.ExerciseAsync($"Exercise {i}", "Do it."));
        }

        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = ids, includeProgress = false, discreet = false, note = new string('a', 5000) });

        Assert.Equal("Queued", created["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_handout_is_retried_by_its_counselor_and_only_a_failed_one()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var id = (await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false }))["id"]!.GetValue<Guid>();
        await (await world.Counselor.PostAsync($"/api/handouts/{id}/retry", null)).EnsureStatusAsync(HttpStatusCode.Conflict);
        await using (var conn = await app.Database.OpenAsOwnerAsync())
        {
            await using var fail = new NpgsqlCommand("UPDATE handouts SET status = 'Failed', error = 'x' WHERE id = @id", conn);
            fail.Parameters.AddWithValue("id", id);
            await fail.ExecuteNonQueryAsync();
        }
        var failed = await (await world.Counselor.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Equal("x", failed["error"]!.GetValue<string>());
        var jobsBefore = await QueuedJobsAsync(app, world.Practice.PracticeId);

        var retried = await world.Counselor.PostAsync($"/api/handouts/{id}/retry", null);

        await retried.EnsureStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal("Queued", (await retried.ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(jobsBefore + 1, await QueuedJobsAsync(app, world.Practice.PracticeId));
        await app.RunJobAsync(world.Practice.PracticeId, id);
        Assert.Equal("Ready", await world.Counselor.StatusAsync(id));
    }

    [Fact]
    public async Task Making_and_downloading_handouts_is_in_the_audit_trail()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var id = (await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false }))["id"]!.GetValue<Guid>();
        await app.RunJobAsync(world.Practice.PracticeId, id);
        await world.Clients[0].Client.DownloadAsync(id);

        var audit = await (await world.Admin.GetAsync($"/api/audit?clientId={world.Clients[0].Id}")).ReadJsonAsync();
        var actions = audit["items"]!.AsArray().Where(r => r!["entityId"]?.GetValue<Guid>() == id).Select(r => r!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("HandoutCreated", actions);
        Assert.Contains("HandoutProduced", actions);
        Assert.Contains("HandoutDownloaded", actions);
    }
}

public sealed class HandoutDataRightsTests
{
    [Fact]
    public async Task A_clients_export_holds_their_ready_handouts_and_not_their_partners()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false, sessionDate = "2026-11-27" });
        var byClient = created["handouts"]!.AsArray().ToDictionary(h => h!["clientId"]!.GetValue<Guid>(), h => h!["id"]!.GetValue<Guid>());
        foreach (var id in byClient.Values)
        {
            await app.RunJobAsync(world.Practice.PracticeId, id);
        }
        var (clientId, _, client) = world.Clients[0];
        var exportId = (await (await client.PostAsync($"/api/clients/{clientId}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();

        await DataRights.ExportTests.RunExportJobAsync(app, world.Practice.PracticeId, exportId);

        var zip = await (await client.GetAsync($"/api/exports/{exportId}/zip")).Content.ReadAsByteArrayAsync();
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var pdfs = archive.Entries.Where(e => e.FullName.StartsWith("handouts/") && e.FullName.EndsWith(".pdf")).ToList();
        var entry = Assert.Single(pdfs);
        Assert.Equal($"handouts/2026-11-27-{byClient[clientId].ToString("N")[^8..]}.pdf", entry.FullName);
        var listed = new StreamReader(archive.GetEntry("handouts/handouts.json")!.Open()).ReadToEnd();
        Assert.Contains(byClient[clientId].ToString(), listed);
        Assert.DoesNotContain(byClient[world.Clients[1].Id].ToString(), listed);
    }

    [Fact]
    public async Task Erasing_a_client_removes_their_handouts_and_keeps_the_partners()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false });
        var byClient = created["handouts"]!.AsArray().ToDictionary(h => h!["clientId"]!.GetValue<Guid>(), h => h!["id"]!.GetValue<Guid>());

        var erased = await world.Admin.PostAsJsonAsync($"/api/clients/{world.Clients[0].Id}/erasure", new { @override = true, reason = "Asked to be forgotten" });

        await erased.EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Counselor.GetAsync($"/api/handouts/{byClient[world.Clients[0].Id]}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Counselor.GetAsync($"/api/handouts/{byClient[world.Clients[1].Id]}")).EnsureStatusAsync(HttpStatusCode.OK);
    }
}
