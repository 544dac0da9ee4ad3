using System.Globalization;

namespace CounselorSuite.Web.Features.Progress.Analysis;

/// <summary>
/// Whose weeks a view counts in: the reader's zone and the first day of the week of their practice's locale
/// (Sunday in the US, Monday in most places). <see cref="Utc"/> is the ISO week in UTC that the API and the
/// database's weekly roll-ups use.
/// </summary>
public sealed record WeekRule(TimeZoneInfo Zone, DayOfWeek FirstDay)
{
    public static readonly WeekRule Utc = new(TimeZoneInfo.Utc, DayOfWeek.Monday);

    /// <summary>These weeks are the roll-ups' own (Monday to Sunday in UTC), so the roll-ups can serve them.</summary>
    public bool IsUtcIso => FirstDay == DayOfWeek.Monday && (Zone == TimeZoneInfo.Utc || Zone.Id is "UTC" or "Etc/UTC");

    /// <summary>The zone's IANA id, as PostgreSQL's AT TIME ZONE takes it.</summary>
    public string ZoneId => IsUtcIso || Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;
}

/// <summary>
/// A week as seen in a time zone, starting on a given day (Monday for an ISO 8601 week). It is numbered as
/// the ISO week holding its fourth day, which for a Monday start is the ISO week itself.
/// </summary>
public readonly record struct IsoWeek(int Year, int Week, DateOnly FirstDay) : IComparable<IsoWeek>
{
    public int CompareTo(IsoWeek other) => FirstDay.CompareTo(other.FirstDay);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;
    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;
    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;
    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public static IsoWeek Of(DateTimeOffset at, TimeZoneInfo zone) => Of(at, new WeekRule(zone, DayOfWeek.Monday));

    public static IsoWeek Of(DateTimeOffset at, WeekRule rule)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, rule.Zone).DateTime);
        var first = local.AddDays(-(((int)local.DayOfWeek - (int)rule.FirstDay + 7) % 7));
        var middle = first.AddDays(3).ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(middle), ISOWeek.GetWeekOfYear(middle), first);
    }

    /// <summary>The week's first day at 00:00 in <paramref name="zone"/>, as an instant.</summary>
    public DateTimeOffset StartsAt(TimeZoneInfo zone) => LocalTime.MidnightOf(FirstDay, zone);
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
