namespace CounselorSuite.Web.Features.Measures;

// A validated measure: only MeasureValidator creates these, so the scorer and the charts can rely on
// every rule of the format (ids unique, options within range, cut-offs within the score range...).

public enum ScoreMethod { Sum, Mean }

public enum ReliabilityKind { CronbachAlpha, TestRetest }

public enum MeasureInterval { Day, Week, Month }

public sealed record ScoreRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}

public sealed record AnswerOption(double Value, string Label);

public sealed record AnswerRange(double Min, double Max, double Step, string? MinLabel, string? MaxLabel);

public sealed record CriticalRule(IReadOnlyList<double> Values, double? AtOrAbove, double? AtOrBelow)
{
    public bool IsHit(double raw) =>
        Values.Contains(raw) || (AtOrAbove is { } above && raw >= above) || (AtOrBelow is { } below && raw <= below);
}

public sealed record MeasureItem(
    string Id,
    string Text,
    string? Dimension,
    IReadOnlyList<AnswerOption> Options,
    AnswerRange? Range,
    bool Reverse,
    bool Optional,
    CriticalRule? Critical)
{
    /// <summary>The lowest possible answer: the declared range's minimum, else the lowest option.</summary>
    public double MinValue => Range?.Min ?? Options.Min(o => o.Value);

    /// <summary>The highest possible answer: the declared range's maximum, else the highest option.</summary>
    public double MaxValue => Range?.Max ?? Options.Max(o => o.Value);

    /// <summary>Whether <paramref name="raw"/> is an answer this item accepts.</summary>
    public bool Accepts(double raw)
    {
        if (Options.Count > 0)
        {
            return Options.Any(o => o.Value == raw);
        }
        var range = Range!;
        if (raw < range.Min || raw > range.Max)
        {
            return false;
        }
        var steps = (raw - range.Min) / range.Step;
        return Math.Abs(steps - Math.Round(steps)) < 1e-9;
    }

    /// <summary>The value that enters scores: reflected within the declared range for reverse items.</summary>
    public double Scored(double raw) => Reverse ? Range!.Min + Range.Max - raw : raw;
}

public sealed record Subscale(string Key, string Title, ScoreMethod Method, IReadOnlyList<string> ItemIds, ScoreRange Range);

public sealed record CutOff(double From, double To, string Label, bool Concern)
{
    public bool Contains(double score) => score >= From && score <= To;
}

public sealed record MeasureReliability(ReliabilityKind Kind, double Coefficient, double NormativeSd, string? Source);

public sealed record MeasureDefinition(
    string Key,
    int Version,
    string Title,
    string? Description,
    string? Instructions,
    MeasureInterval? SuggestedEvery,
    bool HigherIsBetter,
    IReadOnlyList<MeasureItem> Items,
    ScoreMethod Method,
    IReadOnlyList<string> TotalItemIds,
    ScoreRange ScoreRange,
    IReadOnlyList<Subscale> Subscales,
    IReadOnlyList<CutOff> CutOffs,
    MeasureReliability? Reliability,
    string Source,
    string Licence)
{
    public MeasureItem Item(string id) => Items.First(i => i.Id == id);

    /// <summary>The cut-off band the total score falls in, if any (bands may leave gaps).</summary>
    public CutOff? BandOf(double total) => CutOffs.FirstOrDefault(c => c.Contains(total));
}

/// <summary>One thing wrong with a definition file (or with a set of answers), with where it is.</summary>
/// <param name="Path">Where the problem is, for example "items[2].options[0].value"; "" for the whole file.</param>
public sealed record MeasureProblem(string Path, string Message);
