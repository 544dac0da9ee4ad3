namespace CounselorSuite.Web.Features.Measures;

// The measure definition file exactly as written (JSON, camelCase). Everything is nullable so that a
// missing field becomes a clear validation problem instead of a silent default; MeasureValidator turns
// a document into a MeasureDefinition or a list of problems. The format is described in
// docs/measure-definition-format.md.

public sealed record MeasureDocument
{
    public string? Key { get; init; }
    public int? Version { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Instructions { get; init; }
    /// <summary>How often the measure is meant to be given: "Day", "Week" or "Month"; a hint for counselors.</summary>
    public string? SuggestedEvery { get; init; }
    /// <summary>The improvement direction, needed to call a reliable change an improvement or a deterioration.</summary>
    public bool? HigherIsBetter { get; init; }
    public IReadOnlyList<MeasureItemDocument>? Items { get; init; }
    public MeasureScoringDocument? Scoring { get; init; }
    public IReadOnlyList<MeasureCutOffDocument>? CutOffs { get; init; }
    public MeasureReliabilityDocument? Reliability { get; init; }
    public string? Source { get; init; }
    public string? Licence { get; init; }
}

public sealed record MeasureItemDocument
{
    public string? Id { get; init; }
    public string? Text { get; init; }
    /// <summary>The progress dimension this item's answers feed, if any.</summary>
    public string? Dimension { get; init; }
    /// <summary>Fixed answers with their values. Either options, a range, or both (then every option lies in the range).</summary>
    public IReadOnlyList<MeasureOptionDocument>? Options { get; init; }
    public MeasureRangeDocument? Range { get; init; }
    /// <summary>Scored as min + max − answer; needs a declared range to reflect around.</summary>
    public bool? Reverse { get; init; }
    /// <summary>May be left unanswered; only for items that no score uses.</summary>
    public bool? Optional { get; init; }
    public MeasureCriticalDocument? Critical { get; init; }
}

public sealed record MeasureOptionDocument
{
    public double? Value { get; init; }
    public string? Label { get; init; }
}

public sealed record MeasureRangeDocument
{
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Distance between allowed answers; 1 when left out.</summary>
    public double? Step { get; init; }
    public string? MinLabel { get; init; }
    public string? MaxLabel { get; init; }
}

/// <summary>The raw answers to this item that raise a safety alert: listed values and/or a threshold.</summary>
public sealed record MeasureCriticalDocument
{
    public IReadOnlyList<double>? Values { get; init; }
    public double? AtOrAbove { get; init; }
    public double? AtOrBelow { get; init; }
}

public sealed record MeasureScoringDocument
{
    /// <summary>"Sum" or "Mean".</summary>
    public string? Method { get; init; }
    /// <summary>The items of the total score; every item that is not optional when left out.</summary>
    public IReadOnlyList<string>? Items { get; init; }
    public IReadOnlyList<MeasureSubscaleDocument>? Subscales { get; init; }
}

public sealed record MeasureSubscaleDocument
{
    public string? Key { get; init; }
    public string? Title { get; init; }
    public string? Method { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
}

/// <summary>A band of the total score, inclusive at both ends.</summary>
public sealed record MeasureCutOffDocument
{
    public double? From { get; init; }
    public double? To { get; init; }
    public string? Label { get; init; }
    /// <summary>A band that signals clinical concern (for example distress or a severe band); charts shade it warmer.</summary>
    public bool? Concern { get; init; }
}

public sealed record MeasureReliabilityDocument
{
    /// <summary>"CronbachAlpha" or "TestRetest".</summary>
    public string? Kind { get; init; }
    /// <summary>The reliability coefficient r, strictly between 0 and 1.</summary>
    public double? Coefficient { get; init; }
    /// <summary>The standard deviation of the total score in the normative (or pre-treatment) sample.</summary>
    public double? NormativeSd { get; init; }
    /// <summary>Where the figures come from.</summary>
    public string? Source { get; init; }
}
