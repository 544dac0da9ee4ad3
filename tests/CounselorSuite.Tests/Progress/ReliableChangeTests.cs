using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class ReliableChangeTests
{
    [Fact]
    public void Worked_example_twenty_to_twelve_is_a_reliable_improvement_when_lower_is_better()
    {
        // SE = 7.5 · √(1 − 0.9) = 2.3717; Sdiff = √(2 · 2.3717²) = 3.3541; RCI = (12 − 20) / 3.3541 = −2.3851.
        var change = ReliableChange.Compute(before: 20, after: 12, normativeSd: 7.5, reliability: 0.9, higherIsBetter: false);

        Assert.Equal(2.372, change.StandardError, 3);
        Assert.Equal(3.354, change.StandardErrorOfDifference, 3);
        Assert.Equal(-2.385, change.Index, 3);
        Assert.True(change.IsReliable);
        Assert.Equal(ChangeDirection.ReliableImprovement, change.Direction);
    }

    [Fact]
    public void The_same_drop_is_a_deterioration_when_higher_is_better()
    {
        var change = ReliableChange.Compute(20, 12, 7.5, 0.9, higherIsBetter: true);

        Assert.Equal(ChangeDirection.ReliableDeterioration, change.Direction);
    }

    [Fact]
    public void A_change_within_measurement_error_is_not_reliable()
    {
        // (15 − 20) / 3.3541 = −1.491: under 1.96.
        var change = ReliableChange.Compute(20, 15, 7.5, 0.9, higherIsBetter: false);

        Assert.Equal(-1.491, change.Index, 3);
        Assert.False(change.IsReliable);
        Assert.Equal(ChangeDirection.NoReliableChange, change.Direction);
    }

    [Fact]
    public void A_measure_with_reliability_figures_gives_its_change_and_one_without_gives_none()
    {
        var screen = TestMeasures.Valid(TestMeasures.DepressionScreen());
        var checkIn = BuiltInMeasures.CheckIn;

        Assert.Equal(ChangeDirection.ReliableImprovement, ReliableChange.Compute(screen, 20, 12)?.Direction);
        Assert.Null(ReliableChange.Compute(checkIn, 2, 9));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Reliability_at_the_bounds_is_refused(double r)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(1, 2, 5, r, true));
    }

    [Theory]
    // SD 1 and reliability 0.5 make Sdiff exactly 1, so the index is the difference itself.
    [InlineData(1.9555, false, 1.95)]
    [InlineData(1.9601, true, 1.97)]
    [InlineData(-1.9575, false, -1.95)] // plain rounding would show -1.96, the threshold itself
    [InlineData(-1.9649, true, -1.97)]
    [InlineData(-2.3851, true, -2.39)]
    public void The_index_is_shown_with_two_decimals_that_never_contradict_the_verdict(double index, bool reliable, double shown)
    {
        var change = ReliableChange.Compute(0, index, normativeSd: 1, reliability: 0.5, higherIsBetter: true);

        Assert.Equal(reliable, change.IsReliable);
        Assert.Equal(shown, ReliableChange.Shown(change), 10);
        Assert.Equal(reliable, Math.Abs(ReliableChange.Shown(change)) > ReliableChange.Threshold);
    }
}
