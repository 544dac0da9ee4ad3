using System.Globalization;
using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Web.Features.CounselorHome;

/// <summary>
/// "Now", "today" and the words for times on the counselor's home, in the reader's zone and locale. A thin
/// view of the practice-wide <see cref="ReaderTime"/>, shaped for the home's lists ("Today, 3:00 pm").
/// </summary>
public sealed class HomeTime(ReaderTime reader)
{
    public DateTimeOffset Now { get; } = reader.Now.ToDateTimeOffset();

    /// <summary>The reader's calendar day now.</summary>
    public DateOnly Today { get; } = reader.Today;

    /// <summary>The reader's times for this request (resolved once per request by <see cref="ReaderTimes"/>).</summary>
    public static HomeTime For(HttpContext http) => new(http.RequestServices.GetRequiredService<ReaderTimes>().Current);

    /// <summary>The instant the reader's day <paramref name="day"/> starts.</summary>
    public DateTimeOffset StartOf(DateOnly day) => reader.StartOfDay(day);

    public DateOnly DayOf(DateTimeOffset at) => reader.DateOf(at);

    /// <summary>"Today", "Tomorrow", or "Wed 9 Dec".</summary>
    public string DayName(DateOnly day) => reader.RelativeDay(day);

    /// <summary>"3:00 pm" or "15:00", as the practice writes times.</summary>
    public string Clock(DateTimeOffset at) => reader.Time(at);

    /// <summary>"3:00–3:50 pm".</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end) => reader.TimeRange(start, end);

    /// <summary>"Today, 3:00 pm", "Yesterday, 9:30 am", "Tue 8 Dec, 3:00 pm".</summary>
    public string When(DateTimeOffset at) => reader.Relative(at);

    /// <summary>"Tue 8 Dec": for dates where the hour does not matter.</summary>
    public string Date(DateTimeOffset at) => reader.Date(at);

    /// <summary>The machine-readable instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
