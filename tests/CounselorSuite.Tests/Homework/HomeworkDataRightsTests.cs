using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.DataRights;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

public sealed class HomeworkDataRightsTests
{
    [Fact]
    public async Task A_clients_export_holds_their_own_answers_and_feedback_and_never_the_partners_even_when_shared()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var (rileyId, _, riley) = world.Clients[0];
        var quinn = world.Clients[1].Client;
        var rileyItem = await riley.OnlyItemIdAsync();
        var quinnItem = await quinn.OnlyItemIdAsync();
        await riley.SubmitOkAsync(rileyItem, HomeworkApi.Answers(exercise, "Riley-own-words"));
        await quinn.SubmitOkAsync(quinnItem, HomeworkApi.Answers(exercise, "Quinn-shared-words"));
        await quinn.PostOkAsync($"/api/assignments/{quinnItem}/share");
        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{rileyItem}/review", new { comment = "Feedback-for-Riley" })).EnsureSuccessStatusCode();

        var requested = await riley.PostAsync($"/api/clients/{rileyId}/export", null);
        var exportId = (await requested.ReadJsonAsync())["id"]!.GetValue<Guid>();
        await ExportTests.RunExportJobAsync(app, world.Practice.PracticeId, exportId);
        var files = ExportTests.Unzip(await (await riley.GetAsync($"/api/exports/{exportId}/zip")).Content.ReadAsByteArrayAsync());

        var homework = files["homework/items.json"];
        Assert.Contains("Riley-own-words", homework);
        Assert.Contains("Feedback-for-Riley", homework);
        Assert.DoesNotContain("Quinn-shared-words", string.Concat(files.Values));
        var item = JsonNode.Parse(homework)!.AsArray().Single()!;
        Assert.Equal(rileyItem, item["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Erasing_a_client_removes_their_words_and_keeps_the_partners()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var (rileyId, _, riley) = world.Clients[0];
        var quinn = world.Clients[1].Client;
        await riley.SubmitOkAsync(await riley.OnlyItemIdAsync(), HomeworkApi.Answers(exercise, "Riley-erasable"));
        await quinn.SubmitOkAsync(await quinn.OnlyItemIdAsync(), HomeworkApi.Answers(exercise, "Quinn-stays"));

        var erased = await world.Admin.PostAsJsonAsync($"/api/clients/{rileyId}/erasure", new { @override = true, reason = "Written request" });

        await erased.EnsureStatusAsync(HttpStatusCode.OK);
        var detail = (await world.Counselor.DetailAsync(assignment["id"]!.GetValue<Guid>())).ToJsonString();
        Assert.DoesNotContain("Riley-erasable", detail);
        Assert.Contains("Quinn-stays", detail);
    }
}
