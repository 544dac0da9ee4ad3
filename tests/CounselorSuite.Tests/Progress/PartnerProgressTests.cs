using System.Net;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Measures;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>In a couple, each partner's progress reaches the other only where it was shared; the counselor sees both.</summary>
public sealed class PartnerProgressTests
{
    private static JsonObject? Partner(JsonObject progress, Guid partnerId) =>
        progress["partners"]!.AsArray().FirstOrDefault(p => p!["clientId"]!.GetValue<Guid>() == partnerId)?.AsObject();

    [Fact]
    public async Task A_partner_sees_the_others_ratings_only_while_shared_and_the_counselor_always_sees_both_with_the_gap()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (a, b) = (world.Clients[0], world.Clients[1]);
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        var itemOfA = await RateDecisionsAsync(a.Client, assignment, 7); // 100
        await RateDecisionsAsync(b.Client, assignment, 3);               // 33.3

        // Nothing shared yet: each partner sees only their own.
        Assert.Null(Partner(await ProgressAsync(b.Client, b.Id), a.Id));
        Assert.Null(Partner(await ProgressAsync(a.Client, a.Id), b.Id));

        await (await a.Client.PostAsync($"/api/assignments/{itemOfA}/share", null)).EnsureStatusAsync(HttpStatusCode.OK);
        var seenByB = Partner(await ProgressAsync(b.Client, b.Id), a.Id)!;
        Assert.True(seenByB["sharedOnly"]!.GetValue<bool>());
        Assert.Equal(100, Dimension(seenByB, "SharedDecisions")!["points"]![0]!["value"]!.GetValue<double>());
        var gap = seenByB["gaps"]!.AsArray().Single()!;
        Assert.Equal(-66.7, gap["gap"]!.GetValue<double>()); // B's 33.3 minus A's 100
        Assert.Null(Partner(await ProgressAsync(a.Client, a.Id), b.Id)); // B shared nothing

        var counselorView = await ProgressAsync(world.Counselor, a.Id);
        var bForCounselor = Partner(counselorView, b.Id)!;
        Assert.False(bForCounselor["sharedOnly"]!.GetValue<bool>());
        Assert.Equal(33.3, Dimension(bForCounselor, "SharedDecisions")!["points"]![0]!["value"]!.GetValue<double>());
        Assert.Equal(66.7, bForCounselor["gaps"]![0]!["gap"]!.GetValue<double>());

        await (await a.Client.PostAsync($"/api/assignments/{itemOfA}/unshare", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Null(Partner(await ProgressAsync(b.Client, b.Id), a.Id));
    }

    [Fact]
    public async Task A_check_in_with_its_safety_question_stays_between_the_client_and_the_counselor()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (a, b) = (world.Clients[0], world.Clients[1]);
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, measureKey = BuiltInMeasures.CheckInKey, clientIds = new[] { a.Id } });
        var (item, prompts) = await ItemAsync(a.Client, assignment);
        await (await SubmitAsync(a.Client, item, prompts.Select(p => (object)new { promptId = p!["id"]!.GetValue<Guid>(), value = 6 }))).EnsureStatusAsync(HttpStatusCode.OK);

        var share = await a.Client.PostAsync($"/api/assignments/{item}/share", null);

        await share.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Null(Partner(await ProgressAsync(b.Client, b.Id), a.Id));
        Assert.Equal(10, (await ProgressAsync(world.Counselor, a.Id))["dimensions"]!.AsArray().Count);
        using var browser = await Browser.SignedInAsync(app, b.Email);
        var partnerPage = await browser.PageAsync("/portal/progress");
        Assert.DoesNotContain("Shared with you", partnerPage);
    }
}
