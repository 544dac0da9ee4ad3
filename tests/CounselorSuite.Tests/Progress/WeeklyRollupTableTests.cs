using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// scale_answer_weeks, the weekly roll-ups long progress ranges are read from, kept by the database's own
/// triggers: they must always equal the weekly totals of the answers, whichever way answers come and go.
/// </summary>
public sealed class WeeklyRollupTableTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Roll_ups_equal_the_weekly_totals_of_the_answers_after_submissions_through_the_app()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (a, b) = (world.Clients[0], world.Clients[1]);
        // History as the submission flow stores it, several answers a week, plus one real submission through the API.
        await SeedCheckInsAsync(app, world, a.Id, Enumerable.Range(0, 40).Select(d => Monday.AddDays(d * 2.5)).ToList(), (i, item) => (i + item.Length) % 11);
        await SeedCheckInsAsync(app, world, b.Id, Enumerable.Range(0, 12).Select(w => Monday.AddDays(7 * w + 1)).ToList(), (i, _) => i % 11);
        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        await RateDecisionsAsync(a.Client, assignment, 6);

        var (rollups, totals) = await RollupsAndTotalsAsync(app, world.Practice.PracticeId);

        Assert.NotEmpty(rollups);
        Assert.Equal(totals, rollups);
        Assert.Contains(rollups, r => r.ClientId == b.Id);
    }

    [Fact]
    public async Task Removing_answers_recomputes_their_weeks_and_drops_emptied_ones()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        // Two answers in the first week, one in the second.
        await SeedCheckInsAsync(app, world, client.Id, [Monday, Monday.AddDays(2), Monday.AddDays(7)], (i, _) => 2 + i * 3);

        await app.InPracticeAsync(world.Practice.PracticeId, async (AppDbContext db) =>
        {
            var first = await db.ScaleAnswers.Where(x => x.ClientId == client.Id).OrderBy(x => x.AnsweredAt).Select(x => x.SubmissionId).FirstAsync();
            var last = await db.ScaleAnswers.Where(x => x.ClientId == client.Id).OrderByDescending(x => x.AnsweredAt).Select(x => x.SubmissionId).FirstAsync();
            // As the app role, like any statement of the app: the triggers run under row-level security too.
            await db.ScaleAnswers.Where(x => x.SubmissionId == first || x.SubmissionId == last).ExecuteDeleteAsync();
            // A changed value moves the week's sum.
            await db.ScaleAnswers.Where(x => x.ClientId == client.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RawValue, 10));
        });

        var (rollups, totals) = await RollupsAndTotalsAsync(app, world.Practice.PracticeId);

        Assert.Equal(totals, rollups);
        Assert.All(rollups, r => Assert.Equal(new DateOnly(2025, 3, 3), r.WeekOf)); // the second week is gone
        Assert.All(rollups, r => Assert.Equal(1, r.Answers));
        Assert.All(rollups, r => Assert.Equal(100, r.ValueSum, 9));
    }

    internal sealed record Week(Guid ClientId, Guid CaseId, string Dimension, DateOnly WeekOf, int Answers, double ValueSum, DateTimeOffset FirstAt, DateTimeOffset LastAt);

    /// <summary>The practice's roll-up rows, and the same figures computed from its answers (as the app role).</summary>
    internal static Task<(List<Week> Rollups, List<Week> Totals)> RollupsAndTotalsAsync(TestApp app, Guid practiceId) =>
        app.InPracticeAsync(practiceId, (AppDbContext db) => RollupsAndTotalsAsync(db));

    private static async Task<(List<Week> Rollups, List<Week> Totals)> RollupsAndTotalsAsync(AppDbContext db)
    {
        var rollups = (await db.ScaleAnswerWeeks.AsNoTracking().ToListAsync())
            .Select(w => new Week(w.ClientId, w.CaseId, w.Dimension.ToString(), w.WeekOf, w.Answers, Math.Round(w.ValueSum, 9), w.FirstAt, w.LastAt))
            .OrderBy(w => w.ClientId).ThenBy(w => w.CaseId).ThenBy(w => w.Dimension).ThenBy(w => w.WeekOf).ToList();
        var totals = (await db.ScaleAnswers.AsNoTracking().Where(x => x.Dimension != null)
                .Select(x => new { x.ClientId, x.CaseId, x.Dimension, x.RawValue, x.Min, x.Max, x.AnsweredAt }).ToListAsync())
            .GroupBy(x => (x.ClientId, x.CaseId, Dimension: x.Dimension!.Value.ToString(),
                WeekOf: DateOnly.FromDateTime(x.AnsweredAt.UtcDateTime.Date.AddDays(-(((int)x.AnsweredAt.UtcDateTime.DayOfWeek + 6) % 7)))))
            .Select(g => new Week(g.Key.ClientId, g.Key.CaseId, g.Key.Dimension, g.Key.WeekOf, g.Count(),
                Math.Round(g.Sum(x => Normalisation(x.RawValue, x.Min, x.Max)), 9), g.Min(x => x.AnsweredAt), g.Max(x => x.AnsweredAt)))
            .OrderBy(w => w.ClientId).ThenBy(w => w.CaseId).ThenBy(w => w.Dimension).ThenBy(w => w.WeekOf).ToList();
        return (rollups, totals);
    }

    private static double Normalisation(int raw, int min, int max) =>
        CounselorSuite.Web.Features.Exercises.Normalisation.ToPercent(raw, min, max);
}
