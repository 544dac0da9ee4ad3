using System.Globalization;

namespace CounselorSuite.Web.Infrastructure.Time;

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
    public DateTimeOffset StartsAt(TimeZoneInfo zone) => ZoneDays.MidnightOf(FirstDay, zone);
}

/// <summary>The first instant of a local date in a zone.</summary>
internal static class ZoneDays
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
