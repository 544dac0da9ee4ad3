using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

public sealed class PartnerPrivacyTests
{
    private static async Task<(PracticeWorld World, JsonObject Exercise, Guid RileyItem, Guid QuinnItem)> CoupleSubmittedAsync(TestApp app)
    {
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { recurrence = new { every = "Week", count = 2 } });
        var riley = await world.Clients[0].Client.OnlyItemIdAsync();
        var quinn = await world.Clients[1].Client.OnlyItemIdAsync();
        await world.Clients[0].Client.SubmitOkAsync(riley, HomeworkApi.Answers(exercise, "Riley private words"));
        await world.Clients[1].Client.SubmitOkAsync(quinn, HomeworkApi.Answers(exercise, "Quinn private words"));
        return (world, exercise, riley, quinn);
    }

    [Fact]
    public async Task Client_cannot_read_partners_private_answer()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, riley, quinn) = await CoupleSubmittedAsync(app);
        var quinnClient = world.Clients[1].Client;

        await quinnClient.DetailAsync(riley, HttpStatusCode.NotFound);
        var own = await quinnClient.DetailAsync(quinn);
        Assert.DoesNotContain("Riley private words", own.ToJsonString());
        Assert.Single(own["answers"]!.AsArray());
        // Not through the assignment's id either.
        var byAssignment = await quinnClient.DetailAsync(own["assignmentId"]!.GetValue<Guid>());
        Assert.DoesNotContain("Riley private words", byAssignment.ToJsonString());
        // The counselor sees both.
        var counselorView = await world.Counselor.DetailAsync(own["assignmentId"]!.GetValue<Guid>());
        Assert.Contains("Riley private words", counselorView.ToJsonString());
        Assert.Contains("Quinn private words", counselorView.ToJsonString());
    }

    [Fact]
    public async Task A_shared_submission_is_visible_to_the_partner_until_the_share_is_withdrawn()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, riley, quinn) = await CoupleSubmittedAsync(app);
        var rileyClient = world.Clients[0].Client;
        var quinnClient = world.Clients[1].Client;

        await rileyClient.PostOkAsync($"/api/assignments/{riley}/share");

        var shared = await quinnClient.DetailAsync(riley);
        Assert.Contains("Riley private words", shared.ToJsonString());
        var alongside = await quinnClient.DetailAsync(quinn);
        Assert.Equal(2, alongside["answers"]!.AsArray().Count);
        Assert.True((await rileyClient.MyItemsAsync())[0]["shared"]!.GetValue<bool>());
        // Quinn did not share: Riley still cannot read Quinn's words.
        await rileyClient.DetailAsync(quinn, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Quinn private words", (await rileyClient.DetailAsync(riley)).ToJsonString());

        await rileyClient.PostOkAsync($"/api/assignments/{riley}/unshare");

        await quinnClient.DetailAsync(riley, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Riley private words", (await quinnClient.DetailAsync(quinn)).ToJsonString());
    }

    [Fact]
    public async Task The_counselors_feedback_goes_to_the_writer_only_even_when_shared()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, riley, _) = await CoupleSubmittedAsync(app);
        await world.Clients[0].Client.PostOkAsync($"/api/assignments/{riley}/share");
        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{riley}/review", new { comment = "Just for Riley" })).EnsureSuccessStatusCode();

        Assert.Contains("Just for Riley", (await world.Clients[0].Client.DetailAsync(riley)).ToJsonString());
        Assert.DoesNotContain("Just for Riley", (await world.Clients[1].Client.DetailAsync(riley)).ToJsonString());
    }

    [Fact]
    public async Task The_partners_own_item_shows_what_was_shared_for_the_same_step_without_the_feedback_on_it()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, riley, quinn) = await CoupleSubmittedAsync(app);
        await world.Clients[0].Client.PostOkAsync($"/api/assignments/{riley}/share");
        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{riley}/review", new { comment = "Just for Riley" })).EnsureSuccessStatusCode();
        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{quinn}/review", new { comment = "Just for Quinn" })).EnsureSuccessStatusCode();

        var quinnSees = await world.Clients[1].Client.DetailAsync(quinn);

        var answers = quinnSees["answers"]!.AsArray();
        Assert.Equal(2, answers.Count);
        var rileys = Assert.Single(answers, a => !a!["mine"]!.GetValue<bool>())!;
        Assert.Contains("Riley private words", rileys.ToJsonString());
        Assert.Empty(rileys["reviews"]!.AsArray());
        Assert.Contains("Just for Quinn", quinnSees.ToJsonString());
        Assert.DoesNotContain("Just for Riley", quinnSees.ToJsonString());
    }

    [Fact]
    public async Task A_joint_exercise_opens_only_when_every_partner_agreed_and_a_decline_stays_private()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync(Exercises.ExerciseTestData.NewExercise("Our evening talk")); // joint
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        Assert.True(assignment["joint"]!.GetValue<bool>());
        var (riley, quinn) = (world.Clients[0].Client, world.Clients[1].Client);
        var rileyItem = await riley.OnlyItemIdAsync();
        var quinnItem = await quinn.OnlyItemIdAsync();

        Assert.False((await riley.MyItemsAsync())[0]["available"]!.GetValue<bool>());
        await (await riley.SaveDraftAsync(rileyItem, HomeworkApi.Answers(exercise))).EnsureStatusAsync(HttpStatusCode.Conflict);

        await riley.PostOkAsync($"/api/assignments/{rileyItem}/joint-consent", new { decision = "Agree" });
        await quinn.PostOkAsync($"/api/assignments/{quinnItem}/joint-consent", new { decision = "Decline" });

        var rileySees = await riley.DetailAsync(rileyItem);
        Assert.False(rileySees["available"]!.GetValue<bool>());
        Assert.Equal("Agree", rileySees["myDecision"]!.GetValue<string>());
        Assert.DoesNotContain("Decline", rileySees.ToJsonString());
        Assert.DoesNotContain("Decline", (await riley.GetStringAsync("/api/me/assignments")));
        var counselorSees = (await world.Counselor.DetailAsync(assignment["id"]!.GetValue<Guid>()))["clients"]!.AsArray();
        Assert.Contains(counselorSees, c => c!["jointDecision"]!.GetValue<string>() == "Declined");

        await quinn.PostOkAsync($"/api/assignments/{quinnItem}/joint-consent", new { decision = "Agree" });

        Assert.True((await riley.MyItemsAsync())[0]["available"]!.GetValue<bool>());
        await (await riley.SaveDraftAsync(rileyItem, HomeworkApi.Answers(exercise))).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_in_an_individual_case_has_no_one_to_share_with()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = await world.Clients[0].Client.OnlyItemIdAsync();
        await world.Clients[0].Client.SubmitOkAsync(id, HomeworkApi.Answers(exercise));

        var response = await world.Clients[0].Client.PostAsJsonAsync($"/api/assignments/{id}/share", new { });

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }
}
