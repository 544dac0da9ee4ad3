using CounselorSuite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// The counselor's home stays cheap: at most <see cref="Budget"/> database statements per view (the practice
/// binding and the two-factor check included), and as many for a counselor with a full week as for a new one.
/// </summary>
public sealed class CounselorHomeQueryCountTests(ITestOutputHelper output)
{
    /// <summary>One practice binding, the two-factor check, and one statement per list (six lists).</summary>
    public const int Budget = 8;

    [Fact]
    public async Task The_home_page_sends_at_most_its_budget_of_statements_however_much_there_is_to_show()
    {
        var app = await TestApp.SharedAsync();
        var quiet = await app.CreateWorldAsync();
        var busy = await HomeWorld.CreateAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await busy.Base.Counselor.CreateCaseAsync("Individual", $"Case {i}");
        }
        using var log = new DbCommandLog();
        using var quietCounselor = await Browser.SignedInAsync(app, quiet.CounselorEmail);
        using var busyCounselor = await Browser.SignedInAsync(app, busy.Base.CounselorEmail);

        var few = await CountAsync(log, quietCounselor.Http, "/counselor");
        var many = await CountAsync(log, busyCounselor.Http, "/counselor");
        var searched = await CountAsync(log, busyCounselor.Http, "/counselor?q=riley");

        output.WriteLine($"Statements per home page view: new counselor {few.Count}, busy counselor {many.Count}, with a search {searched.Count}:");
        output.WriteLine(string.Join("\n---\n", many));
        Assert.True(few.Count == many.Count && many.Count == searched.Count && many.Count is > 0 and <= Budget,
            $"The home page sent {few.Count} statements for a new counselor, {many.Count} for a busy one, {searched.Count} with a search; the budget is {Budget}.");
    }

    /// <summary>The statements of a second view of the page (the first warms what is done once).</summary>
    private static async Task<IReadOnlyList<string>> CountAsync(DbCommandLog log, HttpClient http, string url)
    {
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var (response, trace) = await DbCommandLog.SendTracedAsync(http, request);
        response.EnsureSuccessStatusCode();
        return log.CommandsOf(trace);
    }
}
