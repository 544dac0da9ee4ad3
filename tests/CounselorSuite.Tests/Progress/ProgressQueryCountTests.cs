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
public sealed class ProgressQueryCountTests
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
        var counts = new List<(string Page, int Small, int Large)>();
        foreach (var (name, url) in Pages())
        {
            var few = await CountAsync(app, counter, small, url(small));
            var many = await CountAsync(app, counter, large, url(large));
            counts.Add((name, few, many));
        }

        Assert.All(counts, c => Assert.True(c.Small == c.Large && c.Large > 0 && c.Large <= 20,
            $"{c.Page}: {c.Small} commands with one check-in, {c.Large} with two years of data"));
    }

    private static IEnumerable<(string Name, Func<PracticeWorld, string> Url)> Pages() =>
    [
        ("client's page", w => "client:/portal/progress"),
        ("client's page, everything", w => "client:/portal/progress?range=all"),
        ("counselor's page of a client", w => $"counselor:/counselor/clients/{w.Clients[0].Id}/progress?range=all"),
        ("API", w => $"api:/api/clients/{w.Clients[0].Id}/progress"),
        ("API, every answer", w => $"api:/api/clients/{w.Clients[0].Id}/progress?resolution=answer"),
        ("CSV export", w => $"api:/api/clients/{w.Clients[0].Id}/progress.csv"),
    ];

    /// <summary>The second partner shares one rating, so the first partner's own view has a partner's data.</summary>
    private static async Task ShareARatingAsync(PracticeWorld world)
    {
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        var item = await RateDecisionsAsync(world.Clients[1].Client, assignment, 5);
        await (await world.Clients[1].Client.PostAsync($"/api/assignments/{item}/share", null)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>Requests the page (warm, so one-time work is not counted) and counts the commands of a second request.</summary>
    private static async Task<int> CountAsync(TestApp app, DbCommandLog counter, PracticeWorld world, string target)
    {
        var (who, url) = (target[..target.IndexOf(':')], target[(target.IndexOf(':') + 1)..]);
        using var browser = who == "api" ? null : await Browser.SignedInAsync(app, who == "client" ? world.Clients[0].Email : world.CounselorEmail);
        var http = browser?.Http ?? world.Counselor;
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var (response, trace) = await DbCommandLog.SendTracedAsync(http, request);
        response.EnsureSuccessStatusCode();
        // The bearer token's security stamp is read again once its 30-second cache entry lapses, which under
        // load can fall between the warm-up and the counted request: that refresh is not the page's work.
        return counter.CommandsOf(trace).Count(c => !IsStampRefresh(c));
    }

    private static bool IsStampRefresh(string command) =>
        command.Contains("security_stamp", StringComparison.Ordinal) && !command.Contains("JOIN", StringComparison.OrdinalIgnoreCase)
        && command.Split("FROM", StringSplitOptions.None).Length == 2;
}
