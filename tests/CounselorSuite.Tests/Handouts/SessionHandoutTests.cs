using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

/// <summary>Handouts attached to sessions, and the nightly job that makes them the night before (on a fake clock).</summary>
public sealed class SessionHandoutTests
{
    /// <summary>Tomorrow (real time) at 02:00 UTC, when the nightly job runs.</summary>
    private static DateTimeOffset TwoInTheMorning() => new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(2), TimeSpan.Zero);

    private static Task<int> RunNightlyAsync(TestApp app, Guid practiceId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<NightlyHandoutRenders>().RunForPracticeAsync(practiceId, CancellationToken.None));

    private static async Task<Guid> BookAtAsync(HttpClient counselor, Guid caseId, DateTimeOffset startsAt) =>
        await counselor.BookAsync(caseId, startsAt);

    private static async Task<JsonObject> NightBeforeAsync(PracticeWorld world, Guid exercise, Guid sessionId) =>
        await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, sessionId, renderAt = "nightBefore" });

    private static async Task<JsonObject> GetAsync(HttpClient user, Guid handoutId)
    {
        var response = await user.GetAsync($"/api/handouts/{handoutId}");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static async Task<long> HandoutCountAsync(TestApp app, Guid caseId)
    {
        await using var connection = await app.Database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM handouts WHERE case_id = @id", connection);
        command.Parameters.AddWithValue("id", caseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_handout_attached_to_a_session_carries_the_session_and_its_date()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Listening turns", "Take turns.");
        var startsAt = SessionApi.DaysAhead(3, 15);
        var session = await world.Counselor.BookAsync(world.CaseId, startsAt);

        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, sessionId = session });

        Assert.Equal(2, created["handouts"]!.AsArray().Count);
        foreach (var id in HandoutKit.Ids(created))
        {
            var handout = await GetAsync(world.Counselor, id);
            Assert.Equal(session, handout["sessionId"]!.GetValue<Guid>());
            Assert.Equal(startsAt.ToString("yyyy-MM-dd"), handout["sessionDate"]!.GetValue<string>());
            Assert.Equal("Queued", handout["status"]!.GetValue<string>());
            Assert.Null(handout["renderAfter"]);
        }
        await app.RunJobAsync(world.Practice.PracticeId, HandoutKit.Ids(created)[0]);
        Assert.Equal("Ready", await world.Counselor.StatusAsync(HandoutKit.Ids(created)[0]));
    }

    [Fact]
    public async Task A_session_of_another_case_or_practice_is_refused_and_nothing_is_queued()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Gratitude list", "Write three things.");
        var otherCase = await world.Counselor.CreateCaseAsync("Individual", "Another case");
        var (otherClient, _) = await app.InviteAndAcceptAsync(world.Counselor, "Client", otherCase);
        var otherCaseSession = await world.Counselor.BookAsync(otherCase, SessionApi.DaysAhead(2, 9), clientIds: [otherClient]);
        var otherPractice = await app.CreateWorldAsync();
        var otherPracticeSession = await otherPractice.Counselor.BookAsync(otherPractice.CaseId, SessionApi.DaysAhead(2, 11));

        foreach (var sessionId in new[] { otherCaseSession, otherPracticeSession, Guid.NewGuid() })
        {
            var response = await world.Counselor.PostAsJsonAsync("/api/handouts",
                new { caseId = world.CaseId, exerciseIds = new[] { exercise }, sessionId, renderAt = "now" });
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["sessionId"]);
        }
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { caseId = world.CaseId, exerciseIds = new[] { exercise }, renderAt = "nightBefore" }, "renderAt"),
                     (new { caseId = world.CaseId, exerciseIds = new[] { exercise }, renderAt = "tomorrow" }, "renderAt"),
                 })
        {
            var response = await world.Counselor.PostAsJsonAsync("/api/handouts", body);
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
        }
        // Another practice's counselor cannot attach to this case at all.
        var mine = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2, 13));
        var foreign = await otherPractice.Counselor.PostAsJsonAsync("/api/handouts", new { caseId = world.CaseId, exerciseIds = new[] { exercise }, sessionId = mine });
        await foreign.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await HandoutCountAsync(app, world.CaseId));
        Assert.Equal(0, await HandoutCountAsync(app, otherCase));
    }

    [Fact]
    public async Task The_nightly_job_queues_only_the_next_days_handouts_once_and_leaves_other_practices_alone()
    {
        var start = TwoInTheMorning();
        var clock = new FakeTimeProvider(start);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Repair attempts", "Notice them.");
        var dayAfterTomorrow = await BookAtAsync(world.Counselor, world.CaseId, start.AddDays(2).AddHours(8));
        var later = await BookAtAsync(world.Counselor, world.CaseId, start.AddDays(4).AddHours(8));
        var soon = HandoutKit.Ids(await NightBeforeAsync(world, exercise, dayAfterTomorrow));
        var notYet = HandoutKit.Ids(await NightBeforeAsync(world, exercise, later));
        var madeNow = HandoutKit.Ids(await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, sessionId = dayAfterTomorrow }));
        await app.RunJobAsync(world.Practice.PracticeId, madeNow[0]);
        var other = await app.CreateWorldAsync();
        var otherExercise = await other.Counselor.ExerciseAsync("Breathing", "Slowly.");
        var otherSession = await BookAtAsync(other.Counselor, other.CaseId, start.AddDays(2).AddHours(9));
        var otherHandout = HandoutKit.Ids(await NightBeforeAsync(other, otherExercise, otherSession)).Single();

        foreach (var id in soon.Concat(notYet))
        {
            var handout = await GetAsync(world.Counselor, id);
            Assert.Equal("Queued", handout["status"]!.GetValue<string>());
            Assert.NotNull(handout["renderAfter"]);
        }
        // Waiting handouts are not made even if a render is asked for them.
        await app.RunJobAsync(world.Practice.PracticeId, soon[0]);
        Assert.Equal("Queued", await world.Counselor.StatusAsync(soon[0]));
        Assert.Equal(0, await RunNightlyAsync(app, world.Practice.PracticeId)); // tonight: both sessions are too far off

        clock.Advance(TimeSpan.FromDays(1)); // the next night: the first session is 32 hours away, the other 80
        var counselor = await app.SignInAsync(world.CounselorEmail); // yesterday's tokens have expired
        var otherCounselor = await app.SignInAsync(other.CounselorEmail);

        Assert.Equal(2, await RunNightlyAsync(app, world.Practice.PracticeId));
        Assert.Equal(0, await RunNightlyAsync(app, world.Practice.PracticeId));
        foreach (var id in soon)
        {
            Assert.Null((await GetAsync(counselor, id))["renderAfter"]);
        }
        foreach (var id in notYet)
        {
            Assert.NotNull((await GetAsync(counselor, id))["renderAfter"]);
        }
        Assert.Equal("Ready", await counselor.StatusAsync(madeNow[0]));
        Assert.NotNull((await GetAsync(otherCounselor, otherHandout))["renderAfter"]);

        // Released, the render job makes it as usual; a second render makes no second file.
        await app.RunJobAsync(world.Practice.PracticeId, soon[0]);
        var ready = await GetAsync(counselor, soon[0]);
        Assert.Equal("Ready", ready["status"]!.GetValue<string>());
        await app.RunJobAsync(world.Practice.PracticeId, soon[0]);
        Assert.Equal(ready["sha256"]!.GetValue<string>(), (await GetAsync(counselor, soon[0]))["sha256"]!.GetValue<string>());

        Assert.Equal(1, await RunNightlyAsync(app, other.Practice.PracticeId));
    }

    [Fact]
    public async Task A_session_starting_within_a_day_and_a_half_gets_its_night_before_handout_at_once()
    {
        var start = TwoInTheMorning();
        var clock = new FakeTimeProvider(start);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Time out", "Agree on a signal.");
        var today = await BookAtAsync(world.Counselor, world.CaseId, start.AddHours(12));

        var id = HandoutKit.Ids(await NightBeforeAsync(world, exercise, today)).Single();

        Assert.Null((await GetAsync(world.Counselor, id))["renderAfter"]);
        Assert.Equal(0, await RunNightlyAsync(app, world.Practice.PracticeId));
    }

    [Fact]
    public async Task The_session_page_and_the_handout_page_show_attached_handouts_and_their_state()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Soft start-up", "Begin gently.");
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(5, 10));
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var form = await page.GetStringAsync($"/counselor/cases/{world.CaseId}/handouts/new?sessionId={session}");
        Assert.Matches($"<option[^>]*(selected=\"selected\"[^>]*value=\"{session}\"|value=\"{session}\"[^>]*selected=\"selected\")", form);
        Assert.Contains("value=\"nightBefore\"", form);

        var created = await NightBeforeAsync(world, exercise, session);
        var batch = created["batchId"]!.GetValue<Guid>();
        var details = await page.GetStringAsync($"/counselor/sessions/{session}");
        var handoutPage = await page.GetStringAsync($"/counselor/handouts/{batch}");

        Assert.Contains($"href=\"/counselor/handouts/{batch}\"", details);
        Assert.Contains("Made the night before the session", details);
        Assert.Contains($"href=\"/counselor/sessions/{session}\"", handoutPage);
        Assert.Contains("Made the night before the session", handoutPage);
        Assert.Contains("data-finished=\"true\"", handoutPage);
        var other = await app.CreateWorldAsync();
        using var otherPage = await app.CookieSignInAsync(other.CounselorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/counselor/sessions/{session}")).StatusCode);
    }
}
