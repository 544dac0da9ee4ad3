using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// No N+1 on progress: every progress page and the API send the database the same number of commands for a
/// couple with one check-in each as for a couple with two years of daily check-ins in a dozen assignments,
/// attended sessions and shared answers.
/// </summary>
public sealed class ProgressQueryCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Progress_pages_and_the_api_send_as_many_commands_for_years_of_data_as_for_one_check_in()
    {
        var app = await TestApp.SharedAsync();
        var small = await app.CreateWorldAsync("Couple");
        var large = await app.CreateWorldAsync("Couple");
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddHours(8);

        await SeedCheckInsAsync(app, small, small.Clients[0].Id, [today.AddDays(-3)], (_, _) => 5);
        await SeedCheckInsAsync(app, small, small.Clients[1].Id, [today.AddDays(-2)], (_, _) => 6);
        await ShareARatingAsync(small);

        // Two years of daily check-ins in twelve assignments for one partner, weekly ones for the other.
        for (var block = 0; block < 12; block++)
        {
            var days = Enumerable.Range(0, 60).Select(d => today.AddDays(-730 + block * 60 + d)).ToList();
            await SeedCheckInsAsync(app, large, large.Clients[0].Id, days, (i, item) => (i + item.Length + block) % 11);
        }
        await SeedCheckInsAsync(app, large, large.Clients[1].Id, Enumerable.Range(0, 100).Select(w => today.AddDays(-700 + 7 * w)).ToList(), (i, _) => i % 11);
        foreach (var daysAgo in new[] { 7, 14, 21 })
        {
            var session = await large.Counselor.BookAsync(large.CaseId, SessionApi.DaysAhead(-daysAgo));
            await (await large.Counselor.PatchAsJsonAsync($"/api/sessions/{session}", new { status = "Attended" })).EnsureStatusAsync(HttpStatusCode.OK);
        }
        await ShareARatingAsync(large);

        using var counter = new DbCommandLog();
        var costs = new List<(string Page, RequestCost Small, RequestCost Large, int Statements, int RoundTrips)>();
        foreach (var (name, url, statements, roundTrips) in Pages())
        {
            var few = await CostAsync(app, counter, small, url(small));
            var many = await CostAsync(app, counter, large, url(large));
            costs.Add((name, few, many, statements, roundTrips));
        }

        output.WriteLine(string.Join("\n", costs.Select(c => $"{c.Page}: {c.Small} / {c.Large}"))
            + "\n\n" + string.Join("\n\n", costs.Select(c => $"== {c.Page}: {c.Large}\n{c.Large.Listing}")));
        var failures = costs.Where(c => c.Small.Statements != c.Large.Statements || c.Small.RoundTrips != c.Large.RoundTrips
                || c.Large.Statements == 0 || c.Large.Statements > c.Statements || c.Large.RoundTrips > c.RoundTrips)
            .Select(c => $"{c.Page}: {c.Small} with one check-in, {c.Large} with two years of data (budget {c.Statements} in {c.RoundTrips}):\n{c.Large.Listing}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures)
            + "\nall: " + string.Join("; ", costs.Select(c => $"{c.Page}: {c.Small} / {c.Large}")));
    }

    // Statements and round trips per request, the session check and the practice binding included (issue 15's goal
    // is 3 statements; these are today's counts, so that a query added anywhere fails here). After the session
    // check (pages): who may read what and whose data a view shows, one statement (with the counselor's page, the
    // menu's alert count); then the load in one batch: measure results, the series with their answers and titles in
    // one statement, adherence and sessions (the export reads every answer and their titles as two).
    private static IEnumerable<(string Name, Func<PracticeWorld, string> Url, int Statements, int RoundTrips)> Pages() =>
    [
        ("client's page", w => "client:/portal/progress", 7, 3),
        ("client's page, everything", w => "client:/portal/progress?range=all", 7, 3),
        ("counselor's page of a client", w => $"counselor:/counselor/clients/{w.Clients[0].Id}/progress?range=all", 8, 3),
        ("API", w => $"api:/api/clients/{w.Clients[0].Id}/progress", 6, 2),
        ("API, every answer", w => $"api:/api/clients/{w.Clients[0].Id}/progress?resolution=answer", 7, 2),
        ("CSV export", w => $"api:/api/clients/{w.Clients[0].Id}/progress.csv", 7, 2),
    ];

    /// <summary>The second partner shares one rating, so the first partner's own view has a partner's data.</summary>
    private static async Task ShareARatingAsync(PracticeWorld world)
    {
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        var item = await RateDecisionsAsync(world.Clients[1].Client, assignment, 5);
        await (await world.Clients[1].Client.PostAsync($"/api/assignments/{item}/share", null)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>Requests the page (warm, so one-time work is not counted) and measures a second request.</summary>
    private static async Task<RequestCost> CostAsync(TestApp app, DbCommandLog counter, PracticeWorld world, string target)
    {
        var (who, url) = (target[..target.IndexOf(':')], target[(target.IndexOf(':') + 1)..]);
        using var browser = who == "api" ? null : await Browser.SignedInAsync(app, who == "client" ? world.Clients[0].Email : world.CounselorEmail);
        return await counter.CostOfSecondViewAsync(browser?.Http ?? world.Counselor, url);
    }
}
