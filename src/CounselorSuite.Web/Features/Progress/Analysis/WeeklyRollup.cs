using System.Globalization;

namespace CounselorSuite.Web.Features.Progress.Analysis;

/// <summary>An ISO 8601 week as seen in a time zone: Monday to Sunday, week 1 holds the year's first Thursday.</summary>
public readonly record struct IsoWeek(int Year, int Week, DateOnly Monday) : IComparable<IsoWeek>
{
    public int CompareTo(IsoWeek other) => Monday.CompareTo(other.Monday);

    public static IsoWeek Of(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var asDateTime = local.ToDateTime(TimeOnly.MinValue);
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return new IsoWeek(ISOWeek.GetYear(asDateTime), ISOWeek.GetWeekOfYear(asDateTime), monday);
    }

    /// <summary>Monday 00:00 of this week in <paramref name="zone"/>, as an instant.</summary>
    public DateTimeOffset StartsAt(TimeZoneInfo zone) => LocalTime.MidnightOf(Monday, zone);
}

internal static class LocalTime
{
    public static DateTimeOffset MidnightOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>The mean of one ISO week's values, with how many values went into it.</summary>
public sealed record WeeklyMean(IsoWeek Week, DateTimeOffset StartsAt, double Mean, int Count);

/// <summary>Weekly roll-ups, used instead of single points for long ranges.</summary>
public static class WeeklyRollup
{
    /// <summary>Series spanning more than this are shown as weekly means (a half year of daily points is too dense to read).</summary>
    public static readonly TimeSpan LongRange = TimeSpan.FromDays(26 * 7);

    public static IReadOnlyList<WeeklyMean> ByIsoWeek(IEnumerable<ProgressPoint> points, TimeZoneInfo zone) =>
        points
            .GroupBy(p => IsoWeek.Of(p.At, zone))
            .OrderBy(g => g.Key)
            .Select(g => new WeeklyMean(g.Key, g.Key.StartsAt(zone), g.Average(p => p.Value), g.Count()))
            .ToList();

    public static bool IsLongRange(IReadOnlyCollection<ProgressPoint> points) =>
        points.Count > 1 && points.Max(p => p.At) - points.Min(p => p.At) > LongRange;

    /// <summary>
    /// The points to draw: the points themselves in time order, or weekly means (placed at the start
    /// of their week) when the series spans a long range.
    /// </summary>
    public static (IReadOnlyList<ProgressPoint> Points, bool Weekly) ForDisplay(IReadOnlyCollection<ProgressPoint> points, TimeZoneInfo zone)
    {
        if (!IsLongRange(points))
        {
            return (points.OrderBy(p => p.At).ToList(), false);
        }
        return (ByIsoWeek(points, zone).Select(w => new ProgressPoint(w.StartsAt, w.Mean)).ToList(), true);
    }
}
