using NodaTime;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>
/// The reader's time: their zone, how their practice writes times, and "now". Everything a page or a
/// mail shows, and every "today" or "this week" it computes, goes through one of these, so a person in
/// Chicago and one in Kolkata each read the same session in their own clock.
/// Get one from <see cref="ReaderTimes"/> (per request, or for a person a job acts for).
/// </summary>
public sealed partial class ReaderTime
{
    public ReaderTime(DateTimeZone zone, DateTimeZone practiceZone, TimeStyle style, Instant now)
    {
        Zone = zone;
        PracticeZone = practiceZone;
        Style = style;
        Now = now;
    }

    public DateTimeZone Zone { get; }
    public DateTimeZone PracticeZone { get; }
    public TimeStyle Style { get; }
    public Instant Now { get; }

    public string ZoneId => Zone.Id;

    /// <summary>
    /// Whether a time needs its zone's abbreviation to be read right: when the reader's zone is not the
    /// practice's, "3:00 pm" alone could be taken for the practice's clock (or the other way round).
    /// </summary>
    public bool ShowsZone => !ZoneEquals(Zone, PracticeZone);

    /// <summary>For the analysis code (weeks, adherence) that still takes a TimeZoneInfo.</summary>
    public TimeZoneInfo ZoneInfo =>
        ZoneEquals(Zone, DateTimeZone.Utc) ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(Zone.Id, out var info) ? info : TimeZoneInfo.Utc;

    public ZonedDateTime InZone(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(Zone);

    public LocalDateTime Local(DateTimeOffset at) => InZone(at).LocalDateTime;

    /// <summary>The reader's calendar day of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset at) => InZone(at).Date.ToDateOnly();

    public DateOnly Today => Now.InZone(Zone).Date.ToDateOnly();

    /// <summary>The instant the reader's day begins (the first valid moment where a clock change skips midnight).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => Zone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToDateTimeOffset().ToUniversalTime();

    /// <summary>The day as a half-open range of instants [start, next day's start): 23 or 25 hours on a clock change.</summary>
    public (DateTimeOffset From, DateTimeOffset To) DayRange(DateOnly date) => (StartOfDay(date), StartOfDay(date.AddDays(1)));

    /// <summary>The first day of the week holding <paramref name="date"/>, by the practice's locale (Sunday in the US, Monday in most places).</summary>
    public DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)Style.FirstDayOfWeek + 7) % 7));

    /// <summary>The reader's week holding <paramref name="date"/> as a half-open range of instants.</summary>
    public (DateTimeOffset From, DateTimeOffset To) WeekRange(DateOnly date)
    {
        var start = WeekStart(date);
        return (StartOfDay(start), StartOfDay(start.AddDays(7)));
    }

    /// <summary>The zone's abbreviation at that instant ("CST", "CDT", "IST"; "+04" where the zone has none).</summary>
    public string Abbreviation(DateTimeOffset at) => Zone.GetZoneInterval(Instant.FromDateTimeOffset(at)).Name;

    /// <summary>The instant with the reader's offset, for a &lt;time datetime&gt; attribute and datetime-local values.</summary>
    public string Iso(DateTimeOffset at) => InZone(at).ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value for an &lt;input type="datetime-local"&gt; showing this instant in the reader's zone.</summary>
    public string InputValue(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static bool ZoneEquals(DateTimeZone a, DateTimeZone b) => a.Id == b.Id;
}
