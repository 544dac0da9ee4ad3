using System.Globalization;
using System.Security.Claims;
using CounselorSuite.Web.Features.Progress.Analysis;

namespace CounselorSuite.Web.Features.CounselorHome;

/// <summary>
/// "Now", "today" and the words for times on the counselor's home, all in the reader's zone. The home reads
/// the zone and writes every time only through here, so moving to the practice-wide formatter (reader's zone
/// and locale, being landed by the time-zone work) changes this file and nothing else.
/// </summary>
public sealed class HomeTime
{
    private static readonly CultureInfo Words = CultureInfo.GetCultureInfo("en-US");

    public TimeZoneInfo Zone { get; }
    public DateTimeOffset Now { get; }

    /// <summary>The reader's calendar day now.</summary>
    public DateOnly Today { get; }

    public HomeTime(TimeZoneInfo zone, DateTimeOffset now)
    {
        Zone = zone;
        Now = now;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>Until people have a zone of their own, every reader's zone is UTC.</summary>
    public static HomeTime For(ClaimsPrincipal reader, TimeProvider clock) => new(TimeZoneInfo.Utc, clock.GetUtcNow());

    /// <summary>The instant the reader's day <paramref name="day"/> starts.</summary>
    public DateTimeOffset StartOf(DateOnly day) => LocalTime.MidnightOf(day, Zone);

    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at));

    /// <summary>"Today", "Tomorrow", or "Wed 9 Dec".</summary>
    public string DayName(DateOnly day) =>
        day == Today ? "Today" : day == Today.AddDays(1) ? "Tomorrow" : day.ToString("ddd d MMM", Words);

    /// <summary>"3:00 pm".</summary>
    public string Clock(DateTimeOffset at) => Local(at).ToString("h:mm tt", Words).ToLowerInvariant();

    /// <summary>"3:00–3:50 pm" (each end with its own am or pm when they differ).</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end)
    {
        var (from, until) = (Clock(start), Clock(end));
        return from[^2..] == until[^2..] ? $"{from[..^3]}–{until}" : $"{from}–{until}";
    }

    /// <summary>"Today, 3:00 pm", "Tomorrow, 9:30 am", "Tue 8 Dec, 3:00 pm"; the year only when it is not this year's.</summary>
    public string When(DateTimeOffset at)
    {
        var day = DayOf(at);
        var name = day == Today.AddDays(-1) ? "Yesterday"
            : day.Year == Today.Year || day == Today || day == Today.AddDays(1) ? DayName(day)
            : day.ToString("ddd d MMM yyyy", Words);
        return $"{name}, {Clock(at)}";
    }

    /// <summary>"Tue 8 Dec" (with the year when it is not this year's): for dates where the hour does not matter.</summary>
    public string Date(DateTimeOffset at)
    {
        var day = DayOf(at);
        return day.ToString(day.Year == Today.Year ? "ddd d MMM" : "ddd d MMM yyyy", Words);
    }

    /// <summary>The machine-readable instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;
}
