using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>One occurrence of an assignment, for adherence: when it was due and when (if ever) it was submitted.</summary>
/// <remarks>Callers leave out cancelled occurrences and occurrences without a due date.</remarks>
public readonly record struct DueOccurrence(DateTimeOffset DueAt, DateTimeOffset? SubmittedAt);

public enum AdherencePeriod { Week, Month }

/// <param name="PeriodStart">The first day of the period (the week's first day, or the 1st of a month); null for an overall figure.</param>
/// <param name="Due">Occurrences whose due date has passed.</param>
/// <param name="OnTime">Of those, submitted by their due date.</param>
/// <param name="Late">Of those, submitted after their due date.</param>
public sealed record AdherenceFigure(DateOnly? PeriodStart, int Due, int OnTime, int Late)
{
    public int Missing => Due - OnTime - Late;

    /// <summary>Share of due occurrences submitted by their due date, 0 to 1; null when nothing was due.</summary>
    public double? Share => Due == 0 ? null : (double)OnTime / Due;
}

/// <summary>Adherence: the share of occurrences submitted by their due date.</summary>
public static class Adherence
{
    /// <summary>Over all occurrences already due at <paramref name="now"/>.</summary>
    public static AdherenceFigure Overall(IEnumerable<DueOccurrence> occurrences, DateTimeOffset now) =>
        Figure(null, occurrences.Where(o => o.DueAt <= now).ToList());

    /// <summary>
    /// Per week (ISO) or calendar month of the due date in <paramref name="zone"/>, oldest first; periods
    /// with nothing due are left out. Occurrences not yet due are not counted: an early submission of
    /// something not yet due would otherwise count while a pending one could not.
    /// </summary>
    public static IReadOnlyList<AdherenceFigure> PerPeriod(IEnumerable<DueOccurrence> occurrences, DateTimeOffset now, TimeZoneInfo zone, AdherencePeriod period) =>
        PerPeriod(occurrences, now, new WeekRule(zone, DayOfWeek.Monday), period);

    /// <summary>As above, in the weeks of <paramref name="weeks"/> (a reader's zone and first day of the week).</summary>
    public static IReadOnlyList<AdherenceFigure> PerPeriod(IEnumerable<DueOccurrence> occurrences, DateTimeOffset now, WeekRule weeks, AdherencePeriod period) =>
        occurrences
            .Where(o => o.DueAt <= now)
            .GroupBy(o => PeriodStart(o.DueAt, weeks, period))
            .OrderBy(g => g.Key)
            .Select(g => Figure(g.Key, g.ToList()))
            .ToList();

    private static DateOnly PeriodStart(DateTimeOffset at, WeekRule weeks, AdherencePeriod period)
    {
        if (period == AdherencePeriod.Week)
        {
            return IsoWeek.Of(at, weeks).FirstDay;
        }
        var local = TimeZoneInfo.ConvertTime(at, weeks.Zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    private static AdherenceFigure Figure(DateOnly? start, IReadOnlyList<DueOccurrence> due) =>
        new(start, due.Count, due.Count(o => o.SubmittedAt <= o.DueAt), due.Count(o => o.SubmittedAt > o.DueAt));
}
