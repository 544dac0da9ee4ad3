using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Homework;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CounselorSuite.Tests.Homework;

/// <summary>
/// The counselor's "attention needed" mail is written with the alert and sent by a job: a client's
/// request never waits for mail, and an app that dies between the alert's commit and the mail still
/// sends it, once.
/// </summary>
public sealed class SafetyAlertNoticeTests
{
    /// <summary>Runs the notice job of one alert as the job server would, in the alert's practice.</summary>
    internal static Task SendNoticeAsync(TestApp app, Guid practiceId, Guid alertId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<SafetyAlertNotices>().SendAsync(practiceId, alertId, CancellationToken.None));

    private static Task<int> SweepAsync(TestApp app, Guid practiceId) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) =>
            services.GetRequiredService<SafetyAlertNotices>().SweepAsync(practiceId, CancellationToken.None));

    /// <summary>The "attention needed" mails a counselor got (their invitation went to the same folder).</summary>
    private static List<string> NoticesTo(TestApp app, string address) =>
        SafetyAlertTests.MailsTo(app, address).Where(m => m.Contains("A client needs your attention.", StringComparison.Ordinal)).ToList();

    internal static async Task<Guid> OnlyOpenAlertAsync(HttpClient counselor) =>
        Assert.Single((await (await counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync())["items"]!.AsArray())!["id"]!.GetValue<Guid>();

    [Fact]
    public async Task An_alert_whose_mail_job_was_lost_in_a_crash_is_mailed_once_by_the_sweep()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;

        // The alert commits; the request sends no mail itself. The process "dies" here: its job never runs.
        await client.SubmitOkAsync(await client.OnlyItemIdAsync(), SafetyAlertTests.DangerAnswers(checkIn));
        var alertId = await OnlyOpenAlertAsync(world.Counselor);
        Assert.Empty(NoticesTo(app, world.CounselorEmail));
        // A fresh alert is left to its own job for a while; the restarted worker's sweep comes later.
        Assert.Equal(0, await SweepAsync(app, world.Practice.PracticeId));
        await using (var owner = await app.Database.OpenAsOwnerAsync())
        // The time as a parameter: Citus refuses timestamptz arithmetic on a column in an UPDATE (a STABLE
        // operator each shard could compute differently).
        await using (var age = new NpgsqlCommand("UPDATE safety_alerts SET raised_at = @at WHERE practice_id = @p AND id = @id", owner))
        {
            age.Parameters.AddWithValue("at", DateTimeOffset.UtcNow.AddMinutes(-3));
            age.Parameters.AddWithValue("p", world.Practice.PracticeId);
            age.Parameters.AddWithValue("id", alertId);
            await age.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await SweepAsync(app, world.Practice.PracticeId));
        Assert.Equal(0, await SweepAsync(app, world.Practice.PracticeId));
        await SendNoticeAsync(app, world.Practice.PracticeId, alertId); // the lost job, run late after all

        Assert.Single(NoticesTo(app, world.CounselorEmail));
    }

    [Fact]
    public async Task Two_runs_of_the_notice_job_at_once_send_one_mail()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var client = world.Clients[0].Client;
        (await client.SaveDraftAsync(await client.OnlyItemIdAsync(), SafetyAlertTests.DangerAnswers(checkIn))).EnsureSuccessStatusCode();
        var alertId = await OnlyOpenAlertAsync(world.Counselor);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SendNoticeAsync(app, world.Practice.PracticeId, alertId))));

        Assert.Single(NoticesTo(app, world.CounselorEmail));
    }
}
