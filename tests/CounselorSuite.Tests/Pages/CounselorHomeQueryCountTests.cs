using CounselorSuite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// The counselor's home stays cheap: at most <see cref="Statements"/> database statements in <see cref="RoundTrips"/>
/// round trips per view (the practice binding and the session check included), and as many for a counselor with a
/// full week as for a new one.
/// </summary>
public sealed class CounselorHomeQueryCountTests(ITestOutputHelper output)
{
    /// <summary>
    /// The practice binding, the session check, the four lists of what needs the counselor (one statement,
    /// HomeAttention), the week's sessions and the cases.
    /// </summary>
    public const int Statements = 5;

    /// <summary>The session check (with the binding in front), then every list in one batch.</summary>
    public const int RoundTrips = 2;

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

        var few = await log.CostOfSecondViewAsync(quietCounselor.Http, "/counselor");
        var many = await log.CostOfSecondViewAsync(busyCounselor.Http, "/counselor");
        var searched = await log.CostOfSecondViewAsync(busyCounselor.Http, "/counselor?q=riley");

        output.WriteLine($"Home page: new counselor {few}, busy counselor {many}, with a search {searched}:\n{many.Listing}");
        Assert.True((few.Statements, few.RoundTrips) == (many.Statements, many.RoundTrips)
            && (searched.Statements, searched.RoundTrips) == (many.Statements, many.RoundTrips),
            $"The home page cost {few} for a new counselor, {many} for a busy one, {searched} with a search.");
        Assert.True(many.Statements is > 0 and <= Statements && many.RoundTrips <= RoundTrips,
            $"The home page cost {many}; the budget is {Statements} statements in {RoundTrips} round trips.\n{many.Listing}");
    }
}
