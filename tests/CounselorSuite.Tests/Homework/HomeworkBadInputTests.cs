using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

public sealed class HomeworkBadInputTests
{
    public static TheoryData<string, string> BadAnswers => new()
    {
        { "unknown-prompt", "answers[0].promptId" },
        { "scale-too-high", "answers[0].value" },
        { "scale-too-low", "answers[0].value" },
        { "choice-not-offered", "answers[0].choices" },
        { "two-choices-for-one", "answers[0].choices" },
        { "text-too-long", "answers[0].text" },
        { "text-for-a-scale", "answers[0].value" },
        { "same-prompt-twice", "answers[1].promptId" },
    };

    private static JsonObject Bad(string kind, JsonObject exercise)
    {
        JsonObject Answer(string promptKind, string field, JsonNode value) =>
            new() { ["promptId"] = HomeworkApi.PromptId(exercise, promptKind), [field] = value };
        var answers = kind switch
        {
            "unknown-prompt" => new JsonArray(new JsonObject { ["promptId"] = Guid.NewGuid(), ["text"] = "hello" }),
            "scale-too-high" => new JsonArray(Answer("Scale", "value", 11)),
            "scale-too-low" => new JsonArray(Answer("Scale", "value", -1)),
            "choice-not-offered" => new JsonArray(Answer("Checklist", "choices", new JsonArray("Shouted"))),
            "two-choices-for-one" => new JsonArray(Answer("Choice", "choices", new JsonArray("Morning", "Evening"))),
            "text-too-long" => new JsonArray(Answer("Text", "text", new string('a', 20_001))),
            "text-for-a-scale" => new JsonArray(Answer("Scale", "text", "seven")),
            "same-prompt-twice" => new JsonArray(Answer("Text", "text", "one"), Answer("Text", "text", "two")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new JsonObject { ["answers"] = answers };
    }

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_refused_naming_the_field_and_the_draft_and_submission_stay_as_they_were(string kind, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();
        (await client.SaveDraftAsync(id, HomeworkApi.Answers(exercise, "kept"))).EnsureSuccessStatusCode();

        var draft = await client.SaveDraftAsync(id, Bad(kind, exercise));
        var submit = await client.SubmitAsync(id, Bad(kind, exercise));

        foreach (var response in new[] { draft, submit })
        {
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field), field);
        }
        var detail = await client.DetailAsync(id);
        Assert.Equal("kept", detail["draft"]!["answers"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(1, detail["draft"]!["version"]!.GetValue<int>());
        Assert.Empty(detail["answers"]!.AsArray());
        Assert.Equal("InProgress", detail["occurrence"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_submit_naming_another_version_of_the_exercise_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();
        var body = HomeworkApi.Answers(exercise);
        body["exerciseVersion"] = 2;

        var response = await client.SubmitAsync(id, body);

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Empty((await client.DetailAsync(id))["answers"]!.AsArray());
        body["exerciseVersion"] = 1;
        await client.SubmitOkAsync(id, body);
    }

    [Fact]
    public async Task A_submit_with_no_answers_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = await world.Clients[0].Client.OnlyItemIdAsync();

        var response = await world.Clients[0].Client.SubmitAsync(id, new JsonObject { ["answers"] = new JsonArray() });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> BadAssignments => new()
    {
        { """{"caseId":"{case}"}""", "exerciseId" },
        { """{"caseId":"{case}","exerciseId":"{unknown}"}""", "exerciseId" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","clientIds":["{unknown}"]}""", "clientIds" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","dueAt":"2020-01-01T00:00:00Z"}""", "dueAt" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","recurrence":{"every":"Month","count":3}}""", "recurrence.every" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","recurrence":{"every":"Week","count":0}}""", "recurrence.count" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","recurrence":{"every":"Day","count":61}}""", "recurrence.count" },
        { """{"caseId":"{case}","exerciseId":"{exercise}","note":"{long}"}""", "note" },
    };

    [Theory]
    [MemberData(nameof(BadAssignments))]
    public async Task A_bad_assignment_is_refused_naming_the_field_and_nothing_is_assigned(string body, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var json = body.Replace("{case}", world.CaseId.ToString()).Replace("{exercise}", exercise["id"]!.ToString())
            .Replace("{unknown}", Guid.NewGuid().ToString()).Replace("{long}", new string('x', 2001));

        var response = await world.Counselor.PostAsync("/api/assignments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field), field);
        Assert.Equal(0, (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/assignments")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Empty(await world.Clients[0].Client.MyItemsAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = await world.Clients[0].Client.OnlyItemIdAsync();

        var response = await world.Clients[0].Client.PutAsync($"/api/assignments/{id}/draft",
            new StringContent("""{"answers":[{"promptId":"x","value":3.5}]}""", System.Text.Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }
}
