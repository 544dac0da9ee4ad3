namespace CounselorSuite.Web.Features.Exercises;

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
