using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class BuiltInCheckInTests
{
    private static Dictionary<string, double> Answers(double safety = 8) => new()
    {
        ["honesty"] = 8, ["reliability"] = 6, ["boundaries"] = 7, ["availability"] = 5,
        ["equality"] = 4, ["decisions"] = 6, ["autonomy"] = 9, ["support"] = 3,
        ["consent"] = 10, ["safety"] = safety,
    };

    [Fact]
    public void The_check_in_rates_every_dimension_from_zero_to_ten_once()
    {
        var checkIn = BuiltInMeasures.CheckIn;

        Assert.Equal(10, checkIn.Items.Count);
        Assert.All(checkIn.Items, i => Assert.Equal((0.0, 10.0), (i.MinValue, i.MaxValue)));
        Assert.Equal(DimensionNames.Known.Order(), checkIn.Items.Select(i => i.Dimension!).Order());
        Assert.Equal(MeasureInterval.Week, checkIn.SuggestedEvery);
        Assert.Contains(BuiltInMeasures.List, m => m.Key == BuiltInMeasures.CheckInKey);
    }

    [Fact]
    public void The_check_in_total_is_the_mean_of_the_eight_relationship_items_with_trust_and_power_subscales()
    {
        var score = MeasureScorer.Score(BuiltInMeasures.CheckIn, Answers());

        // (8 + 6 + 7 + 5 + 4 + 6 + 9 + 3) / 8 = 48 / 8; trust 26 / 4; power 22 / 4.
        Assert.Equal(6, score.Total);
        Assert.Equal(6.5, score.Subscales.Single(s => s.Key == "trust").Score);
        Assert.Equal(5.5, score.Subscales.Single(s => s.Key == "balanced-power").Score);
        Assert.Null(score.Band);
        Assert.Equal(80, score.Dimensions.Single(d => d.Dimension == "HonestCommunication").Normalised);
        Assert.Equal(10, score.Dimensions.Count);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(10, false)]
    public void A_safety_rating_of_two_or_less_raises_a_safety_alert(double safety, bool alert)
    {
        var score = MeasureScorer.Score(BuiltInMeasures.CheckIn, Answers(safety));

        Assert.Equal(alert, score.RaisesSafetyAlert);
        if (alert)
        {
            Assert.Equal("Safety", Assert.Single(score.CriticalHits).Dimension);
        }
    }

    [Fact]
    public void The_check_in_is_our_own_and_says_it_is_not_normed()
    {
        var checkIn = BuiltInMeasures.CheckIn;

        Assert.Null(checkIn.Reliability);
        Assert.Empty(checkIn.CutOffs);
        Assert.Contains("CounselorSuite", checkIn.Source);
        Assert.Contains("not a validated", checkIn.Source);
        Assert.NotNull(BuiltInMeasures.Json(BuiltInMeasures.CheckInKey));
    }
}
