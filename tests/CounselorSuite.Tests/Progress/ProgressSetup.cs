using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Progress;

/// <summary>Set-up steps for progress tests: homework through the real API, and months of history written as the submission flow writes it.</summary>
internal static class ProgressSetup
{
    public const string DecisionsExercise = "A week of everyday decisions"; // SharedDecisions on a 1-7 scale

    public static async Task<Guid> ExerciseIdAsync(HttpClient counselor, string title)
    {
        var list = await (await counselor.GetAsync("/api/exercises?pageSize=100")).ReadJsonAsync();
        return list["items"]!.AsArray().Single(e => e!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<Guid>();
    }

    /// <summary>Assigns (an exercise or a measure) to the given clients; returns the assignment id.</summary>
    public static async Task<Guid> AssignAsync(HttpClient counselor, object body)
    {
        var response = await counselor.PostAsJsonAsync("/api/assignments", body);
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>The client's current item of an assignment with its prompts (id, kind, key, options).</summary>
    public static async Task<(Guid ItemId, JsonArray Prompts)> ItemAsync(HttpClient client, Guid assignmentId)
    {
        var detail = await (await client.GetAsync($"/api/assignments/{assignmentId}")).ReadJsonAsync();
        return (detail["id"]!.GetValue<Guid>(), detail["exercise"]!["prompts"]!.AsArray());
    }

    public static Guid PromptId(JsonArray prompts, Func<JsonNode, bool> which) => prompts.First(p => which(p!))!["id"]!.GetValue<Guid>();

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid itemId, IEnumerable<object> answers) =>
        client.PostAsJsonAsync($"/api/assignments/{itemId}/submit", new { answers });

    /// <summary>Answers the decisions exercise's scale (1-7) and submits; returns the item id.</summary>
    public static async Task<Guid> RateDecisionsAsync(HttpClient client, Guid assignmentId, int value)
    {
        var (item, prompts) = await ItemAsync(client, assignmentId);
        var scale = PromptId(prompts, p => p["kind"]!.GetValue<string>() == "Scale");
        await (await SubmitAsync(client, item, [new { promptId = scale, value }])).EnsureStatusAsync(HttpStatusCode.OK);
        return item;
    }

    /// <summary>
    /// Writes weekly-or-denser check-ins (our built-in measure) at the given times, each answer from
    /// <paramref name="value"/>(index, item id), as the submission flow stores them.
    /// </summary>
    public static Task SeedCheckInsAsync(TestApp app, PracticeWorld world, Guid clientId, IReadOnlyList<DateTimeOffset> times, Func<int, string, int> value) =>
        app.InPracticeAsync(world.Practice.PracticeId, (IServiceProvider services) => SeedCheckInsAsync(services, world, clientId, times, value));

    private static async Task SeedCheckInsAsync(IServiceProvider services, PracticeWorld world, Guid clientId, IReadOnlyList<DateTimeOffset> times, Func<int, string, int> value)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var (version, measure) = (await MeasureForms.EnsureAsync(db, clock, BuiltInMeasures.CheckInKey, null, CancellationToken.None))!.Value;
        var assignment = MeasureHistory.NewAssignment(world.Practice.PracticeId, version, world.CaseId, clientId, world.CounselorId,
            times[0].AddDays(-7), times.Count, clock.GetUtcNow());
        db.Assignments.Add(assignment);
        var occurrences = assignment.Occurrences.OrderBy(o => o.Sequence).ToList();
        for (var i = 0; i < times.Count; i++)
        {
            var answers = version.Prompts.Select(p => new PromptAnswer(p.Id, null, value(i, p.Key!), null)).ToList();
            MeasureHistory.AddSubmitted(db, version, measure, occurrences[i], times[i], answers);
        }
        await db.SaveChangesAsync();
    }

    public static async Task<JsonObject> ProgressAsync(HttpClient client, Guid clientId, string query = "")
    {
        var response = await client.GetAsync($"/api/clients/{clientId}/progress{query}");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static JsonObject? Dimension(JsonObject progress, string name) =>
        progress["dimensions"]!.AsArray().FirstOrDefault(d => d!["name"]!.GetValue<string>() == name)?.AsObject();

    public static async Task<int> OpenAlertsAsync(HttpClient counselor)
    {
        var alerts = await (await counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync();
        return alerts["items"]!.AsArray().Count;
    }

    public static Task<int> CountAsync<T>(TestApp app, Guid practiceId, Func<AppDbContext, IQueryable<T>> query) =>
        app.InPracticeAsync(practiceId, (AppDbContext db) => query(db).CountAsync());
}
