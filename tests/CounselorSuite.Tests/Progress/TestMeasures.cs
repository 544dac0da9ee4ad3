using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// Definitions shaped like published instruments, with placeholder wording ("Item 1"...): the repository
/// ships no one else's items, but the format must be able to express theirs.
/// </summary>
internal static class TestMeasures
{
    private static IReadOnlyList<MeasureOptionDocument> Options(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(v => new MeasureOptionDocument { Value = v, Label = $"Answer {v}" }).ToList();

    /// <summary>A 4-item relationship-satisfaction index: summed, one item with a wider range (0-6), a distress cut-off.</summary>
    public static MeasureDocument SatisfactionIndex() => new()
    {
        Key = "satisfaction-index-4", Version = 1, Title = "Relationship satisfaction (4 items)", HigherIsBetter = true,
        Items =
        [
            new() { Id = "1", Text = "Item 1", Options = Options(0, 6) },
            new() { Id = "2", Text = "Item 2", Options = Options(0, 5) },
            new() { Id = "3", Text = "Item 3", Options = Options(0, 5) },
            new() { Id = "4", Text = "Item 4", Options = Options(0, 5) },
        ],
        Scoring = new() { Method = "Sum" },
        CutOffs = [new() { From = 0, To = 13, Label = "Notable distress", Concern = true }],
        Reliability = new() { Kind = "CronbachAlpha", Coefficient = 0.94, NormativeSd = 4.5 },
        Source = "Placeholder for a published index.", Licence = "Placeholder licence.",
    };

    /// <summary>A 9-item depression screen: summed 0-27, five severity bands, item 9 critical at any value ≥ 1.</summary>
    public static MeasureDocument DepressionScreen() => new()
    {
        Key = "depression-screen-9", Version = 1, Title = "Mood screen (9 items)", HigherIsBetter = false,
        Items = Enumerable.Range(1, 9).Select(i => new MeasureItemDocument
        {
            Id = $"{i}", Text = $"Item {i}", Options = Options(0, 3),
            Critical = i == 9 ? new MeasureCriticalDocument { AtOrAbove = 1 } : null,
        }).ToList(),
        Scoring = new() { Method = "Sum" },
        CutOffs =
        [
            new() { From = 0, To = 4, Label = "Minimal" },
            new() { From = 5, To = 9, Label = "Mild" },
            new() { From = 10, To = 14, Label = "Moderate" },
            new() { From = 15, To = 19, Label = "Moderately severe", Concern = true },
            new() { From = 20, To = 27, Label = "Severe", Concern = true },
        ],
        Reliability = new() { Kind = "TestRetest", Coefficient = 0.9, NormativeSd = 7.5 },
        Source = "Placeholder for a published screen.", Licence = "Placeholder licence.",
    };

    /// <summary>Six items on 1-5, items 2 and 4 reverse-scored, a mean total and two subscales (mean and sum).</summary>
    public static MeasureDocument WithReverseItemsAndSubscales() => new()
    {
        Key = "reverse-and-subscales", Version = 2, Title = "Six items", HigherIsBetter = true,
        Items = Enumerable.Range(1, 6).Select(i => new MeasureItemDocument
        {
            Id = $"r{i}", Text = $"Item {i}", Range = new() { Min = 1, Max = 5 }, Reverse = i is 2 or 4,
            Dimension = i == 2 ? "HonestCommunication" : null,
        }).ToList(),
        Scoring = new()
        {
            Method = "Mean",
            Subscales =
            [
                new() { Key = "first", Title = "First three", Method = "Mean", Items = ["r1", "r2", "r3"] },
                new() { Key = "second", Title = "Last three", Method = "Sum", Items = ["r4", "r5", "r6"] },
            ],
        },
        Source = "Test.", Licence = "Test.",
    };

    public static MeasureDefinition Valid(MeasureDocument document)
    {
        var validation = MeasureValidator.Validate(document);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return validation.Definition!;
    }

    public static Dictionary<string, double> Answers(params double[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(x => $"{x.i + 1}", x => x.v);
}
