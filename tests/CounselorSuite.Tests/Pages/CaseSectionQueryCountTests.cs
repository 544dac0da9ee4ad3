using System.Net;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using Xunit.Abstractions;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// Each section of the case page reads only its own data, in a fixed number of database statements and round trips:
/// as many for a case with a long history (assignments, sessions, alerts, invitations) as for a new one, and no
/// more than its budget. The budgets count the practice binding and the session check.
/// </summary>
public sealed class CaseSectionQueryCountTests(ITestOutputHelper output)
{
    // Five statements in two round trips: the session check with the practice binding in front (2), then one batch
    // of the header, the menu's open-alert count and the section's query (3). Homework's batch has four more
    // statements than that (the exercises to assign; screening and adherence per client; the page of assignments
    // with their titles, decisions and total; their latest items; the counts of the others). Progress reads its
    // load after the header (whose clients it shows), in one more batch: the measure results, the series with
    // their answers and titles, adherence and the sessions.
    private static readonly (string Section, int Statements, int RoundTrips)[] Budgets =
    [
        ("", 5, 2),
        ("/homework", 9, 2),
        ("/progress", 8, 3),
        ("/sessions", 5, 2),
        ("/handouts", 5, 2),
        ("/settings", 5, 2),
    ];

    [Fact]
    public async Task Every_section_sends_the_same_few_commands_for_a_long_history_as_for_a_new_case()
    {
        var app = await TestApp.SharedAsync();
        var small = await app.CreateWorldAsync("Couple");
        var large = await app.CreateWorldAsync("Couple");
        // The same kinds of data in both, one of each in the small case, many in the large one.
        await SeedAsync(small, assignments: 1, sessionDays: [3], invitations: 1);
        await SeedAsync(large, assignments: 4, sessionDays: [-14, -7, 3, 10], invitations: 3);

        using var log = new DbCommandLog();
        var counts = new List<string>();
        var listings = new List<string>();
        var failures = new List<string>();
        foreach (var (section, statements, roundTrips) in Budgets)
        {
            var few = await CostAsync(app, log, small, $"/counselor/cases/{small.CaseId}{section}");
            var many = await CostAsync(app, log, large, $"/counselor/cases/{large.CaseId}{section}");
            var name = section == "" ? "overview" : section[1..];
            counts.Add($"{name}: {few} / {many}");
            listings.Add($"== {name}: {many}\n{many.Listing}");
            if (few.Statements != many.Statements || few.RoundTrips != many.RoundTrips || many.Statements > statements || many.RoundTrips > roundTrips)
            {
                failures.Add($"{name}: {few} for a new case, {many} for a long history (budget {statements} in {roundTrips}):\n"
                    + many.Listing);
            }
        }
        output.WriteLine("cost per section, new case / long history:\n" + string.Join("\n", counts) + "\n\n" + string.Join("\n\n", listings));
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nall: " + string.Join(", ", counts));
    }

    /// <summary>The cost of the counselor's second request for the page (warm: one-time work is not counted).</summary>
    private static async Task<RequestCost> CostAsync(TestApp app, DbCommandLog log, PracticeWorld world, string url)
    {
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);
        return await log.CostOfSecondViewAsync(browser.Http, url);
    }

    private static async Task SeedAsync(PracticeWorld world, int assignments, int[] sessionDays, int invitations)
    {
        var exercise = await world.Counselor.NewExerciseAsync();
        for (var i = 0; i < assignments; i++)
        {
            await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(), new { recurrence = new { every = "Day", count = 5 } });
        }
        foreach (var days in sessionDays)
        {
            await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(days, 10));
        }
        // A danger answer: ratings for the progress section and an open alert for the header and overview.
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var item = (await world.Clients[0].Client.MyItemsAsync()).First(i => i["exerciseTitle"]!.GetValue<string>() == SafetyAlertTests.CheckIn);
        await world.Clients[0].Client.SubmitOkAsync(item["id"]!.GetValue<Guid>(), SafetyAlertTests.DangerAnswers(checkIn));
        for (var i = 0; i < invitations; i++)
        {
            await (await world.Counselor.PostAsync("/api/invitations", System.Net.Http.Json.JsonContent.Create(new
            {
                email = ApiClient.UniqueEmail("later"), role = "Client", displayName = "Later Client", caseId = world.CaseId,
            }))).EnsureStatusAsync(HttpStatusCode.Created);
        }
    }
}
