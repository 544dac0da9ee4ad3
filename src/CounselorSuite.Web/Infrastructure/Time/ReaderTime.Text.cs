using System.Globalization;
using NodaTime;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>
/// How times are written: "Tue 8 Dec, 3:00 pm" (12-hour locales) or "Tue 8 Dec, 15:00" (24-hour), the
/// year only when it is not the reader's current year, the zone's abbreviation only when the reader's
/// zone differs from the practice's (or the caller asks for it).
/// </summary>
public sealed partial class ReaderTime
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;
    private const char EnDash = '\u2013';

    /// <summary>"Tue 8 Dec, 3:00 pm", "Tue 8 Dec 2025, 3:00 pm", "Tue 8 Dec, 3:00 pm CST".</summary>
    public string DateTime(DateTimeOffset at, bool? withZone = null)
    {
        var local = Local(at);
        return $"{DateText(local.Date)}, {Clock(local.TimeOfDay)}{ZoneSuffix(at, withZone)}";
    }

    /// <summary>"Tue 8 Dec" (the reader's day of that instant).</summary>
    public string Date(DateTimeOffset at) => DateText(Local(at).Date);

    /// <summary>"Tue 8 Dec" for a calendar date (a due day, a week start).</summary>
    public string Date(DateOnly date) => DateText(LocalDate.FromDateOnly(date));

    /// <summary>"Tuesday 8 December 2026": headings of a day or a week.</summary>
    public string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Words);

    /// <summary>"3:00 pm" or "15:00".</summary>
    public string Time(DateTimeOffset at, bool? withZone = null) => Clock(Local(at).TimeOfDay) + ZoneSuffix(at, withZone);

    /// <summary>"9:30 am" or "09:30" for a time of day that is no instant yet (a slot, a typed time).</summary>
    public string TimeOfDay(TimeOnly time) => Clock(LocalTime.FromTimeOnly(time));

    /// <summary>An hour of a calendar grid: "9 am", "12 pm", or "09:00".</summary>
    public string Hour(int hour) =>
        Style.TwelveHour ? $"{(hour % 12 == 0 ? 12 : hour % 12)} {(hour < 12 ? "am" : "pm")}" : $"{hour:00}:00";

    /// <summary>"3:00–3:50 pm", "11:30 am–12:20 pm", "15:00–15:50".</summary>
    public string TimeRange(DateTimeOffset start, DateTimeOffset end, bool? withZone = null)
    {
        var (from, to) = (Local(start).TimeOfDay, Local(end).TimeOfDay);
        var sameHalf = Style.TwelveHour && (from.Hour < 12) == (to.Hour < 12);
        var first = sameHalf ? ClockDigits(from) : Clock(from);
        return $"{first}{EnDash}{Clock(to)}{ZoneSuffix(end, withZone)}";
    }

    /// <summary>"Tue 8 Dec, 3:00–3:50 pm"; a range over midnight names both days.</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end, bool? withZone = null)
    {
        if (Local(start).Date == Local(end).Date)
        {
            return $"{Date(start)}, {TimeRange(start, end, withZone)}";
        }
        return $"{DateTime(start, false)} {EnDash} {DateTime(end, withZone)}";
    }

    /// <summary>"Today", "Tomorrow", "Yesterday" or "Tue 8 Dec", by the reader's calendar.</summary>
    public string RelativeDay(DateTimeOffset at) => RelativeDay(DateOf(at));

    public string RelativeDay(DateOnly date) => (date.DayNumber - Today.DayNumber) switch
    {
        0 => "Today",
        1 => "Tomorrow",
        -1 => "Yesterday",
        _ => Date(date),
    };

    /// <summary>"Today, 3:00 pm", "Tomorrow, 9:00 am", or the full date and time further away.</summary>
    public string Relative(DateTimeOffset at, bool? withZone = null) =>
        Math.Abs(DateOf(at).DayNumber - Today.DayNumber) <= 1
            ? $"{RelativeDay(at)}, {Time(at, withZone)}"
            : DateTime(at, withZone);

    /// <summary>The reader's zone named for people: "America/Chicago (CST)"; "UTC" once, not "UTC (UTC)".</summary>
    public string ZoneName
    {
        get
        {
            var (name, abbreviation) = (Zone.Id.Replace('_', ' '), Abbreviation(Now.ToDateTimeOffset()));
            return name == abbreviation ? name : $"{name} ({abbreviation})";
        }
    }

    private string DateText(LocalDate date)
    {
        var text = date.ToDateOnly().ToString("ddd d MMM", Words);
        return date.Year == Now.InZone(Zone).Year ? text : $"{text} {date.Year}";
    }

    private string Clock(LocalTime time) =>
        Style.TwelveHour ? $"{ClockDigits(time)} {(time.Hour < 12 ? "am" : "pm")}" : ClockDigits(time);

    private string ClockDigits(LocalTime time) =>
        Style.TwelveHour
            ? $"{(time.ClockHourOfHalfDay)}:{time.Minute:00}"
            : $"{time.Hour:00}:{time.Minute:00}";

    private string ZoneSuffix(DateTimeOffset at, bool? withZone) =>
        withZone ?? ShowsZone ? " " + Abbreviation(at) : "";
}
