using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Homework;

/// <summary>Every homework route, called by people of another practice, another case, or the wrong role.</summary>
public sealed class HomeworkIsolationTests
{
    private sealed record Setup(PracticeWorld World, JsonObject Exercise, Guid AssignmentId, Guid ItemId, Guid AlertId);

    private static async Task<Setup> SetUpAsync(TestApp app)
    {
        var world = await app.CreateWorldAsync();
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        var assignment = await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var item = await world.Clients[0].Client.OnlyItemIdAsync();
        await world.Clients[0].Client.SubmitOkAsync(item, SafetyAlertTests.DangerAnswers(checkIn));
        var alerts = await (await world.Counselor.GetAsync("/api/safety-alerts")).ReadJsonAsync();
        return new Setup(world, checkIn, assignment["id"]!.GetValue<Guid>(), item, alerts["items"]![0]!["id"]!.GetValue<Guid>());
    }

    private static IEnumerable<(HttpMethod Method, string Url, object Body)> StaffRoutes(Setup s, Guid id) =>
    [
        (HttpMethod.Post, "/api/assignments", new { caseId = s.World.CaseId, exerciseId = s.Exercise["id"]!.GetValue<Guid>() }),
        (HttpMethod.Get, $"/api/cases/{s.World.CaseId}/assignments", new { }),
        (HttpMethod.Post, $"/api/assignments/{id}/review", new { comment = "A stranger's comment" }),
        (HttpMethod.Post, $"/api/assignments/{id}/due-date", new { dueAt = DateTimeOffset.UtcNow.AddDays(9) }),
        (HttpMethod.Post, $"/api/assignments/{id}/pause", new { }),
        (HttpMethod.Post, $"/api/assignments/{id}/resume", new { }),
        (HttpMethod.Post, $"/api/assignments/{id}/cancel", new { }),
        (HttpMethod.Post, $"/api/safety-alerts/{s.AlertId}/resolve", new { note = "A stranger resolved it" }),
    ];

    private static IEnumerable<(HttpMethod Method, string Url, object Body)> ClientRoutes(Setup s, Guid id) =>
    [
        (HttpMethod.Get, $"/api/assignments/{id}", new { }),
        (HttpMethod.Put, $"/api/assignments/{id}/draft", new { answers = Array.Empty<object>() }),
        (HttpMethod.Post, $"/api/assignments/{id}/submit", new { answers = new[] { new { promptId = SafetyAlertTests.Prompt(s.Exercise, "p4"), value = 8 } } }),
        (HttpMethod.Post, $"/api/assignments/{id}/share", new { }),
        (HttpMethod.Post, $"/api/assignments/{id}/unshare", new { }),
        (HttpMethod.Post, $"/api/assignments/{id}/joint-consent", new { decision = "Agree" }),
    ];

    private static Task<HttpResponseMessage> CallAsync(HttpClient caller, (HttpMethod Method, string Url, object Body) route) =>
        caller.SendAsync(new HttpRequestMessage(route.Method, route.Url)
        {
            Content = route.Method == HttpMethod.Get ? null : JsonContent.Create(route.Body),
        });

    private static async Task AssertUnchangedAsync(TestApp app, Setup s)
    {
        var detail = await s.World.Counselor.DetailAsync(s.AssignmentId);
        Assert.Equal("Active", detail["status"]!.GetValue<string>());
        var answers = Assert.Single(detail["answers"]!.AsArray())!;
        Assert.Empty(answers["reviews"]!.AsArray());
        Assert.False(answers["shared"]!.GetValue<bool>());
        Assert.Equal(1, (await (await s.World.Counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(1, (await (await s.World.Counselor.GetAsync($"/api/cases/{s.World.CaseId}/assignments")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(1, await HomeworkApi.CountAsync(app, s.World.Practice.PracticeId, "SELECT count(*) FROM homework_submissions"));
    }

    [Fact]
    public async Task Another_practices_staff_and_clients_get_404_on_every_route_and_nothing_changes()
    {
        var app = await TestApp.SharedAsync();
        var ours = await SetUpAsync(app);
        var theirs = await app.CreateWorldAsync();

        foreach (var id in new[] { ours.AssignmentId, ours.ItemId })
        {
            foreach (var route in StaffRoutes(ours, id))
            {
                var response = await CallAsync(theirs.Counselor, route);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {route.Url}: {response.StatusCode}");
                var asAdmin = await CallAsync(theirs.Admin, route);
                Assert.True(asAdmin.StatusCode == HttpStatusCode.NotFound, $"admin {route.Method} {route.Url}: {asAdmin.StatusCode}");
            }
            foreach (var route in ClientRoutes(ours, id))
            {
                var response = await CallAsync(theirs.Clients[0].Client, route);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {route.Url}: {response.StatusCode}");
            }
        }
        Assert.Equal(0, (await (await theirs.Counselor.GetAsync("/api/safety-alerts")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Empty(await theirs.Clients[0].Client.MyItemsAsync());
        await AssertUnchangedAsync(app, ours);
    }

    [Fact]
    public async Task Within_the_practice_the_wrong_role_gets_403_and_another_counselor_or_client_gets_404()
    {
        var app = await TestApp.SharedAsync();
        var s = await SetUpAsync(app);
        var (_, otherCounselorEmail) = await app.InviteAndAcceptAsync(s.World.Admin, "Counselor");
        using var otherCounselor = await app.SignInAsync(otherCounselorEmail);
        var otherCase = await otherCounselor.CreateCaseAsync();
        var (_, otherClientEmail) = await app.InviteAndAcceptAsync(otherCounselor, "Client", otherCase);
        using var otherClient = await app.SignInAsync(otherClientEmail);
        var client = s.World.Clients[0].Client;

        foreach (var route in StaffRoutes(s, s.AssignmentId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(client, route)).StatusCode);
            var other = await CallAsync(otherCounselor, route);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {route.Url}: {other.StatusCode}");
        }
        foreach (var route in ClientRoutes(s, s.ItemId).Skip(1))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(s.World.Counselor, route)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(otherClient, route)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/assignments/{s.ItemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounselor.GetAsync($"/api/assignments/{s.ItemId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.World.Counselor.GetAsync("/api/me/assignments")).StatusCode);

        // The admin sees the case's states but not the answers, and may not act on them.
        await (await s.World.Admin.GetAsync($"/api/cases/{s.World.CaseId}/assignments")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await s.World.Admin.GetAsync($"/api/assignments/{s.AssignmentId}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await s.World.Admin.PostAsJsonAsync($"/api/assignments/{s.ItemId}/review", new { comment = "x" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await s.World.Admin.PostAsJsonAsync($"/api/safety-alerts/{s.AlertId}/resolve", new { note = "x" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(app, s);
    }
}
