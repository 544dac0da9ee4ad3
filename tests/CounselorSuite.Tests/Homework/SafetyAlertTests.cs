using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

public sealed class SafetyAlertTests
{
    public const string CheckIn = "Private check-in";

    public static Guid Prompt(JsonObject exercise, string key) =>
        exercise["prompts"]!.AsArray().First(p => p!["key"]?.GetValue<string>() == key)!["id"]!.GetValue<Guid>();

    /// <summary>The check-in answered "not safe at home" (a danger answer) with a private note.</summary>
    public static JsonObject DangerAnswers(JsonObject checkIn) => new()
    {
        ["answers"] = new JsonArray(
            new JsonObject { ["promptId"] = Prompt(checkIn, "p1"), ["choices"] = new JsonArray("No") },
            new JsonObject { ["promptId"] = Prompt(checkIn, "p4"), ["value"] = 5 },
            new JsonObject { ["promptId"] = Prompt(checkIn, "p5"), ["text"] = "He took my phone again" }),
    };

    public static JsonObject SafeAnswers(JsonObject checkIn) => new()
    {
        ["answers"] = new JsonArray(
            new JsonObject { ["promptId"] = Prompt(checkIn, "p1"), ["choices"] = new JsonArray("Yes") },
            new JsonObject { ["promptId"] = Prompt(checkIn, "p4"), ["value"] = 9 }),
    };

    [Fact]
    public async Task A_danger_answer_alerts_the_counselor_and_never_reaches_the_partner()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var checkIn = await world.Counselor.BuiltInAsync(CheckIn);
        var joint = await world.Counselor.NewExerciseAsync(Exercises.ExerciseTestData.NewExercise("Evening talk together"));
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var jointAssignment = await world.Counselor.AssignAsync(world.CaseId, joint["id"]!.GetValue<Guid>());
        var (riley, quinn) = (world.Clients[0].Client, world.Clients[1].Client);
        var rileyCheckIn = (await riley.MyItemsAsync()).First(i => i["exerciseTitle"]!.GetValue<string>() == CheckIn)["id"]!.GetValue<Guid>();
        foreach (var (_, _, client) in world.Clients)
        {
            var item = (await client.MyItemsAsync()).First(i => i["joint"]!.GetValue<bool>())["id"]!.GetValue<Guid>();
            await client.PostOkAsync($"/api/assignments/{item}/joint-consent", new { decision = "Agree" });
        }
        Assert.All(await quinn.MyItemsAsync(), i => Assert.True(i["available"]!.GetValue<bool>()));
        var mailBefore = MailsTo(app, world.CounselorEmail).Count;

        var submitted = await riley.SubmitOkAsync(rileyCheckIn, DangerAnswers(checkIn));

        Assert.True(submitted["showHelpResources"]!.GetValue<bool>());
        var alerts = await (await world.Counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync();
        var alert = Assert.Single(alerts["items"]!.AsArray())!;
        Assert.Equal(world.Clients[0].Id, alert["clientId"]!.GetValue<Guid>());
        Assert.DoesNotContain("phone", alerts.ToJsonString());
        // The counselor's mail comes from a job, not from the client's request, and says only that a client needs attention.
        Assert.Equal(mailBefore, MailsTo(app, world.CounselorEmail).Count);
        await SafetyAlertNoticeTests.SendNoticeAsync(app, world.Practice.PracticeId, alert["id"]!.GetValue<Guid>());
        var mail = Assert.Single(MailsTo(app, world.CounselorEmail).Skip(mailBefore));
        Assert.Contains("A client needs your attention.", mail);
        Assert.DoesNotContain("phone", mail);
        Assert.DoesNotContain("check-in", mail, StringComparison.OrdinalIgnoreCase);

        // The partner: no alert, no answer, not even by sharing; joint exercises locked.
        var share = await riley.PostAsJsonAsync($"/api/assignments/{rileyCheckIn}/share", new { });
        await share.EnsureStatusAsync(HttpStatusCode.Conflict);
        await quinn.DetailAsync(rileyCheckIn, HttpStatusCode.NotFound);
        await (await quinn.GetAsync("/api/safety-alerts")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        var quinnItems = await quinn.MyItemsAsync();
        Assert.DoesNotContain("phone", quinnItems.Select(i => i.ToJsonString()).Aggregate((a, b) => a + b));
        Assert.False(quinnItems.First(i => i["joint"]!.GetValue<bool>())["available"]!.GetValue<bool>());
        var quinnJoint = quinnItems.First(i => i["joint"]!.GetValue<bool>())["id"]!.GetValue<Guid>();
        await (await quinn.SaveDraftAsync(quinnJoint, HomeworkApi.Answers(joint))).EnsureStatusAsync(HttpStatusCode.Conflict);

        // Resolving needs a note, then the joint exercise opens again.
        var noNote = await world.Counselor.PostAsJsonAsync($"/api/safety-alerts/{alert["id"]}/resolve", new { note = " " });
        await noNote.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await world.Counselor.PostOkAsync($"/api/safety-alerts/{alert["id"]}/resolve", new { note = "Called Riley privately; safety plan made." });
        var resolved = await (await world.Counselor.GetAsync("/api/safety-alerts?status=Resolved")).ReadJsonAsync();
        Assert.Equal(world.CounselorId, resolved["items"]![0]!["resolvedBy"]!.GetValue<Guid>());
        Assert.True((await quinn.MyItemsAsync()).First(i => i["joint"]!.GetValue<bool>())["available"]!.GetValue<bool>());
        Assert.Equal(jointAssignment["id"]!.GetValue<Guid>(), quinnItems.First(i => i["joint"]!.GetValue<bool>())["assignmentId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_danger_answer_in_a_draft_alerts_at_once_even_if_never_submitted()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var checkIn = await world.Counselor.BuiltInAsync(CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();

        var first = await client.SaveDraftAsync(id, DangerAnswers(checkIn));
        var again = await client.SaveDraftAsync(id, DangerAnswers(checkIn));

        Assert.True((await first.ReadJsonAsync())["showHelpResources"]!.GetValue<bool>());
        await again.EnsureStatusAsync(HttpStatusCode.OK);
        var alerts = await (await world.Counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync();
        Assert.Equal("Draft", Assert.Single(alerts["items"]!.AsArray())!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Safe_answers_raise_nothing_and_the_client_never_sees_which_answers_count_as_danger()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var checkIn = await world.Counselor.BuiltInAsync(CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();

        var submitted = await client.SubmitOkAsync(id, SafeAnswers(checkIn));

        Assert.False(submitted["showHelpResources"]!.GetValue<bool>());
        Assert.Equal(0, (await (await world.Counselor.GetAsync("/api/safety-alerts")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.DoesNotContain("dangerAnswers", (await client.DetailAsync(id)).ToJsonString());
        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, "SELECT count(*) FROM scale_answers WHERE screening AND dimension = 'Safety'"));
    }

    /// <summary>The mails sent to one address (unique per test), oldest first.</summary>
    internal static List<string> MailsTo(TestApp app, string address) => Directory.Exists(app.MailFolder)
        ? Directory.GetFiles(app.MailFolder).Order().Select(File.ReadAllText).Where(m => m.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList()
        : [];
}
