using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Exercises;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

public sealed class AssignmentFlowTests
{
    [Fact]
    public async Task A_weekly_assignment_gives_each_partner_their_own_items_pinned_to_the_version_assigned()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        var dueAt = DateTimeOffset.UtcNow.AddDays(7);

        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(),
            new { dueAt, recurrence = new { every = "Week", count = 3 }, note = "Try it after dinner." });

        Assert.Equal(1, assignment["exerciseVersion"]!.GetValue<int>());
        Assert.Equal(exercise["versionId"]!.GetValue<Guid>(), assignment["exerciseVersionId"]!.GetValue<Guid>());
        var clients = assignment["clients"]!.AsArray();
        Assert.Equal(2, clients.Count);
        foreach (var client in clients)
        {
            var occurrences = client!["occurrences"]!.AsArray();
            Assert.Equal([1, 2, 3], occurrences.Select(o => o!["sequence"]!.GetValue<int>()));
            Assert.All(occurrences, o => Assert.Equal("Assigned", o!["state"]!.GetValue<string>()));
            Assert.Equal(dueAt.AddDays(7), occurrences[1]!["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(1));
        }

        // A new version of the exercise changes nothing about what was assigned.
        var edit = ExerciseTestData.EditOf(exercise);
        edit["title"] = "Renamed later";
        (await world.Counselor.PutAsJsonAsync($"/api/exercises/{exercise["id"]}", edit)).EnsureSuccessStatusCode();

        foreach (var (_, _, client) in world.Clients)
        {
            // Only the first week is open; the others appear as their weeks come.
            var item = Assert.Single(await client.MyItemsAsync());
            Assert.Equal("Noticing small kindnesses", item["exerciseTitle"]!.GetValue<string>());
            Assert.Equal("Assigned", item["state"]!.GetValue<string>());
            Assert.Equal("Try it after dinner.", item["note"]!.GetValue<string>());
            var detail = await client.DetailAsync(item["id"]!.GetValue<Guid>());
            Assert.Equal(1, detail["exercise"]!["version"]!.GetValue<int>());
            Assert.Equal("Noticing small kindnesses", detail["exercise"]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task States_go_from_assigned_to_in_progress_to_submitted_to_reviewed_and_the_client_reads_the_feedback()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = DateTimeOffset.UtcNow.AddDays(3) });
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();

        (await client.SaveDraftAsync(id, HomeworkApi.Answers(exercise))).EnsureSuccessStatusCode();
        Assert.Equal("InProgress", (await client.MyItemsAsync())[0]["state"]!.GetValue<string>());

        var submitted = await client.SubmitOkAsync(id, HomeworkApi.Answers(exercise));
        Assert.Equal("Submitted", submitted["state"]!.GetValue<string>());
        Assert.Equal("Submitted", (await client.MyItemsAsync())[0]["state"]!.GetValue<string>());

        var review = await world.Counselor.PostAsJsonAsync($"/api/assignments/{assignment["id"]}/review", new { comment = "Lovely detail about dinner." });
        await review.EnsureStatusAsync(HttpStatusCode.OK);
        var mine = (await client.MyItemsAsync())[0];
        Assert.Equal("Reviewed", mine["state"]!.GetValue<string>());
        Assert.Equal(1, mine["newFeedback"]!.GetValue<int>());

        var detail = await client.DetailAsync(id);
        var own = Assert.Single(detail["answers"]!.AsArray())!;
        Assert.True(own["mine"]!.GetValue<bool>());
        Assert.Equal("We laughed at dinner.", own["answers"]!.AsArray()[0]!["text"]!.GetValue<string>());
        Assert.Equal("Lovely detail about dinner.", own["reviews"]!.AsArray()[0]!["comment"]!.GetValue<string>());
        Assert.Equal(0, (await client.MyItemsAsync())[0]["newFeedback"]!.GetValue<int>());

        var states = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/assignments")).ReadJsonAsync();
        var occurrence = states["items"]![0]!["clients"]![0]!["occurrences"]![0]!;
        Assert.Equal("Reviewed", occurrence["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_saved_in_one_session_is_restored_in_another()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = await world.Clients[0].Client.OnlyItemIdAsync();

        var saved = await world.Clients[0].Client.SaveDraftAsync(id, HomeworkApi.Answers(exercise, "Half written on the bus"));
        await saved.EnsureStatusAsync(HttpStatusCode.OK);

        using var laterDevice = await app.SignInAsync(world.Clients[0].Email);
        var draft = (await laterDevice.DetailAsync(id))["draft"]!;
        Assert.Equal(1, draft["version"]!.GetValue<int>());
        var answers = draft["answers"]!.AsArray();
        Assert.Equal("Half written on the bus", answers[0]!["text"]!.GetValue<string>());
        Assert.Equal(7, answers[1]!["value"]!.GetValue<int>());
        Assert.Equal(["Listened", "Thanked"], answers[2]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_and_the_newer_draft_stays()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();

        var first = HomeworkApi.Answers(exercise, "From the phone");
        first["version"] = 0;
        (await client.SaveDraftAsync(id, first)).EnsureSuccessStatusCode();
        var stale = HomeworkApi.Answers(exercise, "From the laptop that loaded earlier");
        stale["version"] = 0;

        var response = await client.SaveDraftAsync(id, stale);

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
        var draft = (await client.DetailAsync(id))["draft"]!;
        Assert.Equal("From the phone", draft["answers"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(1, draft["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_identical_submits_at_once_make_exactly_one_submission()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();
        var body = HomeworkApi.Answers(exercise);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SubmitAsync(id, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.Single(answers.Select(a => a["submissionId"]!.GetValue<Guid>()).Distinct());
        Assert.Single(answers.Select(a => a["submittedAt"]!.GetValue<DateTimeOffset>()).Distinct());
        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, $"SELECT count(*) FROM homework_submissions WHERE occurrence_id = '{id}'"));
        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId,
            $"SELECT count(*) FROM scale_answers a JOIN homework_submissions s ON s.practice_id = a.practice_id AND s.id = a.submission_id WHERE s.occurrence_id = '{id}'"));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_give_the_same_answer_and_another_body_with_it_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { recurrence = new { every = "Day", count = 1 } });
        var client = world.Clients[0].Client;
        var id = await client.OnlyItemIdAsync();
        var key = Guid.NewGuid().ToString();

        var first = await client.SubmitOkAsync(id, HomeworkApi.Answers(exercise), key);
        var again = await client.SubmitOkAsync(id, HomeworkApi.Answers(exercise), key);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());

        var other = await client.SubmitAsync(id, HomeworkApi.Answers(exercise, "Something else entirely"), key);
        await other.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        var withoutKey = await client.SubmitAsync(id, HomeworkApi.Answers(exercise, "Something else entirely"));
        await withoutKey.EnsureStatusAsync(HttpStatusCode.Conflict);

        var detail = await client.DetailAsync(id);
        var stored = Assert.Single(detail["answers"]!.AsArray())!;
        Assert.Equal("We laughed at dinner.", stored["answers"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(first["submittedAt"]!.GetValue<DateTimeOffset>(), stored["submittedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_cancelled_assignment_leaves_the_clients_list_but_keeps_what_was_submitted()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var done = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        var doneId = await client.OnlyItemIdAsync();
        await client.SubmitOkAsync(doneId, HomeworkApi.Answers(exercise));
        var open = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var openId = (await client.MyItemsAsync()).First(i => i["id"]!.GetValue<Guid>() != doneId)["id"]!.GetValue<Guid>();
        (await client.SaveDraftAsync(openId, HomeworkApi.Answers(exercise, "draft words"))).EnsureSuccessStatusCode();

        await world.Counselor.PostOkAsync($"/api/assignments/{open["id"]}/cancel");
        await world.Counselor.PostOkAsync($"/api/assignments/{done["id"]}/cancel");

        var items = await client.MyItemsAsync();
        var left = Assert.Single(items);
        Assert.Equal(doneId, left["id"]!.GetValue<Guid>());
        Assert.Equal("Submitted", left["state"]!.GetValue<string>());
        var submit = await client.SubmitAsync(openId, HomeworkApi.Answers(exercise));
        await submit.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, $"SELECT count(*) FROM homework_drafts WHERE occurrence_id = '{openId}'"));
        var states = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/assignments")).ReadJsonAsync();
        Assert.All(states["items"]!.AsArray(), a => Assert.Equal("Cancelled", a!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_exercise_once_assigned_cannot_be_deleted()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());

        var response = await world.Counselor.DeleteAsync($"/api/exercises/{exercise["id"]}");

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Scale_answers_are_kept_per_answer_for_progress()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var client = world.Clients[0];
        var id = await client.Client.OnlyItemIdAsync();

        await client.Client.SubmitOkAsync(id, HomeworkApi.Answers(exercise, scale: 9));

        Assert.Equal(1, await HomeworkApi.CountAsync(app, world.Practice.PracticeId,
            $"SELECT count(*) FROM scale_answers WHERE client_id = '{client.Id}' AND dimension = 'HonestCommunication' AND raw_value = 9 AND min = 0 AND max = 10 AND NOT screening"));
    }
}

public sealed class MyAssignmentsPagingTests
{
    [Fact]
    public async Task The_clients_list_pages_open_items_first_then_done_items_newest_first_without_gaps_or_repeats()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        var exercise = await world.Counselor.NewExerciseAsync();
        var exerciseId = exercise["id"]!.GetValue<Guid>();
        for (var i = 0; i < 5; i++)
        {
            await world.Counselor.AssignAsync(world.CaseId, exerciseId);
        }
        var items = await client.MyItemsAsync();
        foreach (var item in items.Take(3))
        {
            await client.SubmitOkAsync(item["id"]!.GetValue<Guid>(), HomeworkApi.Answers(exercise));
        }

        var whole = await (await client.GetAsync("/api/me/assignments?pageSize=100")).ReadJsonAsync();
        var paged = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var part = await (await client.GetAsync($"/api/me/assignments?page={page}&pageSize=2")).ReadJsonAsync();
            Assert.Equal(5, part["total"]!.GetValue<int>());
            paged.AddRange(part["items"]!.AsArray().Select(i => $"{i!["id"]}:{i["state"]}"));
        }

        var expected = whole["items"]!.AsArray().Select(i => $"{i!["id"]}:{i["state"]}").ToList();
        Assert.Equal(expected, paged);
        Assert.Equal(["Assigned", "Assigned", "Submitted", "Submitted", "Submitted"], expected.Select(e => e.Split(':')[1]));
        var submittedAt = whole["items"]!.AsArray().Skip(2).Select(i => i!["submittedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(submittedAt.OrderByDescending(t => t), submittedAt);
    }
}
