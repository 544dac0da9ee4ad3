using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Exercises;

internal static class ExerciseTestData
{
    /// <summary>A valid custom exercise with one prompt of each kind.</summary>
    public static JsonObject NewExercise(string title = "Our evening check-in", string instructions = "Sit together for ten minutes after dinner.") => new()
    {
        ["title"] = title,
        ["category"] = "TrustSmallActs",
        ["summary"] = "A short daily talk about the day.",
        ["instructions"] = instructions,
        ["suitability"] = "Couple",
        ["joint"] = true,
        ["estimatedMinutes"] = 10,
        ["steps"] = new JsonArray("Put phones away.", "Take turns."),
        ["prompts"] = new JsonArray(
            new JsonObject { ["kind"] = "Text", ["text"] = "What went well today?" },
            new JsonObject { ["kind"] = "Scale", ["text"] = "How heard did you feel?", ["dimension"] = "HonestCommunication", ["min"] = 0, ["max"] = 10, ["minLabel"] = "Not at all", ["maxLabel"] = "Fully" },
            new JsonObject { ["kind"] = "Checklist", ["text"] = "What did you do?", ["options"] = new JsonArray("Listened", "Asked", "Thanked") },
            new JsonObject { ["kind"] = "YesNo", ["text"] = "Would you do it again?" },
            new JsonObject { ["kind"] = "Choice", ["text"] = "When?", ["options"] = new JsonArray("Morning", "Evening") }),
    };

    public static async Task<JsonObject> CreateExerciseAsync(this HttpClient staff, JsonObject? body = null)
    {
        var response = await staff.PostAsJsonAsync("/api/exercises", body ?? NewExercise());
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonObject> GetExerciseAsync(this HttpClient staff, Guid id)
    {
        var response = await staff.GetAsync($"/api/exercises/{id}");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<List<JsonObject>> ListAsync(this HttpClient staff, string query = "")
    {
        var response = await staff.GetAsync("/api/exercises?pageSize=100" + query);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    /// <summary>An edit body from an exercise as GET returns it (ids of prompts kept, version as loaded).</summary>
    public static JsonObject EditOf(JsonObject exercise)
    {
        var body = new JsonObject
        {
            ["version"] = exercise["version"]!.GetValue<int>(),
            ["title"] = exercise["title"]!.GetValue<string>(),
            ["category"] = exercise["category"]!.GetValue<string>(),
            ["summary"] = exercise["summary"]!.GetValue<string>(),
            ["instructions"] = exercise["instructions"]!.GetValue<string>(),
            ["suitability"] = exercise["suitability"]!.GetValue<string>(),
            ["joint"] = exercise["joint"]!.GetValue<bool>(),
            ["estimatedMinutes"] = exercise["estimatedMinutes"]?.GetValue<int>(),
            ["steps"] = exercise["steps"]!.DeepClone(),
            ["safetyScreening"] = exercise["safetyScreening"]!.GetValue<bool>(),
            ["pointsToResources"] = exercise["pointsToResources"]!.GetValue<bool>(),
            ["prompts"] = new JsonArray(exercise["prompts"]!.AsArray().Select(p =>
            {
                var copy = p!.AsObject().DeepClone().AsObject();
                foreach (var key in copy.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
                {
                    copy.Remove(key);
                }
                return (JsonNode)copy;
            }).ToArray()),
        };
        return body;
    }
}
