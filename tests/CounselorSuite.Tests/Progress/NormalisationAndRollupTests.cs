using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class NormalisationAndRollupTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static ProgressPoint P(string at, double value) => new(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), value);

    [Theory]
    [InlineData(7, 0, 10, 70)]
    [InlineData(0, 0, 10, 0)]
    [InlineData(10, 0, 10, 100)]
    [InlineData(3, 1, 5, 50)]
    [InlineData(2, 1, 7, 100.0 / 6)]
    public void A_scale_answer_maps_linearly_onto_zero_to_a_hundred(double raw, double min, double max, double expected)
    {
        Assert.Equal(expected, Normalisation.ToPercent(raw, min, max), 9);
    }

    [Fact]
    public void An_answer_outside_its_scale_or_a_scale_without_width_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normalisation.ToPercent(11, 0, 10));
        Assert.Throws<ArgumentException>(() => Normalisation.ToPercent(5, 5, 5));
    }

    [Fact]
    public void Weekly_means_count_their_values_and_follow_iso_weeks()
    {
        var points = new[]
        {
            P("2025-03-03T09:00:00Z", 40), // Monday, week 10
            P("2025-03-05T09:00:00Z", 60), // Wednesday, week 10
            P("2025-03-11T09:00:00Z", 80), // Tuesday, week 11
        };

        var weeks = WeeklyRollup.ByIsoWeek(points, TimeZoneInfo.Utc);

        Assert.Equal(2, weeks.Count);
        Assert.Equal((2025, 10, new DateOnly(2025, 3, 3), 50.0, 2), (weeks[0].Week.Year, weeks[0].Week.Week, weeks[0].Week.FirstDay, weeks[0].Mean, weeks[0].Count));
        Assert.Equal((11, 80.0, 1), (weeks[1].Week.Week, weeks[1].Mean, weeks[1].Count));
        Assert.Equal(DateTimeOffset.Parse("2025-03-10T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), weeks[1].StartsAt);
    }

    [Fact]
    public void A_late_sunday_answer_belongs_to_the_next_week_where_it_is_already_monday()
    {
        // 23:30 UTC on Sunday 2 March 2025 is 00:30 on Monday 3 March in Berlin.
        var point = P("2025-03-02T23:30:00Z", 50);

        var utc = Assert.Single(WeeklyRollup.ByIsoWeek([point], TimeZoneInfo.Utc));
        var berlin = Assert.Single(WeeklyRollup.ByIsoWeek([point], Berlin));

        Assert.Equal(9, utc.Week.Week);
        Assert.Equal(10, berlin.Week.Week);
        // The week starts at local midnight: 23:00 UTC on Sunday (Berlin is UTC+1 in March before the change).
        Assert.Equal(DateTimeOffset.Parse("2025-03-02T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture), berlin.StartsAt.ToUniversalTime());
    }

    [Fact]
    public void The_last_days_of_december_can_belong_to_week_one_of_the_next_year()
    {
        var week = IsoWeek.Of(DateTimeOffset.Parse("2024-12-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal((2025, 1, new DateOnly(2024, 12, 30)), (week.Year, week.Week, week.FirstDay));
    }

    [Fact]
    public void Long_ranges_are_shown_as_weekly_means_and_short_ones_as_points()
    {
        var start = DateTimeOffset.Parse("2025-01-06T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var halfYearDaily = Enumerable.Range(0, 27 * 7).Select(d => new ProgressPoint(start.AddDays(d), d % 7 * 10)).ToList();
        var twentyWeeks = halfYearDaily.Take(20 * 7).ToList();

        var (longPoints, longWeekly) = WeeklyRollup.ForDisplay(halfYearDaily, TimeZoneInfo.Utc);
        var (shortPoints, shortWeekly) = WeeklyRollup.ForDisplay(twentyWeeks, TimeZoneInfo.Utc);

        Assert.True(longWeekly);
        Assert.Equal(27, longPoints.Count);
        // Each week runs Monday (0) to Sunday (60): mean 30.
        Assert.All(longPoints, p => Assert.Equal(30, p.Value, 9));
        Assert.False(shortWeekly);
        Assert.Equal(140, shortPoints.Count);
    }
}
