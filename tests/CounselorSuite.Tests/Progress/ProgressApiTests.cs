using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Measures;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>GET /api/clients/{id}/progress: series from scale answers, roll-ups, measures, adherence, and who may read it.</summary>
public sealed class ProgressApiTests
{
    private static readonly DateTimeOffset Monday = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_submitted_scale_answer_feeds_its_dimension_normalised_with_its_raw_value_and_scale()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });

        await RateDecisionsAsync(client.Client, assignment, 4);

        foreach (var reader in new[] { client.Client, world.Counselor })
        {
            var decisions = Dimension(await ProgressAsync(reader, client.Id), "SharedDecisions")!;
            var point = decisions["points"]!.AsArray().Single()!;
            Assert.Equal("Shared decision-making", decisions["label"]!.GetValue<string>());
            Assert.Equal(50, point["value"]!.GetValue<double>()); // 4 on 1..7 is half way
            Assert.Equal(4, point["raw"]!.GetValue<int>());
            Assert.Equal(1, point["min"]!.GetValue<int>());
            Assert.Equal(7, point["max"]!.GetValue<int>());
            Assert.Equal(DecisionsExercise, point["source"]!.GetValue<string>());
            Assert.Null(decisions["weekly"]);
        }
    }

    [Fact]
    public async Task A_long_series_comes_as_weekly_means_every_answer_on_request_and_from_and_to_narrow_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        // 30 weeks, Monday and Thursday: 2 and 8 on Monday's honesty item, 5 on Thursday's.
        var times = Enumerable.Range(0, 30).SelectMany(w => new[] { Monday.AddDays(7 * w), Monday.AddDays(7 * w + 3) }).ToList();
        await SeedCheckInsAsync(app, world, client.Id, times, (i, item) => item == "honesty" ? (i % 2 == 0 ? (i % 4 == 0 ? 2 : 8) : 5) : 6);

        // By default a series longer than 26 weeks is one point per week: its mean, with how many answers made it.
        var progress = await ProgressAsync(world.Counselor, client.Id);
        var honesty = Dimension(progress, "HonestCommunication")!;
        Assert.Equal("Week", honesty["resolution"]!.GetValue<string>());
        var weeks = honesty["points"]!.AsArray();
        Assert.Equal(30, weeks.Count);
        Assert.Equal("2025-01-06", weeks[0]!["weekOf"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), weeks[0]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(35, weeks[0]!["value"]!.GetValue<double>()); // mean of 20 and 50
        Assert.Equal(2, weeks[0]!["count"]!.GetValue<int>());
        Assert.Equal(65, weeks[1]!["value"]!.GetValue<double>()); // mean of 80 and 50
        Assert.Null(weeks[0]!["raw"]);
        Assert.Null(honesty["weekly"]);
        Assert.Equal(10, progress["dimensions"]!.AsArray().Count);

        // Every answer on request, with the weekly means beside them.
        var everyAnswer = Dimension(await ProgressAsync(world.Counselor, client.Id, "?resolution=answer"), "HonestCommunication")!;
        Assert.Equal("Answer", everyAnswer["resolution"]!.GetValue<string>());
        Assert.Equal(60, everyAnswer["points"]!.AsArray().Count);
        Assert.Equal(2, everyAnswer["points"]![0]!["raw"]!.GetValue<int>());
        Assert.Equal(weeks.ToJsonString(), JsonSerializerRoundTrip(everyAnswer["weekly"]!.AsArray()));

        // A short range is every answer.
        var narrowed = await ProgressAsync(world.Counselor, client.Id, "?from=2025-01-13T00:00:00Z&to=2025-01-26T23:59:59Z");
        var points = Dimension(narrowed, "HonestCommunication")!["points"]!.AsArray();
        Assert.Equal("Answer", Dimension(narrowed, "HonestCommunication")!["resolution"]!.GetValue<string>());
        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.InRange(p!["at"]!.GetValue<DateTimeOffset>(), Monday.AddDays(7), Monday.AddDays(21)));
        Assert.Null(Dimension(narrowed, "HonestCommunication")!["weekly"]);

        var backwards = await world.Counselor.GetAsync($"/api/clients/{client.Id}/progress?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        await backwards.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", (await backwards.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        await (await world.Counselor.GetAsync($"/api/clients/{client.Id}/progress?format=xls")).EnsureStatusAsync(HttpStatusCode.BadRequest);
        var badResolution = await world.Counselor.GetAsync($"/api/clients/{client.Id}/progress?resolution=month");
        await badResolution.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("resolution", (await badResolution.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Weekly_means_of_a_range_starting_and_ending_mid_week_hold_only_the_answers_inside_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        // Daily for 40 weeks, a value that changes every day, so a week cut short has another mean.
        var times = Enumerable.Range(0, 280).Select(d => Monday.AddDays(d)).ToList();
        await SeedCheckInsAsync(app, world, client.Id, times, (i, item) => item == "honesty" ? i % 11 : 5);
        // Thursday of week 2 to Tuesday of week 38, 13:00: both ends cut a week in two.
        const string range = "?from=2025-01-16T13:00:00Z&to=2025-09-23T13:00:00Z";

        var weekly = Dimension(await ProgressAsync(world.Counselor, client.Id, range + "&resolution=week"), "HonestCommunication")!["points"]!.AsArray();
        var answers = Dimension(await ProgressAsync(world.Counselor, client.Id, range + "&resolution=answer"), "HonestCommunication")!["points"]!.AsArray();

        var expected = answers
            .Select(a => (At: a!["at"]!.GetValue<DateTimeOffset>(), Value: a["raw"]!.GetValue<int>() * 10.0))
            .GroupBy(a => DateOnly.FromDateTime(a.At.UtcDateTime.Date.AddDays(-(((int)a.At.UtcDateTime.DayOfWeek + 6) % 7))))
            .OrderBy(g => g.Key)
            .Select(g => (WeekOf: g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Mean: Math.Round(g.Average(a => a.Value), 1), Count: g.Count()))
            .ToList();
        Assert.Equal(new DateTimeOffset(2025, 1, 17, 9, 0, 0, TimeSpan.Zero), answers[0]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2025, 9, 23, 9, 0, 0, TimeSpan.Zero), answers[^1]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(expected, weekly.Select(w => (w!["weekOf"]!.GetValue<string>(), w["value"]!.GetValue<double>(), w["count"]!.GetValue<int>())).ToList());
        Assert.Equal(3, expected[0].Count);  // Friday to Sunday of the first week
        Assert.Equal(2, expected[^1].Count); // Monday and Tuesday of the last
    }

    [Fact]
    public async Task A_measure_assigned_weekly_is_answered_like_prompts_and_scored_on_submission()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];

        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = BuiltInMeasures.CheckInKey, recurrence = new { every = "Week", count = 8 } });
        var listed = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/assignments")).ReadJsonAsync();
        var (item, prompts) = await ItemAsync(client.Client, assignment);
        var values = new Dictionary<string, int>
        {
            ["honesty"] = 8, ["reliability"] = 6, ["boundaries"] = 7, ["availability"] = 5,
            ["equality"] = 4, ["decisions"] = 6, ["autonomy"] = 9, ["support"] = 3, ["consent"] = 9, ["safety"] = 8,
        };
        var answers = prompts.Select(p => (object)new { promptId = p!["id"]!.GetValue<Guid>(), value = values[p["key"]!.GetValue<string>()] }).ToList();
        var submitted = await SubmitAsync(client.Client, item, answers);

        await submitted.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False((await submitted.ReadJsonAsync())["showHelpResources"]!.GetValue<bool>());
        var entry = listed["items"]!.AsArray().Single()!;
        Assert.Equal("Measure", entry["kind"]!.GetValue<string>());
        Assert.Equal(8, entry["recurrence"]!["count"]!.GetValue<int>());
        Assert.Equal(10, prompts.Count);
        Assert.All(prompts, p => Assert.Equal("Scale", p!["kind"]!.GetValue<string>()));
        var progress = await ProgressAsync(client.Client, client.Id);
        var measure = progress["measures"]!.AsArray().Single()!;
        Assert.Equal(BuiltInMeasures.CheckInKey, measure["key"]!.GetValue<string>());
        var result = measure["results"]!.AsArray().Single()!;
        Assert.Equal(6, result["total"]!.GetValue<double>()); // mean of the eight relationship items: 48 / 8
        Assert.Null(result["band"]);
        var subscales = result["subscales"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!["score"]!.GetValue<double>());
        Assert.Equal(6.5, subscales["trust"]);
        Assert.Equal(5.5, subscales["balanced-power"]);
        Assert.Null(measure["reliableChange"]); // our check-in has no reliability figures
        Assert.Equal(10, progress["dimensions"]!.AsArray().Count);
        Assert.Equal(30, Dimension(progress, "MutualSupport")!["points"]![0]!["value"]!.GetValue<double>());
        Assert.Equal("Weekly relationship check-in", Dimension(progress, "Safety")!["points"]![0]!["source"]!.GetValue<string>());
        // The carrier exercise is not part of the library the counselor browses.
        var library = await (await world.Counselor.GetAsync("/api/exercises?pageSize=100&includeArchived=true")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Weekly relationship check-in", library);
    }

    [Fact]
    public async Task A_measures_critical_item_raises_a_safety_alert_for_the_counselor()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = BuiltInMeasures.CheckInKey });
        var (item, prompts) = await ItemAsync(client.Client, assignment);
        Assert.Equal(0, await OpenAlertsAsync(world.Counselor));

        var answers = prompts.Select(p => (object)new { promptId = p!["id"]!.GetValue<Guid>(), value = p["key"]!.GetValue<string>() == "safety" ? 1 : 7 }).ToList();
        var submitted = await SubmitAsync(client.Client, item, answers);

        await submitted.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True((await submitted.ReadJsonAsync())["showHelpResources"]!.GetValue<bool>());
        Assert.Equal(1, await OpenAlertsAsync(world.Counselor));
        Assert.Single((await ProgressAsync(world.Counselor, client.Id))["measures"]!.AsArray());
    }

    [Fact]
    public async Task An_imported_measure_with_answer_options_gets_its_band_and_its_critical_item_raises_an_alert()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        await (await world.Admin.PostAsync("/api/measures", new StringContent(MeasureValidator.ToJson(TestMeasures.DepressionScreen()), Encoding.UTF8, "application/json")))
            .EnsureStatusAsync(HttpStatusCode.Created);
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = "depression-screen-9" });
        var (item, prompts) = await ItemAsync(client.Client, assignment);

        // Items 1-8 answered 1 ("Answer 1"), item 9 answered 2: a total of 10, "Moderate", item 9 critical.
        var answers = prompts.Select(p => (object)new
        {
            promptId = p!["id"]!.GetValue<Guid>(), choices = new[] { p["key"]!.GetValue<string>() == "9" ? "Answer 2" : "Answer 1" },
        }).ToList();
        var submitted = await SubmitAsync(client.Client, item, answers);

        await submitted.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.All(prompts, p => Assert.Equal("Choice", p!["kind"]!.GetValue<string>()));
        var result = (await ProgressAsync(world.Counselor, client.Id))["measures"]![0]!["results"]![0]!;
        Assert.Equal(10, result["total"]!.GetValue<double>());
        Assert.Equal("Moderate", result["band"]!.GetValue<string>());
        Assert.False(result["concern"]!.GetValue<bool>());
        Assert.Equal(1, await OpenAlertsAsync(world.Counselor));
    }

    [Fact]
    public async Task A_measure_with_an_item_left_out_is_refused_and_nothing_is_saved()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = BuiltInMeasures.CheckInKey });
        var (item, prompts) = await ItemAsync(client.Client, assignment);

        var answers = prompts.Where(p => p!["key"]!.GetValue<string>() != "support").Select(p => (object)new { promptId = p!["id"]!.GetValue<Guid>(), value = 5 }).ToList();
        var response = await SubmitAsync(client.Client, item, answers);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var progress = await ProgressAsync(client.Client, client.Id);
        Assert.Empty(progress["dimensions"]!.AsArray());
        Assert.Empty(progress["measures"]!.AsArray());
        await (await world.Counselor.PostAsJsonAsync("/api/assignments", new { caseId = world.CaseId, measureKey = "no-such-measure" })).EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Adherence_counts_items_done_by_their_due_date_per_client_and_per_assignment()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        var now = DateTimeOffset.UtcNow;
        // Three weekly check-ins written for the past: due Monday+7, +14, +21; the history writes them all as submitted on time.
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-40);
        await SeedCheckInsAsync(app, world, client.Id, [start.AddDays(6), start.AddDays(13), start.AddDays(20)], (_, _) => 5);

        var adherence = (await ProgressAsync(client.Client, client.Id))["adherence"]!;

        Assert.Equal(3, adherence["due"]!.GetValue<int>());
        Assert.Equal(3, adherence["onTime"]!.GetValue<int>());
        Assert.Equal(1.0, adherence["share"]!.GetValue<double>());
        var perAssignment = adherence["assignments"]!.AsArray().Single()!;
        Assert.Equal("Weekly relationship check-in", perAssignment["title"]!.GetValue<string>());
        Assert.Equal("Measure", perAssignment["kind"]!.GetValue<string>());
        Assert.Equal(3, adherence["weeks"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_CSV_and_JSON_exports_hold_the_same_answers_and_values_as_the_chart_data()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        var times = Enumerable.Range(0, 6).Select(w => Monday.AddDays(7 * w)).ToList();
        await SeedCheckInsAsync(app, world, client.Id, times, (i, item) => (i + item.Length) % 11);

        var progress = await ProgressAsync(world.Counselor, client.Id);
        var csv = await world.Counselor.GetAsync($"/api/clients/{client.Id}/progress.csv");
        var json = await client.Client.GetAsync($"/api/clients/{client.Id}/progress?format=json");

        await csv.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("export-", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,dimension,measure,raw_value,normalised_value,scale_min,scale_max", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var expected = progress["dimensions"]!.AsArray()
            .SelectMany(d => d!["points"]!.AsArray().Select(p => (
                At: p!["at"]!.GetValue<DateTimeOffset>(), Label: d["label"]!.GetValue<string>(), Raw: p["raw"]!.GetValue<int>(), Value: p["value"]!.GetValue<double>())))
            .ToList();
        Assert.Equal(60, rows.Count);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var at = DateTimeOffset.Parse(row[0], CultureInfo.InvariantCulture);
            var match = expected.Single(e => e.At == at && e.Label == row[1]);
            Assert.Equal("Weekly relationship check-in", row[2]);
            Assert.Equal(match.Raw.ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal(match.Value, double.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(["0", "10"], row[5..7]);
        }
        await json.EnsureStatusAsync(HttpStatusCode.OK);
        var exported = JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        Assert.Equal(progress["dimensions"]!.ToJsonString(), exported["dimensions"]!.ToJsonString());
        Assert.Equal(progress["measures"]!.ToJsonString(), exported["measures"]!.ToJsonString());
        await (await client.Client.GetAsync($"/api/clients/{client.Id}/progress.json")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Progress_and_exports_of_a_client_outside_the_callers_reach_are_404()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var other = await app.CreateWorldAsync();
        var (a, b) = (world.Clients[0], world.Clients[1]);
        var (colleagueId, colleagueEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        using var colleague = await app.SignInAsync(colleagueEmail);
        await SeedCheckInsAsync(app, world, a.Id, [Monday], (_, _) => 5);

        foreach (var (caller, target) in new[]
        {
            (b.Client, a.Id),                     // the partner: a client reads only their own progress here
            (world.Admin, a.Id),                  // the practice admin is not the client's counselor
            (colleague, a.Id),                    // a counselor of the practice, not of this case
            (other.Counselor, a.Id),              // another practice's counselor
            (other.Clients[0].Client, a.Id),      // another practice's client
            (world.Counselor, other.Clients[0].Id), // another practice's client, asked for by id
            (world.Counselor, Guid.NewGuid()),
        })
        {
            foreach (var path in new[] { "progress", "progress.csv", "progress.json", "progress?format=csv" })
            {
                await (await caller.GetAsync($"/api/clients/{target}/{path}")).EnsureStatusAsync(HttpStatusCode.NotFound);
            }
        }
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/clients/{a.Id}/progress")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.NotEqual(Guid.Empty, colleagueId);
    }

    /// <summary>The weekly list of resolution "Answer" as points of resolution "Week" write them, to compare the two.</summary>
    private static string JsonSerializerRoundTrip(JsonArray weekly) =>
        new JsonArray(weekly.Select(w => (JsonNode)new JsonObject
        {
            ["at"] = w!["at"]!.DeepClone(), ["value"] = w["value"]!.DeepClone(), ["weekOf"] = w["weekOf"]!.DeepClone(), ["count"] = w["count"]!.DeepClone(),
        }).ToArray()).ToJsonString();
}
