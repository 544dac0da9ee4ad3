using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class MeasureScoringTests
{
    [Fact]
    public void Satisfaction_index_sums_its_items_and_labels_distress()
    {
        var measure = TestMeasures.Valid(TestMeasures.SatisfactionIndex());

        // 4 + 3 + 2 + 1 = 10, inside the distress band 0-13.
        var distressed = MeasureScorer.Score(measure, TestMeasures.Answers(4, 3, 2, 1));
        // 6 + 5 + 5 + 4 = 20, above every band.
        var satisfied = MeasureScorer.Score(measure, TestMeasures.Answers(6, 5, 5, 4));

        Assert.Equal(new ScoreRange(0, 21), measure.ScoreRange);
        Assert.Equal(10, distressed.Total);
        Assert.Equal("Notable distress", distressed.Band?.Label);
        Assert.True(distressed.Band!.Concern);
        Assert.Equal(20, satisfied.Total);
        Assert.Null(satisfied.Band);
    }

    [Fact]
    public void The_wider_item_accepts_six_and_the_others_do_not()
    {
        var measure = TestMeasures.Valid(TestMeasures.SatisfactionIndex());

        var problems = MeasureScorer.CheckAnswers(measure, TestMeasures.Answers(6, 6, 5, 5));

        var problem = Assert.Single(problems);
        Assert.Equal("answers.2", problem.Path);
    }

    [Theory]
    [InlineData(0, "Minimal")]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Moderately severe")]
    [InlineData(19, "Moderately severe")]
    [InlineData(20, "Severe")]
    [InlineData(27, "Severe")]
    public void Depression_screen_severity_bands_include_both_ends(int total, string band)
    {
        var measure = TestMeasures.Valid(TestMeasures.DepressionScreen());
        // Fill items 1-8 up to the total (at most 3 each), item 9 stays 0.
        var values = new double[9];
        var left = total;
        for (var i = 0; i < 8 && left > 0; i++)
        {
            values[i] = Math.Min(3, left);
            left -= (int)values[i];
        }
        if (left > 0)
        {
            values[8] = left;
        }

        var score = MeasureScorer.Score(measure, TestMeasures.Answers(values));

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band?.Label);
    }

    [Fact]
    public void Any_answer_above_zero_on_item_nine_raises_a_safety_alert()
    {
        var measure = TestMeasures.Valid(TestMeasures.DepressionScreen());

        var calm = MeasureScorer.Score(measure, TestMeasures.Answers(1, 2, 0, 3, 1, 0, 2, 1, 0));
        var alarming = MeasureScorer.Score(measure, TestMeasures.Answers(1, 2, 0, 3, 1, 0, 2, 1, 1));

        Assert.Equal(10, calm.Total);
        Assert.Equal("Moderate", calm.Band?.Label);
        Assert.False(calm.RaisesSafetyAlert);
        Assert.Equal(11, alarming.Total);
        Assert.True(alarming.RaisesSafetyAlert);
        var hit = Assert.Single(alarming.CriticalHits);
        Assert.Equal(("9", 1.0), (hit.ItemId, hit.Value));
    }

    [Fact]
    public void A_critical_answer_raises_an_alert_even_when_the_rest_is_unanswered()
    {
        var measure = TestMeasures.Valid(TestMeasures.DepressionScreen());
        var onlyItemNine = new Dictionary<string, double> { ["9"] = 3 };

        Assert.NotEmpty(MeasureScorer.CheckAnswers(measure, onlyItemNine));
        Assert.Single(MeasureScorer.CriticalHits(measure, onlyItemNine));
        Assert.Throws<ArgumentException>(() => MeasureScorer.Score(measure, onlyItemNine));
    }

    [Fact]
    public void Reverse_items_are_reflected_and_subscales_use_their_own_rules()
    {
        var measure = TestMeasures.Valid(TestMeasures.WithReverseItemsAndSubscales());
        var answers = new Dictionary<string, double> { ["r1"] = 5, ["r2"] = 1, ["r3"] = 3, ["r4"] = 2, ["r5"] = 4, ["r6"] = 1 };

        var score = MeasureScorer.Score(measure, answers);

        // Scored: 5, (1+5-1)=5, 3, (1+5-2)=4, 4, 1 → mean 22/6.
        Assert.Equal(22.0 / 6, score.Total, 9);
        Assert.Equal(new ScoreRange(1, 5), score.Range);
        var first = score.Subscales.Single(s => s.Key == "first");
        var second = score.Subscales.Single(s => s.Key == "second");
        Assert.Equal(13.0 / 3, first.Score, 9);
        Assert.Equal(new ScoreRange(1, 5), first.Range);
        Assert.Equal(9, second.Score);
        Assert.Equal(new ScoreRange(3, 15), second.Range);
    }

    [Fact]
    public void A_reversed_item_feeds_its_dimension_after_reflection()
    {
        var measure = TestMeasures.Valid(TestMeasures.WithReverseItemsAndSubscales());
        var answers = new Dictionary<string, double> { ["r1"] = 5, ["r2"] = 2, ["r3"] = 3, ["r4"] = 2, ["r5"] = 4, ["r6"] = 1 };

        var dimension = Assert.Single(MeasureScorer.Score(measure, answers).Dimensions);

        // Raw 2 on 1-5 reflects to 4, which is 75 on 0-100.
        Assert.Equal(("HonestCommunication", "r2", 2.0, 1.0, 5.0), (dimension.Dimension, dimension.ItemId, dimension.Raw, dimension.Min, dimension.Max));
        Assert.Equal(75, dimension.Normalised, 9);
    }

    [Fact]
    public void Answers_that_are_not_offered_or_missing_or_unknown_are_each_reported()
    {
        var measure = TestMeasures.Valid(TestMeasures.WithReverseItemsAndSubscales());
        var answers = new Dictionary<string, double> { ["r1"] = 6, ["r2"] = 2.5, ["r3"] = 3, ["r4"] = 2, ["r5"] = 4, ["r7"] = 1 };

        var problems = MeasureScorer.CheckAnswers(measure, answers);

        Assert.Equal(["answers.r1", "answers.r2", "answers.r6", "answers.r7"], problems.Select(p => p.Path).Order().ToArray());
    }
}
