using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Progress;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Citus;

/// <summary>
/// The weekly roll-up trigger runs on the workers on Citus (the answers' shard and its colocated roll-up
/// shard sit on the same worker): many submits at once into the same weeks must still add up exactly.
/// </summary>
public sealed class CitusRollupTests
{
    [CitusFact]
    public async Task Roll_ups_equal_the_recomputed_weekly_totals_after_concurrent_submits()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await ExerciseIdAsync(world.Counselor, DecisionsExercise);
        var assignments = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            assignments.Add(await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = exercise }));
        }

        // Both partners, every assignment, all at once: the same client's answers land in the same week's row.
        await Task.WhenAll(assignments.SelectMany((assignment, i) => world.Clients.Select(c => RateDecisionsAsync(c.Client, assignment, 1 + (i % 7)))));

        var (rollups, totals) = await WeeklyRollupTableTests.RollupsAndTotalsAsync(app, world.Practice.PracticeId);
        Assert.Equal(totals, rollups);
        Assert.True(rollups.Sum(r => r.Answers) >= assignments.Count);
    }
}
