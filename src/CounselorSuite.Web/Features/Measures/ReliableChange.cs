namespace CounselorSuite.Web.Features.Measures;

public enum ChangeDirection { NoReliableChange, ReliableImprovement, ReliableDeterioration }

/// <param name="StandardError">SE = SD · √(1 − r), the standard error of measurement.</param>
/// <param name="StandardErrorOfDifference">Sdiff = √(2 · SE²).</param>
/// <param name="Index">RCI = (after − before) / Sdiff.</param>
public sealed record ReliableChangeResult(
    double Before,
    double After,
    double StandardError,
    double StandardErrorOfDifference,
    double Index,
    bool IsReliable,
    ChangeDirection Direction);

/// <summary>The reliable change index of Jacobson and Truax (1991).</summary>
public static class ReliableChange
{
    /// <summary>|RCI| above this is unlikely (p &lt; .05) to be measurement error alone.</summary>
    public const double Threshold = 1.96;

    public static ReliableChangeResult Compute(double before, double after, double normativeSd, double reliability, bool higherIsBetter)
    {
        if (!(normativeSd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(normativeSd), normativeSd, "The standard deviation must be greater than 0.");
        }
        if (!(reliability > 0 && reliability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "The reliability must lie strictly between 0 and 1.");
        }
        var se = normativeSd * Math.Sqrt(1 - reliability);
        var sdiff = Math.Sqrt(2 * se * se);
        var rci = (after - before) / sdiff;
        var reliable = Math.Abs(rci) > Threshold;
        var direction = !reliable ? ChangeDirection.NoReliableChange
            : (rci > 0) == higherIsBetter ? ChangeDirection.ReliableImprovement
            : ChangeDirection.ReliableDeterioration;
        return new ReliableChangeResult(before, after, se, sdiff, rci, reliable, direction);
    }

    /// <summary>
    /// The index as shown: two decimals, rounded away from the threshold, so the number never contradicts
    /// the verdict (decided on the unrounded value). 1.9555 shows as 1.95 beside "no reliable change",
    /// 1.9601 as 1.97 beside a reliable one; at most 0.01 off.
    /// </summary>
    public static double Shown(ReliableChangeResult change)
    {
        var magnitude = Math.Abs(change.Index) * 100;
        var shown = (change.IsReliable ? Math.Ceiling(magnitude) : Math.Floor(magnitude)) / 100;
        return Math.CopySign(shown, change.Index);
    }

    /// <summary>The change between two total scores of a measure, or null when the measure has no reliability figures.</summary>
    public static ReliableChangeResult? Compute(MeasureDefinition measure, double before, double after) =>
        measure.Reliability is { } r ? Compute(before, after, r.NormativeSd, r.Coefficient, measure.HigherIsBetter) : null;
}
