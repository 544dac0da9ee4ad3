using System.Net;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Sessions;

[Collection("Demo seed")]
public sealed class DemoSessionsTests
{
    [Fact]
    public async Task The_demo_practice_has_past_and_upcoming_sessions_and_a_signed_DAP_note_with_an_addendum_seeded_once()
    {
        var app = await TestApp.SharedAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }
        using var sam = await app.SignInAsync("sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
        var cases = (await (await sam.GetAsync("/api/cases")).ReadJsonAsync())["items"]!.AsArray();
        var couple = cases.Single(c => c!["kind"]!.GetValue<string>() == "Couple")!["id"]!.GetValue<Guid>();

        var sessions = (await (await sam.GetAsync($"/api/cases/{couple}/sessions")).ReadJsonAsync())["items"]!.AsArray();
        var notes = (await sam.GetAsync($"/api/cases/{couple}/notes")).Content.ReadAsStringAsync();

        Assert.Equal(3, sessions.Count);
        Assert.Contains(sessions, s => s!["status"]!.GetValue<string>() == "Scheduled" && s["startsAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        Assert.Contains(sessions, s => s!["status"]!.GetValue<string>() == "Attended");
        var noteId = JsonNode.Parse(await notes)!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var note = await (await sam.GetAsync($"/api/notes/{noteId}")).ReadJsonAsync();
        Assert.Equal("DAP", note["template"]!.GetValue<string>());
        Assert.Equal("Signed", note["state"]!.GetValue<string>());
        Assert.Single(note["addenda"]!.AsArray());
        using var riley = await app.SignInAsync("riley@demo.counselorsuite.test", DemoSeeder.Password);
        Assert.Equal(1, (await (await riley.GetAsync("/api/me/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
        await (await riley.GetAsync($"/api/notes/{noteId}")).EnsureStatusAsync(HttpStatusCode.NotFound);

        // The next session has each partner's handout attached, to be made by the nightly job the night before.
        var next = sessions.Single(s => s!["status"]!.GetValue<string>() == "Scheduled")!["id"]!.GetValue<Guid>();
        var practice = (await (await sam.GetAsync("/api/me")).ReadJsonAsync())["practiceId"]!.GetValue<Guid>();
        Assert.Equal(2, await Homework.HomeworkApi.CountAsync(app, practice,
            $"SELECT count(*) FROM handouts WHERE session_id = '{next}' AND render_after IS NOT NULL AND status = 'Queued'"));
    }
}
