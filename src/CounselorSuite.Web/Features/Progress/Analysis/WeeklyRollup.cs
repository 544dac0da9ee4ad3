using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Web.Features.Progress.Analysis;

/// <summary>The mean of one week's values, with how many values went into it.</summary>
public sealed record WeeklyMean(IsoWeek Week, DateTimeOffset StartsAt, double Mean, int Count);

/// <summary>Weekly roll-ups, used instead of single points for long ranges.</summary>
public static class WeeklyRollup
{
    /// <summary>Series spanning more than this are shown as weekly means (a half year of daily points is too dense to read).</summary>
    public static readonly TimeSpan LongRange = TimeSpan.FromDays(26 * 7);

    public static IReadOnlyList<WeeklyMean> ByIsoWeek(IEnumerable<ProgressPoint> points, TimeZoneInfo zone) =>
        ByWeek(points, new WeekRule(zone, DayOfWeek.Monday));

    /// <summary>Means per week of <paramref name="rule"/> (the reader's zone and first day of the week).</summary>
    public static IReadOnlyList<WeeklyMean> ByWeek(IEnumerable<ProgressPoint> points, WeekRule rule) =>
        points
            .GroupBy(p => IsoWeek.Of(p.At, rule))
            .OrderBy(g => g.Key)
            .Select(g => new WeeklyMean(g.Key, g.Key.StartsAt(rule.Zone), g.Average(p => p.Value), g.Count()))
            .ToList();

    public static bool IsLongRange(IReadOnlyCollection<ProgressPoint> points) =>
        points.Count > 1 && points.Max(p => p.At) - points.Min(p => p.At) > LongRange;

    /// <summary>
    /// The points to draw: the points themselves in time order, or weekly means (placed at the start
    /// of their week) when the series spans a long range.
    /// </summary>
    public static (IReadOnlyList<ProgressPoint> Points, bool Weekly) ForDisplay(IReadOnlyCollection<ProgressPoint> points, TimeZoneInfo zone) =>
        ForDisplay(points, new WeekRule(zone, DayOfWeek.Monday));

    public static (IReadOnlyList<ProgressPoint> Points, bool Weekly) ForDisplay(IReadOnlyCollection<ProgressPoint> points, WeekRule rule)
    {
        if (!IsLongRange(points))
        {
            return (points.OrderBy(p => p.At).ToList(), false);
        }
        return (ByWeek(points, rule).Select(w => new ProgressPoint(w.StartsAt, w.Mean)).ToList(), true);
    }
}
