using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CounselorSuite.Tests.Homework;

/// <summary>Reminders on a fake clock. The job is run the way the job server runs it: a scope with the practice restored.</summary>
public sealed class ReminderTests
{
    private const string DueSoonText = "An item in your portal is due soon";
    private const string OverdueText = "An item in your portal is waiting for you.";

    /// <summary>Tomorrow (real time) at 10:00 UTC: outside the default quiet hours (21:00 to 08:00 UTC).</summary>
    private static DateTimeOffset TenInTheMorning() => new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);

    private static Task<int> RunJobAsync(TestApp app, Guid practiceId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<HomeworkReminders>().RunForPracticeAsync(practiceId, CancellationToken.None));

    private static int Reminders(TestApp app, string email, string text) =>
        SafetyAlertTests.MailsTo(app, email).Count(m => m.Contains(text, StringComparison.Ordinal));

    private static async Task SetProfileAsync(TestApp app, Guid userId, string sql)
    {
        await using var connection = await app.Database.OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand($"UPDATE client_profiles SET {sql} WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<(PracticeWorld World, string Email)> AssignDueInAsync(TestApp app, TimeSpan dueIn)
    {
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = app.Clock!.GetUtcNow() + dueIn });
        return (world, world.Clients[0].Email);
    }

    [Fact]
    public async Task A_due_soon_and_an_overdue_reminder_go_once_each_and_not_in_quiet_hours()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var (world, email) = await AssignDueInAsync(app, TimeSpan.FromHours(20));
        var practice = world.Practice.PracticeId;

        Assert.Equal(1, await RunJobAsync(app, practice));
        Assert.Equal(0, await RunJobAsync(app, practice));
        Assert.Equal(1, Reminders(app, email, DueSoonText));

        clock.Advance(TimeSpan.FromHours(21)); // 07:00 UTC: past due, but in the client's quiet hours
        Assert.Equal(0, await RunJobAsync(app, practice));
        Assert.Equal(0, Reminders(app, email, OverdueText));

        clock.Advance(TimeSpan.FromHours(1)); // 08:00: quiet hours are over
        Assert.Equal(1, await RunJobAsync(app, practice));
        Assert.Equal(0, await RunJobAsync(app, practice));
        Assert.Equal(1, Reminders(app, email, OverdueText));
        Assert.Equal(1, Reminders(app, email, DueSoonText));
    }

    [Fact]
    public async Task Quiet_hours_are_read_in_the_clients_own_time_zone()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var (world, email) = await AssignDueInAsync(app, TimeSpan.FromHours(12));
        // 10:00 UTC is 05:00 or 06:00 in New York: before the client's quiet hours end at 08:00.
        await using (var connection = await app.Database.OpenAsOwnerAsync())
        {
            await using var command = new NpgsqlCommand("UPDATE users SET time_zone = 'America/New_York' WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", world.Clients[0].Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
        clock.Advance(TimeSpan.FromHours(3)); // 13:00 UTC: 08:00 or 09:00 in New York

        Assert.Equal(1, await RunJobAsync(app, world.Practice.PracticeId));
        Assert.Equal(1, Reminders(app, email, DueSoonText));
    }

    [Fact]
    public async Task The_reminder_says_when_the_item_is_due_in_the_clients_own_time_zone()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync(timeZone: "America/Chicago");
        var exercise = await world.Counselor.NewExerciseAsync();
        // 15:30 UTC: 9:30 am in Chicago in winter (10:30 am in summer), 9:00 pm in Kolkata all year.
        var due = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddHours(15).AddMinutes(30), TimeSpan.Zero);
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = due });
        await using (var connection = await app.Database.OpenAsOwnerAsync())
        {
            await using var command = new NpgsqlCommand("UPDATE users SET time_zone = 'Asia/Kolkata' WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", world.Clients[0].Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(1, await RunJobAsync(app, world.Practice.PracticeId));

        var kolkata = new TimeSettings("Asia/Kolkata", "America/Chicago", "en-US").At(NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow()));
        var mail = Assert.Single(SafetyAlertTests.MailsTo(app, world.Clients[0].Email), m => m.Contains(DueSoonText, StringComparison.Ordinal));
        Assert.Contains($"due soon, by {kolkata.Date(due)}, 9:00 pm IST.", mail);
    }

    [Fact]
    public async Task A_client_who_turned_reminders_off_gets_none()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var (world, email) = await AssignDueInAsync(app, TimeSpan.FromHours(2));
        await SetProfileAsync(app, world.Clients[0].Id, "reminders_enabled = false");

        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));

        Assert.Equal(0, Reminders(app, email, DueSoonText) + Reminders(app, email, OverdueText));
    }

    [Fact]
    public async Task Two_servers_running_the_practice_job_at_once_send_each_reminder_once()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var (world, email) = await AssignDueInAsync(app, TimeSpan.FromHours(5));
        var exercise = await world.Counselor.NewExerciseAsync(HomeworkApi.SoloExercise("A second one"));
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = clock.GetUtcNow().AddHours(6) });

        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RunJobAsync(app, world.Practice.PracticeId)));

        Assert.Equal(2, sent.Sum());
        Assert.Equal(2, Reminders(app, email, DueSoonText));
        Assert.Equal(2, await HomeworkApi.CountAsync(app, world.Practice.PracticeId, "SELECT count(*) FROM homework_reminders"));
    }

    [Fact]
    public async Task Submitted_paused_and_not_yet_open_items_get_no_reminder()
    {
        var clock = new FakeTimeProvider(TenInTheMorning());
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var client = world.Clients[0].Client;
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = clock.GetUtcNow().AddHours(3) });
        await client.SubmitOkAsync(await client.OnlyItemIdAsync(), HomeworkApi.Answers(exercise));
        var paused = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { dueAt = clock.GetUtcNow().AddHours(3) });
        await world.Counselor.PostOkAsync($"/api/assignments/{paused["id"]}/pause");
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(),
            new { startsAt = clock.GetUtcNow().AddHours(1), dueAt = clock.GetUtcNow().AddHours(4) });

        Assert.Equal(0, await RunJobAsync(app, world.Practice.PracticeId));
    }

    [Fact]
    public void Quiet_hours_wrap_midnight_and_equal_times_mean_none()
    {
        var profile = new CounselorSuite.Web.Features.Accounts.ClientProfile { QuietHoursStart = new(22, 0), QuietHoursEnd = new(7, 0) };
        var berlin = TimeZones.Find("Europe/Berlin");
        var winter = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero); // 01:00 in Berlin

        Assert.True(HomeworkReminders.InQuietHours(profile, winter, berlin));
        Assert.True(HomeworkReminders.InQuietHours(profile, winter.AddHours(21), berlin)); // 22:00
        Assert.False(HomeworkReminders.InQuietHours(profile, winter.AddHours(6), berlin)); // 07:00
        Assert.False(HomeworkReminders.InQuietHours(profile, winter.AddHours(20), berlin)); // 21:00
        var none = new CounselorSuite.Web.Features.Accounts.ClientProfile { QuietHoursStart = new(9, 0), QuietHoursEnd = new(9, 0) };
        Assert.False(HomeworkReminders.InQuietHours(none, winter, berlin));
        var unknownZone = TimeZones.Find("Mars/Olympus");
        Assert.True(HomeworkReminders.InQuietHours(new CounselorSuite.Web.Features.Accounts.ClientProfile(), winter, unknownZone)); // read as UTC: 00:00 is quiet
    }
}
