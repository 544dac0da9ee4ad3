using System.Net;
using System.Net.Http.Json;
using System.Text;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Measures;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// A measure's critical answer reaches the counselor the same way whether the client saves a draft or
/// submits, for every kind of critical rule and for scale and choice prompts alike.
/// </summary>
public sealed class CriticalRuleMatrixTests
{
    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var rule in new[] { "values", "atOrAbove", "atOrBelow" })
        {
            foreach (var prompt in new[] { "Scale", "Choice" })
            {
                foreach (var path in new[] { "draft", "submit" })
                {
                    data.Add(rule, prompt, path);
                }
            }
        }
        return data;
    }

    private static MeasureDocument Measure(string rule, string prompt)
    {
        var critical = rule switch
        {
            "values" => new MeasureCriticalDocument { Values = [5] },
            "atOrAbove" => new MeasureCriticalDocument { AtOrAbove = 5 },
            _ => new MeasureCriticalDocument { AtOrBelow = 0 },
        };
        MeasureItemDocument Item(string id, MeasureCriticalDocument? rule) => prompt == "Scale"
            ? new() { Id = id, Text = $"Item {id}", Range = new() { Min = 0, Max = 5 }, Critical = rule }
            : new() { Id = id, Text = $"Item {id}", Options = Enumerable.Range(0, 6).Select(v => new MeasureOptionDocument { Value = v, Label = $"Answer {v}" }).ToList(), Critical = rule };
        return new MeasureDocument
        {
            Key = "critical-matrix", Version = 1, Title = "Two items", HigherIsBetter = true,
            Items = [Item("c", critical), Item("f", null)],
            Scoring = new() { Method = "Sum" }, Source = "Test.", Licence = "Test.",
        };
    }

    private static object Answer(string prompt, Guid promptId, int value) => prompt == "Scale"
        ? new { promptId, value }
        : new { promptId, choices = new[] { $"Answer {value}" } };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_critical_answer_alerts_the_counselor_once_from_a_draft_or_a_submit(string rule, string prompt, string path)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        await (await world.Admin.PostAsync("/api/measures", new StringContent(MeasureValidator.ToJson(Measure(rule, prompt)), Encoding.UTF8, "application/json")))
            .EnsureStatusAsync(HttpStatusCode.Created);
        var (item, prompts) = await ItemAsync(client, await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = "critical-matrix" }));
        Assert.All(prompts, p => Assert.Equal(prompt, p!["kind"]!.GetValue<string>()));
        var critical = PromptId(prompts, p => p["key"]!.GetValue<string>() == "c");
        var filler = PromptId(prompts, p => p["key"]!.GetValue<string>() == "f");
        var danger = rule == "atOrBelow" ? 0 : 5;
        var harmless = 3;

        async Task<HttpResponseMessage> SendAsync(int value) => path == "draft"
            ? await client.PutAsJsonAsync($"/api/assignments/{item}/draft", new { answers = new[] { Answer(prompt, critical, value) } })
            : await SubmitAsync(client, item, [Answer(prompt, critical, value), Answer(prompt, filler, 2)]);

        if (path == "draft")
        {
            // A harmless draft first: no alert, no help resources.
            var calm = await SendAsync(harmless);
            await calm.EnsureStatusAsync(HttpStatusCode.OK);
            Assert.False((await calm.ReadJsonAsync())["showHelpResources"]!.GetValue<bool>());
            Assert.Equal(0, await OpenAlertsAsync(world.Counselor));
        }

        var response = await SendAsync(danger);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True((await response.ReadJsonAsync())["showHelpResources"]!.GetValue<bool>());
        Assert.Equal(1, await OpenAlertsAsync(world.Counselor));
    }
}
