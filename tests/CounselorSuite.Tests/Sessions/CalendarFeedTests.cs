using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Sessions;

public sealed class CalendarFeedTests
{
    private static async Task<string> RotateAsync(HttpClient counselor)
    {
        var response = await counselor.PostAsync("/api/me/calendar-feed/rotate", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["url"]!.GetValue<string>();
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    [Fact]
    public async Task The_feed_shows_neutral_appointments_without_client_names()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var upcoming = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2, 9));
        var cancelled = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(3, 9));
        await (await world.Counselor.PatchAsJsonAsync($"/api/sessions/{cancelled}", new { status = "Cancelled", cancelledBy = "Counselor" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        var url = await RotateAsync(world.Counselor);
        using var calendarApp = app.CreateClient();

        var response = await calendarApp.GetAsync(PathOf(url));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"UID:{upcoming}@counselorsuite", ics);
        Assert.Contains($"UID:{cancelled}@counselorsuite", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
        // A counselor in UTC gets plain UTC times, no VTIMEZONE (the tz database's "Etc/UTC" is UTC too).
        Assert.Contains("DTSTART:" + SessionApi.DaysAhead(2, 9).ToString("yyyyMMdd'T'HHmmss'Z'"), ics);
        Assert.DoesNotContain("VTIMEZONE", ics);
        var summaries = ics.Split("\r\n").Where(l => l.StartsWith("SUMMARY:")).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, s => Assert.Equal("SUMMARY:Appointment", s));
        Assert.DoesNotContain("Client Person", ics);
        Assert.DoesNotContain("A case", ics);
    }

    [Fact]
    public async Task Client_names_appear_only_after_the_counselor_turns_them_on()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2, 11));
        var url = await RotateAsync(world.Counselor);
        using var calendarApp = app.CreateClient();
        Assert.DoesNotContain("Client Person", await calendarApp.GetStringAsync(PathOf(url)));

        var on = await world.Counselor.PutAsJsonAsync("/api/me/calendar-feed", new { includeClientNames = true });
        await on.EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Contains("SUMMARY:Appointment: Client Person", await calendarApp.GetStringAsync(PathOf(url)));
    }

    [Fact]
    public async Task Rotating_the_feed_retires_the_old_address_and_only_a_hash_is_stored()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var first = await RotateAsync(world.Counselor);
        var second = await RotateAsync(world.Counselor);
        using var calendarApp = app.CreateClient();

        await (await calendarApp.GetAsync(PathOf(first))).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await calendarApp.GetAsync(PathOf(second))).EnsureStatusAsync(HttpStatusCode.OK);
        await (await calendarApp.GetAsync($"/calendar/{world.Practice.PracticeId:N}not-the-secret-at-all-not-the-secret-at-all.ics"))
            .EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await calendarApp.GetAsync("/calendar/garbage.ics")).EnsureStatusAsync(HttpStatusCode.NotFound);

        var secret = PathOf(second)["/calendar/".Length..^".ics".Length][32..];
        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var dump = new NpgsqlCommand("SELECT string_agg(t::text, '|') FROM calendar_feeds t", owner);
        var stored = (string)(await dump.ExecuteScalarAsync())!;
        Assert.DoesNotContain(secret, stored);

        var state = await (await world.Counselor.GetAsync("/api/me/calendar-feed")).ReadJsonAsync();
        Assert.True(state["enabled"]!.GetValue<bool>());
        Assert.Null(state["url"]);
        await (await world.Counselor.DeleteAsync("/api/me/calendar-feed")).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await calendarApp.GetAsync(PathOf(second))).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_feed_holds_only_its_counselors_sessions_and_clients_have_no_feed()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var mine = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2, 13));
        var theirs = await other.Counselor.BookAsync(other.CaseId, SessionApi.DaysAhead(2, 13));
        var url = await RotateAsync(world.Counselor);
        using var calendarApp = app.CreateClient();

        var ics = await calendarApp.GetStringAsync(PathOf(url));

        Assert.Contains(mine.ToString(), ics);
        Assert.DoesNotContain(theirs.ToString(), ics);
        await (await world.Clients[0].Client.PostAsync("/api/me/calendar-feed/rotate", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }
}
