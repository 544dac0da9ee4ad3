using System.Globalization;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Time;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class PerceptionGapAndAdherenceTests
{
    private static DateTimeOffset T(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
    private static ProgressPoint P(string at, double value) => new(T(at), value);

    [Fact]
    public void The_gap_is_partner_a_minus_partner_b_in_weeks_both_rated()
    {
        var a = new[] { P("2025-03-03T08:00Z", 60), P("2025-03-06T08:00Z", 80), P("2025-03-11T08:00Z", 50), P("2025-03-18T08:00Z", 90) };
        var b = new[] { P("2025-03-04T20:00Z", 40), P("2025-03-20T08:00Z", 30), P("2025-03-25T08:00Z", 20) };

        var gaps = PerceptionGap.ForDimension("SharedDecisions", a, b, TimeZoneInfo.Utc);

        // Week 10: mean(60, 80) − 40 = 30; week 11 only A rated; week 12: 90 − 30 = 60; week 13 only B.
        Assert.Equal(2, gaps.Count);
        Assert.Equal((10, 70.0, 40.0, 30.0, 2, 1), (gaps[0].Week.Week, gaps[0].A, gaps[0].B, gaps[0].Gap, gaps[0].CountA, gaps[0].CountB));
        Assert.Equal((12, 60.0), (gaps[1].Week.Week, gaps[1].Gap));
    }

    [Fact]
    public void Gaps_are_found_for_dimensions_both_partners_rated_only()
    {
        var a = new[]
        {
            new DimensionSeries("Autonomy", [P("2025-03-03T08:00Z", 20)]),
            new DimensionSeries("Safety", [P("2025-03-03T08:00Z", 90)]),
        };
        var b = new[]
        {
            new DimensionSeries("Autonomy", [P("2025-03-05T08:00Z", 70)]),
            new DimensionSeries("Consent", [P("2025-03-05T08:00Z", 70)]),
        };

        var gap = Assert.Single(PerceptionGap.ForAll(a, b, TimeZoneInfo.Utc));

        Assert.Equal(("Autonomy", -50.0), (gap.Dimension, gap.Gap));
    }

    [Fact]
    public void The_largest_gaps_are_chosen_by_size_whichever_partner_rates_higher_one_per_dimension()
    {
        GapWeek Gap(string dimension, string monday, double a, double b) =>
            new(dimension, IsoWeek.Of(T(monday), TimeZoneInfo.Utc), T(monday), a, b, 1, 1);
        var gaps = new[]
        {
            Gap("Autonomy", "2025-03-03T00:00Z", 20, 70),   // −50
            Gap("Autonomy", "2025-03-10T00:00Z", 30, 70),   // −40
            Gap("SharedDecisions", "2025-03-03T00:00Z", 80, 35), // +45
            Gap("Reliability", "2025-03-03T00:00Z", 60, 50), // +10
            Gap("Consent", "2025-03-03T00:00Z", 50, 50),     // 0: not a gap
        };

        var largest = PerceptionGap.Largest(gaps, 3);
        var anyDimension = PerceptionGap.Largest(gaps, 2, onePerDimension: false);

        Assert.Equal(["Autonomy", "SharedDecisions", "Reliability"], largest.Select(g => g.Dimension));
        Assert.Equal(-50, largest[0].Gap);
        Assert.Equal([-50.0, 45.0], anyDimension.Select(g => g.Gap));
        Assert.DoesNotContain(PerceptionGap.Largest(gaps, 10), g => g.Dimension == "Consent");
    }

    [Fact]
    public void Adherence_is_the_share_of_due_occurrences_submitted_by_their_due_date()
    {
        var now = T("2025-03-14T12:00Z");
        var occurrences = new[]
        {
            new DueOccurrence(T("2025-03-04T18:00Z"), T("2025-03-04T10:00Z")), // week 10, on time
            new DueOccurrence(T("2025-03-05T18:00Z"), T("2025-03-06T09:00Z")), // week 10, late
            new DueOccurrence(T("2025-03-06T18:00Z"), null),                    // week 10, missing
            new DueOccurrence(T("2025-03-11T18:00Z"), T("2025-03-11T18:00Z")), // week 11, exactly at the due time
            new DueOccurrence(T("2025-03-20T18:00Z"), T("2025-03-13T08:00Z")), // not yet due: not counted
        };

        var overall = Adherence.Overall(occurrences, now);
        var weekly = Adherence.PerPeriod(occurrences, now, TimeZoneInfo.Utc, AdherencePeriod.Week);

        Assert.Equal((4, 2, 1, 1, 0.5), (overall.Due, overall.OnTime, overall.Late, overall.Missing, overall.Share));
        Assert.Equal(2, weekly.Count);
        Assert.Equal((new DateOnly(2025, 3, 3), 3, 1), (weekly[0].PeriodStart!.Value, weekly[0].Due, weekly[0].OnTime));
        Assert.Equal(1.0 / 3, weekly[0].Share!.Value, 9);
        Assert.Equal((new DateOnly(2025, 3, 10), 1.0), (weekly[1].PeriodStart!.Value, weekly[1].Share!.Value));
    }

    [Fact]
    public void Monthly_adherence_uses_the_months_of_the_time_zone_and_nothing_due_has_no_share()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 23:30 UTC on 31 March is 1 April in Berlin.
        var occurrences = new[] { new DueOccurrence(T("2025-03-31T23:30Z"), null) };

        var monthly = Adherence.PerPeriod(occurrences, T("2025-05-01T00:00Z"), berlin, AdherencePeriod.Month);

        Assert.Equal(new DateOnly(2025, 4, 1), Assert.Single(monthly).PeriodStart);
        Assert.Null(Adherence.Overall([], T("2025-05-01T00:00Z")).Share);
    }
}
