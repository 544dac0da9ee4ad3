using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Exercises;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

/// <summary>The homework API as the tests speak it.</summary>
internal static class HomeworkApi
{
    /// <summary>A couple exercise each partner does on their own (not joint), with a prompt of each kind.</summary>
    public static JsonObject SoloExercise(string title = "Noticing small kindnesses")
    {
        var body = ExerciseTestData.NewExercise(title);
        body["joint"] = false;
        body["suitability"] = "Either";
        return body;
    }

    public static async Task<JsonObject> NewExerciseAsync(this HttpClient counselor, JsonObject? body = null) =>
        await counselor.CreateExerciseAsync(body ?? SoloExercise());

    public static async Task<JsonObject> BuiltInAsync(this HttpClient counselor, string title)
    {
        var items = await counselor.ListAsync("&builtIn=true");
        var id = items.First(i => i["title"]!.GetValue<string>() == title)["id"]!.GetValue<Guid>();
        return await counselor.GetExerciseAsync(id);
    }

    public static async Task<JsonObject> AssignAsync(this HttpClient counselor, Guid caseId, Guid exerciseId, object? extra = null)
    {
        var body = new JsonObject { ["caseId"] = caseId, ["exerciseId"] = exerciseId };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializerNode(extra))
            {
                body[key] = value?.DeepClone();
            }
        }
        var response = await counselor.PostAsJsonAsync("/api/assignments", body);
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ApiClient.Json)!.AsObject();

    public static async Task<List<JsonObject>> MyItemsAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/me/assignments");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    public static async Task<Guid> OnlyItemIdAsync(this HttpClient client) =>
        Assert.Single(await client.MyItemsAsync())["id"]!.GetValue<Guid>();

    public static async Task<JsonObject> DetailAsync(this HttpClient caller, Guid id, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await caller.GetAsync($"/api/assignments/{id}");
        await response.EnsureStatusAsync(expected);
        return expected == HttpStatusCode.OK ? await response.ReadJsonAsync() : [];
    }

    public static Guid PromptId(JsonObject exercise, string kind) =>
        exercise["prompts"]!.AsArray().First(p => p!["kind"]!.GetValue<string>() == kind)!["id"]!.GetValue<Guid>();

    /// <summary>A full set of answers to <see cref="SoloExercise"/> (or any exercise built from ExerciseTestData.NewExercise).</summary>
    public static JsonObject Answers(JsonObject exercise, string text = "We laughed at dinner.", int scale = 7) => new()
    {
        ["answers"] = new JsonArray(
            new JsonObject { ["promptId"] = PromptId(exercise, "Text"), ["text"] = text },
            new JsonObject { ["promptId"] = PromptId(exercise, "Scale"), ["value"] = scale },
            new JsonObject { ["promptId"] = PromptId(exercise, "Checklist"), ["choices"] = new JsonArray("Listened", "Thanked") },
            new JsonObject { ["promptId"] = PromptId(exercise, "YesNo"), ["choices"] = new JsonArray("Yes") },
            new JsonObject { ["promptId"] = PromptId(exercise, "Choice"), ["choices"] = new JsonArray("Evening") }),
    };

    public static Task<HttpResponseMessage> SaveDraftAsync(this HttpClient client, Guid id, JsonObject body) =>
        client.PutAsJsonAsync($"/api/assignments/{id}/draft", body);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid id, JsonObject body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assignments/{id}/submit") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> SubmitOkAsync(this HttpClient client, Guid id, JsonObject body, string? key = null)
    {
        var response = await client.SubmitAsync(id, body, key);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task PostOkAsync(this HttpClient caller, string url, object? body = null)
    {
        var response = await caller.PostAsJsonAsync(url, body ?? new { });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>Rows of a homework table for this practice, counted as the app's own database role.</summary>
    public static async Task<long> CountAsync(TestApp app, Guid practiceId, string sql)
    {
        await using var connection = await app.Database.OpenAsAppRoleAsync(practiceId);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
