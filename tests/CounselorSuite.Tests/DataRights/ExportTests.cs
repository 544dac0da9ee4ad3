using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CounselorSuite.Tests.DataRights;

public sealed class ExportTests
{
    /// <summary>Runs the export job the way Hangfire would, in its own scope bound to the practice.</summary>
    internal static Task RunExportJobAsync(TestApp app, Guid practiceId, Guid exportId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<ClientExportJob>().RunAsync(practiceId, exportId, CancellationToken.None));

    internal static Dictionary<string, string> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    [Fact]
    public async Task A_client_exports_their_data_and_gets_only_notes_released_to_them()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (clientId, clientEmail, client) = world.Clients[0];
        var partnerId = world.Clients[1].Id;
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-3));
        var released = await world.Counselor.WriteNoteAsync(session, new { data = "Released-for-client", assessment = "", plan = "" });
        await world.Counselor.SignAsync(released);
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{released}/release", new { clientIds = new[] { clientId } })).EnsureStatusAsync(HttpStatusCode.OK);
        var forPartner = await world.Counselor.WriteNoteAsync(session, new { data = "Released-for-partner-only" });
        await world.Counselor.SignAsync(forPartner);
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{forPartner}/release", new { clientIds = new[] { partnerId } })).EnsureStatusAsync(HttpStatusCode.OK);
        var signedNotReleased = await world.Counselor.WriteNoteAsync(session, new { data = "Signed-never-released" });
        await world.Counselor.SignAsync(signedNotReleased);
        await world.Counselor.WriteNoteAsync(session, new { data = "Draft-only" });

        var requested = await client.PostAsync($"/api/clients/{clientId}/export", null);

        await requested.EnsureStatusAsync(HttpStatusCode.Accepted);
        var export = await requested.ReadJsonAsync();
        Assert.Equal("Queued", export["status"]!.GetValue<string>());
        var exportId = export["id"]!.GetValue<Guid>();
        await (await client.GetAsync($"/api/exports/{exportId}/zip")).EnsureStatusAsync(HttpStatusCode.Conflict);
        await using (var owner = await app.Database.OpenAsOwnerAsync())
        {
            await using var enqueued = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @id AND invocationdata::text LIKE '%ClientExportJob%'", owner);
            enqueued.Parameters.AddWithValue("id", $"%{exportId}%");
            Assert.Equal(1L, await enqueued.ExecuteScalarAsync());
        }

        await RunExportJobAsync(app, world.Practice.PracticeId, exportId);

        var state = await (await client.GetAsync($"/api/exports/{exportId}")).ReadJsonAsync();
        Assert.Equal("Ready", state["status"]!.GetValue<string>());
        var download = await client.GetAsync($"/api/exports/{exportId}/zip");
        await download.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var zip = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(state["sizeBytes"]!.GetValue<long>(), zip.LongLength);
        Assert.Equal(state["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(zip)));
        Assert.DoesNotContain("counsel", download.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.OrdinalIgnoreCase);

        var files = Unzip(zip);
        Assert.Equal(["cases.json", "homework/items.json", "manifest.json", "notes.json", "profile.json", "sessions.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(clientEmail, JsonNode.Parse(files["profile.json"])!["email"]!.GetValue<string>());
        Assert.Equal(world.CaseId, JsonNode.Parse(files["cases.json"])!.AsArray().Single()!["id"]!.GetValue<Guid>());
        Assert.Equal(session, JsonNode.Parse(files["sessions.json"])!.AsArray().Single()!["id"]!.GetValue<Guid>());
        var notes = JsonNode.Parse(files["notes.json"])!.AsArray();
        Assert.Equal(released, Assert.Single(notes)!["id"]!.GetValue<Guid>());
        var everything = string.Concat(files.Values);
        Assert.Contains("Released-for-client", everything);
        Assert.DoesNotContain("Released-for-partner-only", everything);
        Assert.DoesNotContain("Signed-never-released", everything);
        Assert.DoesNotContain("Draft-only", everything);
        Assert.DoesNotContain(world.Clients[1].Email, everything);
    }

    [Fact]
    public async Task Running_the_export_job_twice_leaves_the_same_zip()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exportId = (await (await world.Counselor.PostAsync($"/api/clients/{world.Clients[0].Id}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();

        await RunExportJobAsync(app, world.Practice.PracticeId, exportId);
        var first = await (await world.Counselor.GetAsync($"/api/exports/{exportId}")).ReadJsonAsync();
        await RunExportJobAsync(app, world.Practice.PracticeId, exportId);
        var second = await (await world.Counselor.GetAsync($"/api/exports/{exportId}")).ReadJsonAsync();

        Assert.Equal("Ready", second["status"]!.GetValue<string>());
        Assert.Equal(first["sha256"]!.GetValue<string>(), second["sha256"]!.GetValue<string>());
        Assert.Equal(first["readyAt"]!.GetValue<DateTimeOffset>(), second["readyAt"]!.GetValue<DateTimeOffset>());
        // A second request while none is pending starts a new export; one while pending reuses it.
        var again = await (await world.Counselor.PostAsync($"/api/clients/{world.Clients[0].Id}/export", null)).ReadJsonAsync();
        var twice = await (await world.Counselor.PostAsync($"/api/clients/{world.Clients[0].Id}/export", null)).ReadJsonAsync();
        Assert.NotEqual(exportId, again["id"]!.GetValue<Guid>());
        Assert.Equal(again["id"]!.GetValue<Guid>(), twice["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Only_the_client_and_those_who_counsel_them_reach_an_export()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (clientId, _, _) = world.Clients[0];
        var partner = world.Clients[1].Client;
        var other = await app.CreateWorldAsync();
        var (_, colleagueEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        var colleagueNotOnCase = await app.SignInAsync(colleagueEmail);
        var exportId = (await (await world.Counselor.PostAsync($"/api/clients/{clientId}/export", null)).ReadJsonAsync())["id"]!.GetValue<Guid>();
        await RunExportJobAsync(app, world.Practice.PracticeId, exportId);

        foreach (var stranger in new[] { partner, colleagueNotOnCase, other.Counselor, other.Admin, other.Clients[0].Client })
        {
            await (await stranger.PostAsync($"/api/clients/{clientId}/export", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync($"/api/exports/{exportId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync($"/api/exports/{exportId}/zip")).EnsureStatusAsync(HttpStatusCode.NotFound);
        }
        // A counselor's id is not a client's: nothing to export.
        await (await world.Admin.PostAsync($"/api/clients/{world.CounselorId}/export", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Admin.GetAsync($"/api/exports/{exportId}/zip")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Clients[0].Client.GetAsync($"/api/exports/{exportId}/zip")).EnsureStatusAsync(HttpStatusCode.OK);

        var trail = await world.Admin.AuditAsync($"clientId={clientId}");
        Assert.Contains("ExportRequested", trail.Actions());
        Assert.Contains("ExportProduced", trail.Actions());
        Assert.Contains("ExportDownloaded", trail.Actions());
    }

    [Fact]
    public void A_later_features_files_land_in_the_zip_next_to_the_manifest()
    {
        var context = new ClientExportContext(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        context.AddJson("homework/answers.json", new[] { new { prompt = "p", answer = "a" } });
        context.AddFile("handouts/handout-1.pdf", [0x25, 0x50, 0x44, 0x46]);

        var files = Unzip(ClientExportJob.BuildZip(context));

        Assert.Equal(["handouts/handout-1.pdf", "homework/answers.json", "manifest.json"], files.Keys.Order());
        Assert.Contains("homework/answers.json", files["manifest.json"]);
        Assert.Throws<ArgumentException>(() => context.AddFile("../escape.txt", []));
        Assert.Throws<InvalidOperationException>(() => context.AddJson("homework/answers.json", new { }));
    }
}
