using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

/// <summary>The portal and counselor pages without JavaScript, as a phone browser posts them.</summary>
public sealed partial class HomeworkPageTests
{
    private static Dictionary<string, string> Fields(JsonObject exercise, string text, int scale = 6, string? token = null)
    {
        var fields = new Dictionary<string, string>
        {
            [$"answers[{HomeworkApi.PromptId(exercise, "Text")}]"] = text,
            [$"answers[{HomeworkApi.PromptId(exercise, "Scale")}]"] = scale.ToString(),
            [$"answers[{HomeworkApi.PromptId(exercise, "Checklist")}]"] = "Asked",
            [$"answers[{HomeworkApi.PromptId(exercise, "YesNo")}]"] = "No",
            [$"answers[{HomeworkApi.PromptId(exercise, "Choice")}]"] = "Morning",
        };
        if (token is not null)
        {
            fields["submissionToken"] = token;
        }
        return fields;
    }

    [Fact]
    public async Task A_client_saves_without_javascript_comes_back_on_another_device_submits_twice_and_reads_the_feedback()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = DateTimeOffset.UtcNow.AddDays(2) });
        var id = await world.Clients[0].Client.OnlyItemIdAsync();
        var url = $"/portal/homework/{id}";
        using (var phone = await Browser.SignedInAsync(app, world.Clients[0].Email))
        {
            var home = await phone.PageAsync("/portal");
            Assert.Contains(url, Html.Section(home, "homework"));
            Assert.Contains("Due soon", home);
            Assert.Equal("Home", Html.Title(home));
            var page = await phone.PageAsync(url);
            Assert.Equal("Task", Html.Title(page));
            Assert.Contains("Sit together for ten minutes", page);

            var saved = await phone.PostFormAsync(url, Fields(exercise, "Written on the bus"), "?handler=Save");
            await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        }

        using var laptop = await Browser.SignedInAsync(app, world.Clients[0].Email);
        var restored = await laptop.PageAsync(url);
        Assert.Contains("Written on the bus</textarea>", restored);
        Assert.Matches(new Regex($"""value="6" checked="checked"|checked="checked"[^>]*value="6"""), restored);
        var token = Html.ValueOf(restored, "submission-token");

        var html = await laptop.PageAsync(url);
        var fields = Fields(exercise, "Final words", token: token);
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(html);
        var first = await laptop.PostRawAsync(url + "?handler=Submit", fields);
        var second = await laptop.PostRawAsync(url + "?handler=Submit", fields);
        await first.EnsureStatusAsync(HttpStatusCode.Redirect);
        await second.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, $"SELECT count(*) FROM homework_submissions WHERE occurrence_id = '{id}'"));

        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{id}/review", new { comment = "Thank you for the detail." })).EnsureSuccessStatusCode();
        var home2 = await laptop.PageAsync("/portal");
        Assert.Contains("1 new reply", home2);
        Assert.Contains("Done", home2);
        var done = await laptop.PageAsync(url);
        Assert.Contains("What you wrote", done);
        Assert.Contains("Final words</textarea>", Html.Section(done, "my-answers"));
        Assert.Contains("Thank you for the detail.", done);
        Assert.DoesNotContain("id=\"homework-form\"", done);
    }

    [Fact]
    public async Task A_bad_answer_on_the_page_keeps_what_was_typed_and_saves_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = await world.Clients[0].Client.OnlyItemIdAsync();
        using var browser = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var response = await browser.PostFormAsync($"/portal/homework/{id}", Fields(exercise, "Keep me", scale: 42), "?handler=Save");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Keep me</textarea>", html);
        Assert.Contains("between 0 and 10", html);
        Assert.Equal(0, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, $"SELECT count(*) FROM homework_drafts WHERE occurrence_id = '{id}'"));
    }

    [Fact]
    public async Task On_the_pages_a_partner_gets_404_for_the_others_unshared_answers_and_reads_them_once_shared()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var rileyItem = await world.Clients[0].Client.OnlyItemIdAsync();
        await world.Clients[0].Client.SubmitOkAsync(rileyItem, HomeworkApi.Answers(exercise, "Riley page words"));
        using var riley = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var quinn = await Browser.SignedInAsync(app, world.Clients[1].Email);
        var quinnItem = await world.Clients[1].Client.OnlyItemIdAsync();

        await quinn.PageAsync($"/portal/homework/{rileyItem}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Riley page words", await quinn.PageAsync($"/portal/homework/{quinnItem}"));

        var shared = await riley.PostFormAsync($"/portal/homework/{rileyItem}", new() { ["share"] = "true" }, "?handler=Share");
        await shared.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Riley page words", await quinn.PageAsync($"/portal/homework/{rileyItem}"));
        Assert.Contains("Riley page words", await quinn.PageAsync($"/portal/homework/{quinnItem}"));

        var unshared = await riley.PostFormAsync($"/portal/homework/{rileyItem}", new() { ["share"] = "false" }, "?handler=Share");
        await unshared.EnsureStatusAsync(HttpStatusCode.Redirect);
        await quinn.PageAsync($"/portal/homework/{rileyItem}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_danger_answer_saved_on_the_page_shows_help_at_once_and_reaches_the_counselors_dashboard_only()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>(), new { clientIds = new[] { world.Clients[0].Id } });
        var id = await world.Clients[0].Client.OnlyItemIdAsync();
        using var riley = await Browser.SignedInAsync(app, world.Clients[0].Email);
        var before = await riley.PageAsync($"/portal/homework/{id}");
        Assert.Contains("id=\"help-now\"", before); // the check-in points to help resources from the start

        var saved = await riley.PostFormAsync($"/portal/homework/{id}", new()
        {
            [$"answers[{SafetyAlertTests.Prompt(checkIn, "p1")}]"] = "No",
        }, "?handler=Save");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);

        var after = await riley.PageAsync($"/portal/homework/{id}");
        Assert.DoesNotMatch("id=\"help-now\"[^>]*hidden", after);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var dashboard = await counselor.PageAsync("/counselor");
        Assert.Contains("Clients who need your attention (1)", dashboard);
        using var quinn = await Browser.SignedInAsync(app, world.Clients[1].Email);
        var quinnHome = await quinn.PageAsync("/portal");
        Assert.DoesNotContain(SafetyAlertTests.CheckIn, quinnHome);
        await quinn.PageAsync($"/portal/homework/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_counselor_assigns_from_the_case_page_sees_both_partners_side_by_side_and_reviews()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var casePage = $"/counselor/cases/{world.CaseId}/homework";

        var assigned = await counselor.PostFormAsync(casePage, new()
        {
            ["ExerciseId"] = exercise["id"]!.ToString(),
            ["Every"] = "Week",
            ["Count"] = "4",
            ["Note"] = "One a week",
        }, $"/counselor/cases/{world.CaseId}/assign");
        var landed = await counselor.FollowAsync(assigned);
        Assert.Contains("Assigned: Noticing small kindnesses.", Html.TextOf(landed, "case-status"));
        var section = Html.Section(landed, "homework");
        Assert.Contains("Noticing small kindnesses", section);
        Assert.Contains("Every week, 4 times", section);

        foreach (var (_, _, client) in world.Clients)
        {
            await client.SubmitOkAsync(await client.OnlyItemIdAsync(), HomeworkApi.Answers(exercise, $"Words of {client.GetHashCode()}"));
        }
        var assignmentId = (await world.Counselor.MyCaseAssignmentIdAsync(world.CaseId));
        var page = await counselor.PageAsync($"/counselor/homework/{assignmentId}");
        var step = Html.Section(page, "step-1");
        Assert.Equal(2, Regex.Count(step, "class=\"client-answers\""));
        var occurrence = Regex.Match(step, "name=\"occurrenceId\" value=\"([^\"]+)\"").Groups[1].Value;

        var reviewed = await counselor.PostFormAsync($"/counselor/homework/{assignmentId}",
            new() { ["occurrenceId"] = occurrence, ["comment"] = "Seen, thank you" }, "?handler=Review");
        await reviewed.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Seen, thank you", await counselor.PageAsync($"/counselor/homework/{assignmentId}"));
        var adherence = Html.TextOf(await counselor.PageAsync(casePage), "adherence");
        Assert.Contains("nothing due yet", adherence); // submitted early, first week not yet due
    }

    [Fact]
    public async Task Clients_and_strangers_cannot_open_the_counselors_homework_pages()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var other = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var stranger = await Browser.SignedInAsync(app, other.CounselorEmail);
        using var strangerClient = await Browser.SignedInAsync(app, other.Clients[0].Email);
        var item = await world.Clients[0].Client.OnlyItemIdAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/counselor/homework/{assignment["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/counselor/homework/{assignment["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/portal/homework/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/portal/homework/{item}")).StatusCode);
    }
}

internal static class CaseAssignments
{
    public static async Task<Guid> MyCaseAssignmentIdAsync(this HttpClient counselor, Guid caseId)
    {
        var list = await (await counselor.GetAsync($"/api/cases/{caseId}/assignments")).ReadJsonAsync();
        return list["items"]![0]!["id"]!.GetValue<Guid>();
    }
}
