namespace CounselorSuite.Web.Features.Progress.Analysis;

/// <summary>One value of a time series (a dimension's 0-100 rating, or a measure's total score).</summary>
public readonly record struct ProgressPoint(DateTimeOffset At, double Value)
{
    /// <summary>The scale a single answer was given on; null for weekly means and measure scores.</summary>
    public AnswerScale? Scale { get; init; }
}

/// <summary>The ends of the scale an answer was given on (1 to 7, 0 to 10).</summary>
public readonly record struct AnswerScale(int Min, int Max)
{
    public string Label => $"{Min}\u2013{Max} scale";
}

/// <summary>A dimension's time series for one client.</summary>
/// <param name="Weekly">The points are weekly means, each at the start of its week (a long series), not single answers.</param>
public sealed record DimensionSeries(string Dimension, IReadOnlyList<ProgressPoint> Points, bool Weekly = false);
