using System.Globalization;
using NodaTime;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>What a typed local time came to: the instant, or a message to show next to the field.</summary>
public abstract record LocalInput
{
    /// <param name="Note">Set when the time was ambiguous (it happens twice as clocks go back): says which one was taken.</param>
    public sealed record Valid(DateTimeOffset At, string? Note = null) : LocalInput;

    public sealed record Invalid(string Message) : LocalInput;
}

/// <summary>
/// Reading what a person typed (datetime-local, or a date and a time) in their own zone. A time that
/// does not exist (the hour skipped when clocks go forward) is refused with a message rather than
/// shifted silently; a time that happens twice (clocks go back) is taken as the first of the two, the
/// earlier instant, and the result says so.
/// </summary>
public sealed partial class ReaderTime
{
    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];

    /// <summary>Reads an &lt;input type="datetime-local"&gt; value ("2026-12-08T15:00").</summary>
    public LocalInput Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return new LocalInput.Invalid("Enter a date and time.");
        }
        if (!System.DateTime.TryParseExact(typed.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new LocalInput.Invalid("Enter the date and time as shown, for example 2026-12-08 15:00.");
        }
        return Parse(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>Reads a bound datetime-local value: its Kind is ignored, the clock reading is the reader's.</summary>
    public LocalInput Parse(System.DateTime typed) => Parse(DateOnly.FromDateTime(typed), TimeOnly.FromDateTime(typed));

    /// <summary>Reads a date and a time of day typed separately.</summary>
    public LocalInput Parse(DateOnly date, TimeOnly time)
    {
        var local = LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time));
        var mapping = Zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 0:
                return new LocalInput.Invalid(
                    $"{Clock(local.TimeOfDay)} on {DateText(local.Date)} does not exist in {Zone.Id.Replace('_', ' ')}: the clocks go forward " +
                    $"from {Clock(mapping.EarlyInterval.IsoLocalEnd.TimeOfDay)} to {Clock(mapping.LateInterval.IsoLocalStart.TimeOfDay)}. Choose another time.");
            case 1:
                return new LocalInput.Valid(mapping.Single().ToDateTimeOffset().ToUniversalTime());
            default:
                var first = mapping.First();
                return new LocalInput.Valid(first.ToDateTimeOffset().ToUniversalTime(),
                    $"{Clock(local.TimeOfDay)} on {DateText(local.Date)} happens twice as the clocks go back; the first one " +
                    $"({mapping.EarlyInterval.Name}) was used.");
        }
    }

    /// <summary>Reads a calendar day as the start of that day in the reader's zone (for "from" filters).</summary>
    public DateTimeOffset ParseDayStart(DateOnly date) => StartOfDay(date);

    /// <summary>
    /// A due day typed as a date only: due at the end of that day in the reader's zone (the first moment
    /// of the next day), so "due Tue 8 Dec" is still on time at 11:59 pm that evening.
    /// </summary>
    public DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));
}
