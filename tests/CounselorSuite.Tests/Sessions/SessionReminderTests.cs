using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CounselorSuite.Tests.Sessions;

/// <summary>
/// Reminders of booked sessions on a fake clock, run the way the job server runs them: a scope with the
/// practice restored. Each attendee reads the time in their own zone, and nothing in the mail says what
/// the meeting is about.
/// </summary>
public sealed class SessionReminderTests
{
    private const string Text = "You have an appointment on ";

    private static Task<int> RunJobAsync(TestApp app, Guid practiceId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<SessionReminders>().RunForPracticeAsync(practiceId, CancellationToken.None));

    private static List<string> RemindersTo(TestApp app, string email) =>
        SafetyAlertTests.MailsTo(app, email).Where(m => m.Contains(Text, StringComparison.Ordinal)).ToList();

    private static async Task SetZoneAsync(TestApp app, Guid userId, string zone)
    {
        await using var connection = await app.Database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("UPDATE users SET time_zone = @zone WHERE id = @id", connection);
        command.Parameters.AddWithValue("zone", zone);
        command.Parameters.AddWithValue("id", userId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_9_am_session_in_chicago_after_the_clocks_change_is_reminded_as_9_am_and_as_kolkata_evening_once()
    {
        // Fri 12 Mar 2027, 9:00 am in Chicago (CST). The clocks go forward on Sun 14 Mar at 2:00 am.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 12, 15, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync("Couple", timeZone: "America/Chicago");
        var (chicagoClient, kolkataClient) = (world.Clients[0], world.Clients[1]);
        await SetZoneAsync(app, kolkataClient.Id, "Asia/Kolkata");
        var chicago = new TimeSettings(null, "America/Chicago", "en-US").At(NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow()));
        var startsAt = ((LocalInput.Valid)chicago.Parse(new DateOnly(2027, 3, 14), new TimeOnly(9, 0))).At;
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 14, 0, 0, TimeSpan.Zero), startsAt); // 9:00 am CDT
        await world.Counselor.BookAsync(world.CaseId, startsAt);

        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId)); // two days ahead: not yet

        // Sat 13 Mar, 8:30 am CST in Chicago and 8:00 pm in Kolkata: outside both clients' quiet hours.
        clock.Advance(TimeSpan.FromHours(23.5));
        Assert.Equal(2, await RunJobAsync(app, world.Practice.PracticeId));
        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));

        var inChicago = Assert.Single(RemindersTo(app, chicagoClient.Email));
        Assert.Contains("You have an appointment on Sun 14 Mar, 9:00 am.", inChicago);
        var inKolkata = Assert.Single(RemindersTo(app, kolkataClient.Email));
        Assert.Contains("You have an appointment on Sun 14 Mar, 7:30 pm IST.", inKolkata);
        foreach (var mail in new[] { inChicago, inKolkata })
        {
            // A watcher reading the mail learns a time, not what it is for or where.
            Assert.Contains("Subject: Reminder", mail);
            foreach (var word in new[] { "counsel", "therap", "session", "Room 2" })
            {
                Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal(2, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, "SELECT count(*) FROM session_reminders"));
    }

    [Fact]
    public async Task A_cancelled_session_gets_no_reminder_and_a_moved_one_gets_one_for_its_new_time()
    {
        // Tue 2 Mar 2027, 10:00 am in Chicago.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 2, 16, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync(timeZone: "America/Chicago");
        var email = world.Clients[0].Email;
        var kept = await world.Counselor.BookAsync(world.CaseId, clock.GetUtcNow().AddHours(30)); // Wed 3 Mar, 4:00 pm
        var cancelled = await world.Counselor.BookAsync(world.CaseId, clock.GetUtcNow().AddHours(33));
        var cancel = await world.Counselor.PatchAsJsonAsync($"/api/sessions/{cancelled}", new { status = "Cancelled", cancelledBy = "Client" });
        await cancel.EnsureStatusAsync(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromHours(10)); // 8:00 pm: both would be within a day
        Assert.Equal(1, await RunJobAsync(app, world.Practice.PracticeId));
        Assert.Contains("You have an appointment on Wed 3 Mar, 4:00 pm.", Assert.Single(RemindersTo(app, email)));

        // Moved an hour later after its reminder went: a reminder of the new time, once.
        using var counselor = await app.SignInAsync(world.CounselorEmail); // the first sign-in's token ran out
        var moved = await counselor.PutAsJsonAsync($"/api/sessions/{kept}",
            new { startsAt = clock.GetUtcNow().AddHours(21), durationMinutes = 50 });
        await moved.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await RunJobAsync(app, world.Practice.PracticeId));
        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
        var reminders = RemindersTo(app, email);
        Assert.Equal(2, reminders.Count);
        Assert.Single(reminders, m => m.Contains("You have an appointment on Wed 3 Mar, 5:00 pm.", StringComparison.Ordinal));

        using var admin = await app.SignInAsync(world.Practice.Email);
        var audit = await admin.AuditAsync("action=SessionReminderSent");
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task No_reminder_in_quiet_hours_or_when_reminders_are_off_and_none_after_the_start()
    {
        // Wed 3 Mar 2027, 4:00 am in Chicago: quiet hours (9:00 pm to 8:00 am) by default.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 3, 10, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync("Couple", timeZone: "America/Chicago");
        await world.Counselor.BookAsync(world.CaseId, clock.GetUtcNow().AddHours(5)); // 9:00 am
        await using (var connection = await app.Database.OpenAsOwnerAsync())
        {
            await using var command = new NpgsqlCommand("UPDATE client_profiles SET reminders_enabled = false WHERE user_id = @id", connection);
            command.Parameters.AddWithValue("id", world.Clients[1].Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
        clock.Advance(TimeSpan.FromHours(4)); // 8:00 am: quiet hours are over
        Assert.Equal(1, await RunJobAsync(app, world.Practice.PracticeId));
        Assert.Single(RemindersTo(app, world.Clients[0].Email));
        Assert.Empty(RemindersTo(app, world.Clients[1].Email));

        using var counselor = await app.SignInAsync(world.CounselorEmail); // the first sign-in's token ran out
        await counselor.BookAsync(world.CaseId, clock.GetUtcNow().AddHours(3), clientIds: [world.Clients[0].Id], allowConflict: true);
        clock.Advance(TimeSpan.FromHours(4)); // it has started: a reminder now would be no use
        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
    }
}
