using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Sessions;

public sealed class SessionBookingTests
{
    [Fact]
    public async Task A_counselor_books_a_couple_session_and_both_partners_see_it_upcoming_without_notes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var startsAt = SessionApi.DaysAhead(3);

        var response = await world.Counselor.PostAsJsonAsync($"/api/cases/{world.CaseId}/sessions",
            new { startsAt, durationMinutes = 50, videoLink = "https://meet.example.test/room-1" });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var session = await response.ReadJsonAsync();
        Assert.Equal(world.CaseId, session["caseId"]!.GetValue<Guid>());
        Assert.Equal("Scheduled", session["status"]!.GetValue<string>());
        Assert.Equal(startsAt, session["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(50, session["durationMinutes"]!.GetValue<int>());
        Assert.Equal(world.Clients.Select(c => c.Id).Order(), session["clientIds"]!.AsArray().Select(x => x!.GetValue<Guid>()).Order());
        foreach (var (_, _, client) in world.Clients)
        {
            var mine = await (await client.GetAsync("/api/me/sessions")).ReadJsonAsync();
            var item = Assert.Single(mine["items"]!.AsArray())!;
            Assert.Equal(session["id"]!.GetValue<Guid>(), item["id"]!.GetValue<Guid>());
            Assert.Equal("https://meet.example.test/room-1", item["videoLink"]!.GetValue<string>());
            Assert.DoesNotContain("note", item.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
        var listed = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync();
        Assert.Equal(1, listed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_session_for_one_partner_is_not_shown_to_the_other()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (alone, _, aloneClient) = world.Clients[0];

        await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(4), clientIds: [alone]);

        Assert.Equal(1, (await (await aloneClient.GetAsync("/api/me/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(0, (await (await world.Clients[1].Client.GetAsync("/api/me/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
    }

    public static TheoryData<string, string> BadBookings => new()
    {
        { """{"startsAt":"{start}","endsAt":"{before}"}""", "endsAt" },
        { """{"startsAt":"{start}","durationMinutes":0}""", "durationMinutes" },
        { """{"startsAt":"{start}","durationMinutes":-30}""", "durationMinutes" },
        { """{"startsAt":"{start}","durationMinutes":721}""", "durationMinutes" },
        { """{"startsAt":"{longAgo}","durationMinutes":50}""", "startsAt" },
        { """{"durationMinutes":50}""", "startsAt" },
        { """{"startsAt":"{start}","durationMinutes":50,"clientIds":["{stranger}"]}""", "clientIds" },
        { """{"startsAt":"{start}","durationMinutes":50,"videoLink":"javascript:alert(1)"}""", "videoLink" },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task A_bad_booking_is_refused_naming_the_field_and_nothing_is_booked(string body, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var start = SessionApi.DaysAhead(2);
        var json = body.Replace("{start}", start.ToString("O")).Replace("{before}", start.AddMinutes(-10).ToString("O"))
            .Replace("{longAgo}", DateTimeOffset.UtcNow.AddDays(-31).ToString("O")).Replace("{stranger}", Guid.NewGuid().ToString());

        var response = await world.Counselor.PostAsync($"/api/cases/{world.CaseId}/sessions",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
        var listed = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync();
        Assert.Equal(0, listed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_session_that_happened_last_week_can_still_be_entered()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var id = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-7));

        var attended = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Attended" });
        await attended.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Attended", (await attended.ReadJsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_double_booked_counselor_is_warned_and_may_book_anyway()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var otherCase = await world.Counselor.CreateCaseAsync();
        var first = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(5, 9), minutes: 60);

        var clash = await world.Counselor.PostAsJsonAsync($"/api/cases/{otherCase}/sessions",
            new { startsAt = SessionApi.DaysAhead(5, 9).AddMinutes(30), durationMinutes = 60 });

        await clash.EnsureStatusAsync(HttpStatusCode.Conflict);
        var conflict = Assert.Single((await clash.ReadJsonAsync())["conflicts"]!.AsArray())!;
        Assert.Equal(first, conflict["sessionId"]!.GetValue<Guid>());
        Assert.Equal(0, (await (await world.Counselor.GetAsync($"/api/cases/{otherCase}/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());

        var anyway = await world.Counselor.PostAsJsonAsync($"/api/cases/{otherCase}/sessions",
            new { startsAt = SessionApi.DaysAhead(5, 9).AddMinutes(30), durationMinutes = 60, allowConflict = true });
        await anyway.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Single((await anyway.ReadJsonAsync())["conflicts"]!.AsArray());

        // Back to back is not a conflict, and a cancelled session frees its slot.
        await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(5, 11), minutes: 60);
        var cancel = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{first}", new { status = "Cancelled", cancelledBy = "Client" });
        await cancel.EnsureStatusAsync(HttpStatusCode.OK);
        await world.Counselor.BookAsync(otherCase, SessionApi.DaysAhead(5, 9), minutes: 20);
    }

    [Fact]
    public async Task A_conflict_with_a_co_counselors_other_case_says_only_that_they_are_busy()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var second = await app.SecondCounselorOnCaseAsync(world);
        var secondsOwnCase = await second.CreateCaseAsync();
        await second.BookAsync(secondsOwnCase, SessionApi.DaysAhead(6, 14));

        var clash = await world.Counselor.PostAsJsonAsync($"/api/cases/{world.CaseId}/sessions",
            new { startsAt = SessionApi.DaysAhead(6, 14), durationMinutes = 50 });

        await clash.EnsureStatusAsync(HttpStatusCode.Conflict);
        var conflict = Assert.Single((await clash.ReadJsonAsync())["conflicts"]!.AsArray())!;
        Assert.Null(conflict["sessionId"]);
        Assert.Null(conflict["caseId"]);
        Assert.Equal(DateTimeOffset.Parse(conflict["startsAt"]!.GetValue<string>()), SessionApi.DaysAhead(6, 14));
    }

    [Fact]
    public async Task Rescheduling_and_status_changes_follow_the_rules()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(8));

        var moved = await world.Counselor.PutAsJsonAsync($"/api/sessions/{id}", new { startsAt = SessionApi.DaysAhead(9, 15), durationMinutes = 90, location = "Room 4" });
        await moved.EnsureStatusAsync(HttpStatusCode.OK);
        var body = await moved.ReadJsonAsync();
        Assert.Equal(SessionApi.DaysAhead(9, 15), body["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Room 4", body["location"]!.GetValue<string>());

        var tooLong = await world.Counselor.PutAsJsonAsync($"/api/sessions/{id}", new { startsAt = SessionApi.DaysAhead(9, 15), durationMinutes = 800 });
        await tooLong.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var early = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Attended" });
        await early.EnsureStatusAsync(HttpStatusCode.Conflict);
        var noCanceller = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Cancelled" });
        await noCanceller.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var nonsense = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Postponed" });
        await nonsense.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var cancelled = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Cancelled", cancelledBy = "Client" });
        await cancelled.EnsureStatusAsync(HttpStatusCode.OK);
        var state = await (await world.Counselor.GetAsync($"/api/sessions/{id}")).ReadJsonAsync();
        Assert.Equal("Cancelled", state["status"]!.GetValue<string>());
        Assert.Equal("Client", state["cancelledBy"]!.GetValue<string>());
        Assert.Equal(90, state["durationMinutes"]!.GetValue<int>());

        var moveCancelled = await world.Counselor.PutAsJsonAsync($"/api/sessions/{id}", new { startsAt = SessionApi.DaysAhead(10), durationMinutes = 50 });
        await moveCancelled.EnsureStatusAsync(HttpStatusCode.Conflict);
        var mine = await (await world.Clients[0].Client.GetAsync("/api/me/sessions")).ReadJsonAsync();
        Assert.Equal("Cancelled", Assert.Single(mine["items"]!.AsArray())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clients_may_not_manage_sessions_and_only_see_their_own()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        var id = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(3));

        await (await client.GetAsync($"/api/cases/{world.CaseId}/sessions")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/cases/{world.CaseId}/sessions", new { startsAt = SessionApi.DaysAhead(4), durationMinutes = 50 }))
            .EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/sessions/{id}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Cancelled", cancelledBy = "Client" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Counselor.GetAsync("/api/me/sessions")).EnsureStatusAsync(HttpStatusCode.Forbidden);

        var other = await app.CreateWorldAsync();
        Assert.Equal(0, (await (await other.Clients[0].Client.GetAsync("/api/me/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_practice_or_a_counselor_not_on_the_case_gets_404_and_nothing_changes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(3));
        var other = await app.CreateWorldAsync();
        var (_, outsiderEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        var colleagueNotOnCase = await app.SignInAsync(outsiderEmail);

        foreach (var stranger in new[] { other.Counselor, other.Admin, colleagueNotOnCase })
        {
            await (await stranger.GetAsync($"/api/cases/{world.CaseId}/sessions")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PostAsJsonAsync($"/api/cases/{world.CaseId}/sessions", new { startsAt = SessionApi.DaysAhead(4), durationMinutes = 50 }))
                .EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync($"/api/sessions/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PutAsJsonAsync($"/api/sessions/{id}", new { startsAt = SessionApi.DaysAhead(5), durationMinutes = 50 }))
                .EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PatchAsJsonAsync($"/api/sessions/{id}", new { status = "Cancelled", cancelledBy = "Practice" }))
                .EnsureStatusAsync(HttpStatusCode.NotFound);
        }

        var unchanged = await (await world.Counselor.GetAsync($"/api/sessions/{id}")).ReadJsonAsync();
        Assert.Equal("Scheduled", unchanged["status"]!.GetValue<string>());
        Assert.Equal(SessionApi.DaysAhead(3), unchanged["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());
        // The practice's own admin manages every case's sessions.
        await (await world.Admin.GetAsync($"/api/sessions/{id}")).EnsureStatusAsync(HttpStatusCode.OK);
    }
}
