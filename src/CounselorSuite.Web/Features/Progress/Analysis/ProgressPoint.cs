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

/// <summary>Scale answers to the common 0-100 range, so dimensions asked on different scales line up.</summary>
public static class Normalisation
{
    /// <summary>Maps <paramref name="raw"/> from [min, max] linearly onto [0, 100].</summary>
    public static double ToPercent(double raw, double min, double max)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"A scale needs min < max (got {min} to {max}).", nameof(max));
        }
        if (!(raw >= min && raw <= max))
        {
            // Answers are validated against their scale before they are stored; this is a bug, not input.
            throw new ArgumentOutOfRangeException(nameof(raw), raw, $"The answer lies outside its scale {min} to {max}.");
        }
        return (raw - min) / (max - min) * 100.0;
    }
}
