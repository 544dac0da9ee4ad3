using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>
/// The time zones and locales a practice or person may choose. Zones come from the tz database that
/// ships inside NodaTime, so every server (and the worker) agrees on the rules whatever its OS has.
/// </summary>
public static class TimeZones
{
    public const string Utc = "UTC";
    public const string DefaultLocale = "en-US";

    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;

    /// <summary>The zones offered in pickers: the tz database's places (zone.tab), plus UTC, by id.</summary>
    public static readonly IReadOnlyList<string> Choices =
        Source.ZoneLocations!.Select(l => l.ZoneId).Append(Utc).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Locales offered to a practice: they decide the clock (12- or 24-hour) and the first day of the week.</summary>
    public static readonly IReadOnlyList<string> Locales =
        ["en-US", "en-CA", "en-GB", "en-IE", "en-AU", "en-NZ", "en-IN", "en-ZA", "de-DE", "fr-FR", "es-ES", "nl-NL"];

    /// <summary>
    /// The canonical id for what a person or browser sent (aliases such as Asia/Calcutta become
    /// Asia/Kolkata), or null when it is no zone at all.
    /// </summary>
    public static string? Canonical(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        return Source.CanonicalIdMap.TryGetValue(id.Trim(), out var canonical) ? canonical : null;
    }

    /// <summary>
    /// The zone for a stored id; an unknown or empty one reads as UTC, never as an error on a page. The tz
    /// database files "UTC" under "Etc/UTC": both are <see cref="DateTimeZone.Utc"/> here, so code that asks
    /// "is this UTC?" by id (the calendar feed, the abbreviations) gets the same answer for either.
    /// </summary>
    public static DateTimeZone Find(string? id) =>
        Canonical(id) is { } canonical && canonical != "Etc/UTC" ? DateTimeZoneProviders.Tzdb[canonical] : DateTimeZone.Utc;

    public static bool IsLocale(string? name) => name is not null && Locales.Contains(name, StringComparer.Ordinal);

    public static CultureInfo CultureOf(string? locale) =>
        CultureInfo.GetCultureInfo(IsLocale(locale) ? locale! : DefaultLocale);

    /// <summary>How a zone is named in a picker: "America/Chicago (UTC−06:00)", with the offset it has now.</summary>
    public static string Label(string id, Instant now)
    {
        var offset = Find(id).GetUtcOffset(now);
        var text = offset == Offset.Zero ? "UTC" : "UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture).Replace('-', '\u2212');
        return id == Utc ? "UTC (no daylight saving)" : $"{id.Replace('_', ' ')} ({text})";
    }

    /// <summary>How a locale is named in a picker: "English (United States): 12-hour clock, weeks start on Sunday".</summary>
    public static string LocaleLabel(string locale)
    {
        var style = TimeStyle.For(CultureOf(locale));
        return $"{CultureOf(locale).EnglishName}: {(style.TwelveHour ? "12-hour" : "24-hour")} clock, weeks start on {style.FirstDayOfWeek}";
    }
}

/// <summary>What a locale decides about writing times. Day and month names stay English, as the app's words are.</summary>
public sealed record TimeStyle(bool TwelveHour, DayOfWeek FirstDayOfWeek)
{
    public static TimeStyle For(CultureInfo culture) => new(
        culture.DateTimeFormat.ShortTimePattern.Contains('h', StringComparison.Ordinal),
        culture.DateTimeFormat.FirstDayOfWeek);
}

public static class TimeSettingsValidation
{
    public const string ZoneMessage = "Choose a time zone from the list (a name such as America/Chicago).";
    public const string LocaleMessage = "Choose how times are written from the list.";

    /// <summary>Checks an optional zone and locale as a request sent them ("timeZone", "locale").</summary>
    public static Web.FieldErrors ValidateTimeSettings(this Web.FieldErrors errors, string? zone, string? locale)
    {
        if (zone is not null && TimeZones.Canonical(zone) is null)
        {
            errors.Add("timeZone", ZoneMessage);
        }
        if (locale is not null && !TimeZones.IsLocale(locale))
        {
            errors.Add("locale", LocaleMessage);
        }
        return errors;
    }
}
