using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// A couple case, "R. and S.", with something in every list of the counselor's home: Riley's danger answer
/// (an open alert, and an item to review), Sam's sent exercise (to review), one overdue item each, sessions
/// today, in three days, in ten days and one cancelled.
/// </summary>
public sealed record HomeWorld(PracticeWorld Base, Guid AlertId, Guid TodaysSession, Guid SessionInThreeDays, Guid SessionInTenDays, Guid CancelledSession)
{
    public const string PrivateWords = "He took my phone again";
    public const string SamsWords = "Sam wrote this for the counselor only";

    public static async Task<HomeWorld> CreateAsync(TestApp app)
    {
        var world = await WithPartnersAsync(app);
        var counselor = world.Counselor;
        var (riley, sam) = (world.Clients[0], world.Clients[1]);

        var checkIn = await counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>(), new { clientIds = new[] { riley.Id } });
        await riley.Client.SubmitOkAsync(await riley.Client.OnlyItemIdAsync(), SafetyAlertTests.DangerAnswers(checkIn));
        var alerts = await (await counselor.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync();
        var alertId = alerts["items"]![0]!["id"]!.GetValue<Guid>();

        var kindness = await counselor.NewExerciseAsync();
        await counselor.AssignAsync(world.CaseId, kindness["id"]!.GetValue<Guid>());
        var samsItem = (await sam.Client.MyItemsAsync()).Single()["id"]!.GetValue<Guid>();
        await sam.Client.SubmitOkAsync(samsItem, HomeworkApi.Answers(kindness, SamsWords));

        var late = await counselor.NewExerciseAsync(HomeworkApi.SoloExercise("Evening walk"));
        var lateAssignment = await counselor.AssignAsync(world.CaseId, late["id"]!.GetValue<Guid>(), new { dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        await MakeOverdueAsync(app, world.Practice.PracticeId, lateAssignment["id"]!.GetValue<Guid>());

        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddHours(12);
        var todays = await counselor.BookAsync(world.CaseId, today);
        var inThree = await counselor.BookAsync(world.CaseId, today.AddDays(3));
        var inTen = await counselor.BookAsync(world.CaseId, today.AddDays(10));
        var cancelled = await counselor.BookAsync(world.CaseId, today.AddDays(2));
        var cancel = await counselor.PatchAsJsonAsync($"/api/sessions/{cancelled}", new { status = "Cancelled", cancelledBy = "Client" });
        await cancel.EnsureStatusAsync(HttpStatusCode.OK);
        return new HomeWorld(world, alertId, todays, inThree, inTen, cancelled);
    }

    /// <summary>A practice whose counselor has the couple case with Riley and Sam (names the page can be searched for).</summary>
    private static async Task<PracticeWorld> WithPartnersAsync(TestApp app)
    {
        var practice = await app.RegisterPracticeAsync();
        var admin = await app.SignInAsync(practice.Email);
        var (counselorId, counselorEmail) = await app.InviteAndAcceptAsync(admin, "Counselor", displayName: "Alex Counselor");
        var counselor = await app.SignInAsync(counselorEmail);
        var caseId = await counselor.CreateCaseAsync("Couple", "R. and S.");
        var clients = new List<(Guid Id, string Email, HttpClient Client)>();
        foreach (var name in new[] { "Riley", "Sam" })
        {
            var (id, email) = await app.InviteAndAcceptAsync(counselor, "Client", caseId, name);
            clients.Add((id, email, await app.SignInAsync(email)));
        }
        return new PracticeWorld(practice, admin, counselorId, counselorEmail, counselor, caseId, clients);
    }

    /// <summary>Due dates cannot be set in the past through the app: the items' due date is moved back in the database.</summary>
    private static async Task MakeOverdueAsync(TestApp app, Guid practiceId, Guid assignmentId)
    {
        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "UPDATE assignment_occurrences SET due_at = now() - interval '2 days', available_at = now() - interval '3 days' WHERE practice_id = @p AND assignment_id = @a",
            owner);
        command.Parameters.AddWithValue("p", practiceId);
        command.Parameters.AddWithValue("a", assignmentId);
        Assert.Equal(2, await command.ExecuteNonQueryAsync());
    }
}
