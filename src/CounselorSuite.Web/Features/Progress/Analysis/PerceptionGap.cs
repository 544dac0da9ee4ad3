using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Web.Features.Progress.Analysis;

/// <summary>One week in which both partners rated a dimension: their weekly means and the gap A − B.</summary>
public sealed record GapWeek(string Dimension, IsoWeek Week, DateTimeOffset StartsAt, double A, double B, int CountA, int CountB)
{
    /// <summary>Partner A's weekly mean minus partner B's: positive when A sees the dimension more favourably.</summary>
    public double Gap => A - B;
}

/// <summary>
/// The difference between two partners' ratings of the same dimension. Ratings are aligned by ISO week
/// because partners rarely answer on the same day; weeks only one partner rated have no gap.
/// </summary>
public static class PerceptionGap
{
    public static IReadOnlyList<GapWeek> ForDimension(string dimension, IEnumerable<ProgressPoint> a, IEnumerable<ProgressPoint> b, TimeZoneInfo zone) =>
        FromWeeklyMeans(dimension, WeeklyRollup.ByIsoWeek(a, zone), WeeklyRollup.ByIsoWeek(b, zone));

    /// <summary>The gaps of one dimension from both partners' weekly means (however they were computed).</summary>
    public static IReadOnlyList<GapWeek> FromWeeklyMeans(string dimension, IEnumerable<WeeklyMean> a, IEnumerable<WeeklyMean> b)
    {
        var weeksOfB = b.ToDictionary(w => w.Week);
        return a.OrderBy(w => w.Week)
            .Where(w => weeksOfB.ContainsKey(w.Week))
            .Select(w =>
            {
                var other = weeksOfB[w.Week];
                return new GapWeek(dimension, w.Week, w.StartsAt, w.Mean, other.Mean, w.Count, other.Count);
            })
            .ToList();
    }

    /// <summary>Gaps for every dimension both partners have ratings of, by dimension then week.</summary>
    public static IReadOnlyList<GapWeek> ForAll(IEnumerable<DimensionSeries> a, IEnumerable<DimensionSeries> b, TimeZoneInfo zone)
    {
        var ofB = b.GroupBy(s => s.Dimension, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Points).ToList(), StringComparer.Ordinal);
        return a.GroupBy(s => s.Dimension, StringComparer.Ordinal)
            .Where(g => ofB.ContainsKey(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => ForDimension(g.Key, g.SelectMany(s => s.Points), ofB[g.Key], zone))
            .ToList();
    }

    /// <summary>
    /// The largest gaps by size, whichever partner rates higher. Equal sizes favour the more recent week.
    /// With <paramref name="onePerDimension"/>, each dimension contributes at most its largest gap, so one
    /// troubled dimension does not hide the others.
    /// </summary>
    public static IReadOnlyList<GapWeek> Largest(IEnumerable<GapWeek> gaps, int count, bool onePerDimension = true, double minimumSize = 0)
    {
        var ordered = gaps
            .Where(g => Math.Abs(g.Gap) > minimumSize)
            .OrderByDescending(g => Math.Abs(g.Gap))
            .ThenByDescending(g => g.StartsAt)
            .ThenBy(g => g.Dimension, StringComparer.Ordinal);
        var chosen = onePerDimension ? ordered.DistinctBy(g => g.Dimension, StringComparer.Ordinal) : ordered;
        return chosen.Take(Math.Max(count, 0)).ToList();
    }
}
