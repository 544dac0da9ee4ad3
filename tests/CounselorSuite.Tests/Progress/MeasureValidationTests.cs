using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

/// <summary>An admin importing a definition sees a clear error per problem, with where it is.</summary>
[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class MeasureValidationTests
{
    private static IReadOnlyList<MeasureProblem> Problems(MeasureDocument document, IReadOnlySet<string>? dimensions = null)
    {
        var validation = MeasureValidator.Validate(document, dimensions);
        Assert.False(validation.IsValid);
        Assert.Null(validation.Definition);
        return validation.Problems;
    }

    private static void HasProblem(IReadOnlyList<MeasureProblem> problems, string path, string wording) =>
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(wording, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_test_instruments_are_valid()
    {
        TestMeasures.Valid(TestMeasures.SatisfactionIndex());
        TestMeasures.Valid(TestMeasures.DepressionScreen());
        TestMeasures.Valid(TestMeasures.WithReverseItemsAndSubscales());
    }

    [Fact]
    public void An_item_without_options_or_range_is_reported()
    {
        var document = TestMeasures.SatisfactionIndex();
        document = document with { Items = [document.Items![0], new() { Id = "2", Text = "Item 2" }, document.Items[2], document.Items[3]] };

        HasProblem(Problems(document), "items[1]", "no answer options and no range");
    }

    [Fact]
    public void An_item_with_an_empty_options_list_is_reported()
    {
        var document = TestMeasures.SatisfactionIndex();
        document = document with { Items = [.. document.Items!.Take(3), new() { Id = "4", Text = "Item 4", Options = [] }] };

        HasProblem(Problems(document), "items[3]", "no answer options");
    }

    [Fact]
    public void An_option_value_outside_the_declared_range_is_reported()
    {
        var document = TestMeasures.SatisfactionIndex();
        var wide = document.Items![0] with { Range = new() { Min = 0, Max = 5 } };
        document = document with { Items = [wide, .. document.Items.Skip(1)] };

        HasProblem(Problems(document), "items[0].options[6].value", "outside the item's declared range 0 to 5");
    }

    [Fact]
    public void Duplicate_item_ids_are_reported_at_the_second_use()
    {
        var document = TestMeasures.SatisfactionIndex();
        document = document with { Items = [.. document.Items!.Take(2), document.Items![2] with { Id = "1" }, document.Items[3]] };

        HasProblem(Problems(document), "items[2].id", "\"1\" is used twice");
    }

    [Fact]
    public void A_cut_off_outside_the_score_range_is_reported()
    {
        var document = TestMeasures.DepressionScreen();
        document = document with { CutOffs = [.. document.CutOffs!.Take(4), new() { From = 20, To = 30, Label = "Severe" }] };

        HasProblem(Problems(document), "cutOffs[4]", "outside the score range 0 to 27");
    }

    [Fact]
    public void Overlapping_cut_offs_are_reported()
    {
        var document = TestMeasures.DepressionScreen();
        document = document with { CutOffs = [new() { From = 0, To = 5, Label = "Minimal" }, new() { From = 5, To = 9, Label = "Mild" }] };

        HasProblem(Problems(document), "cutOffs[1]", "overlaps \"Minimal\"");
    }

    [Fact]
    public void A_cut_off_running_backwards_or_without_a_label_is_reported()
    {
        var document = TestMeasures.DepressionScreen() with { CutOffs = [new() { From = 9, To = 5, Label = "Mild" }, new() { From = 10, To = 14 }] };

        var problems = Problems(document);

        HasProblem(problems, "cutOffs[0]", "must not be greater");
        HasProblem(problems, "cutOffs[1].label", "no label");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.2)]
    [InlineData(-0.3)]
    public void Reliability_outside_zero_to_one_is_reported(double r)
    {
        var document = TestMeasures.DepressionScreen();
        document = document with { Reliability = document.Reliability! with { Coefficient = r } };

        HasProblem(Problems(document), "reliability.coefficient", "strictly between 0 and 1");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-7.5)]
    public void A_normative_sd_of_zero_or_less_is_reported(double sd)
    {
        var document = TestMeasures.DepressionScreen();
        document = document with { Reliability = document.Reliability! with { NormativeSd = sd } };

        HasProblem(Problems(document), "reliability.normativeSd", "greater than 0");
    }

    [Fact]
    public void An_unknown_item_in_a_subscale_is_reported()
    {
        var document = TestMeasures.WithReverseItemsAndSubscales();
        document = document with
        {
            Scoring = document.Scoring! with { Subscales = [new() { Key = "first", Title = "First", Method = "Mean", Items = ["r1", "r9"] }] },
        };

        HasProblem(Problems(document), "scoring.subscales[0].items[1]", "unknown item \"r9\"");
    }

    [Fact]
    public void Reverse_scoring_an_item_without_a_declared_range_is_reported()
    {
        var document = TestMeasures.SatisfactionIndex();
        document = document with { Items = [document.Items![0] with { Reverse = true }, .. document.Items.Skip(1)] };

        HasProblem(Problems(document), "items[0].reverse", "declares no range");
    }

    [Fact]
    public void A_critical_value_that_is_not_a_possible_answer_is_reported()
    {
        var document = TestMeasures.DepressionScreen();
        var items = document.Items!.ToList();
        items[8] = items[8] with { Critical = new() { Values = [1, 4] } };

        HasProblem(Problems(document with { Items = items }), "items[8].critical.values", "critical value 4");
    }

    [Fact]
    public void An_item_mapped_to_an_unknown_dimension_is_reported_when_dimensions_are_checked()
    {
        var document = TestMeasures.WithReverseItemsAndSubscales();
        var items = document.Items!.ToList();
        items[0] = items[0] with { Dimension = "Happiness" };

        HasProblem(Problems(document with { Items = items }, DimensionNames.Known), "items[0].dimension", "unknown dimension \"Happiness\"");
    }

    [Fact]
    public void An_optional_item_that_a_score_uses_is_reported()
    {
        var document = TestMeasures.WithReverseItemsAndSubscales();
        var items = document.Items!.ToList();
        items[3] = items[3] with { Optional = true };

        // Item r4 is left out of the total by default, but the second subscale still uses it.
        HasProblem(Problems(document with { Items = items }), "items[3].optional", "a score uses it");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var document = new MeasureDocument
        {
            Key = "Not A Key", Version = 0,
            Items = [new() { Id = "a", Text = "Item 1", Range = new() { Min = 5, Max = 1 } }, new() { Id = "a" }],
            Scoring = new() { Method = "Median" },
            Reliability = new() { Kind = "Split", Coefficient = 2, NormativeSd = -1 },
        };

        var paths = Problems(document).Select(p => p.Path).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "key", "version", "title", "source", "licence", "higherIsBetter", "items[0].range", "items[1].id", "items[1].text",
            "items[1]", "scoring.method", "reliability.kind", "reliability.coefficient", "reliability.normativeSd",
        }, paths);
    }

    [Fact]
    public void A_definition_file_in_json_is_read_with_its_cut_offs_and_reliability()
    {
        const string json = """
            {
              // Comments are allowed in definition files.
              "key": "satisfaction-index-4", "version": 3, "title": "Relationship satisfaction (4 items)",
              "higherIsBetter": true,
              "items": [
                { "id": "1", "text": "Item 1", "options": [ {"value": 0, "label": "A"}, {"value": 6, "label": "B"} ], "range": {"min": 0, "max": 6} },
                { "id": "2", "text": "Item 2", "range": {"min": 0, "max": 5} }
              ],
              "scoring": { "method": "sum" },
              "cutOffs": [ { "from": 0, "to": 7.5, "label": "Notable distress", "concern": true } ],
              "reliability": { "kind": "CronbachAlpha", "coefficient": 0.94, "normativeSd": 4.5 },
              "source": "Placeholder.", "licence": "Placeholder."
            }
            """;

        var validation = MeasureValidator.Parse(json);

        Assert.True(validation.IsValid, string.Join("; ", validation.Problems.Select(p => p.Message)));
        var measure = validation.Definition!;
        Assert.Equal((3, ScoreMethod.Sum), (measure.Version, measure.Method));
        Assert.Equal(new ScoreRange(0, 11), measure.ScoreRange);
        Assert.Equal("Notable distress", measure.BandOf(7)?.Label);
        Assert.Equal(new MeasureReliability(ReliabilityKind.CronbachAlpha, 0.94, 4.5, null), measure.Reliability);
    }

    [Fact]
    public void A_misspelt_field_is_reported_by_name_instead_of_being_ignored()
    {
        const string json = """{ "key": "x", "items": [ { "id": "1", "text": "Item 1", "reversed": true } ] }""";

        var problem = Assert.Single(MeasureValidator.Parse(json).Problems);

        Assert.Contains("Unknown field \"reversed\"", problem.Message);
        Assert.StartsWith("items[0]", problem.Path);
    }

    [Theory]
    [InlineData("{ \"key\": ")]
    [InlineData("{ \"version\": \"one\" }")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void A_file_that_is_not_a_definition_gives_a_problem_not_an_exception(string json)
    {
        var validation = MeasureValidator.Parse(json);

        Assert.False(validation.IsValid);
        Assert.NotEmpty(validation.Problems);
        Assert.DoesNotContain(validation.Problems, p => p.Message.Contains("CounselorSuite.Web"));
    }
}
