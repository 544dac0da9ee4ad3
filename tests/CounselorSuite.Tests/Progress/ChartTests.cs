using System.Globalization;
using System.Xml.Linq;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Features.Measures;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CounselorSuite.Tests.Progress;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class ChartTests
{
    private static DateTimeOffset T(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);

    private static IReadOnlyList<ProgressPoint> Weekly(string start, params double[] values) =>
        values.Select((v, i) => new ProgressPoint(T(start).AddDays(7 * i), v)).ToList();

    /// <summary>The text drawn in the chart, as OxyPlot's own SVG exporter writes it.</summary>
    private static IReadOnlyList<string> SvgTexts(ProgressChart chart)
    {
        var svg = SvgExporter.ExportToString(chart.Model, ProgressChart.DefaultWidth, ProgressChart.DefaultHeight, isDocument: false);
        var document = XDocument.Parse(svg);
        return document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
    }

    [Fact]
    public void A_dimension_chart_has_its_title_axes_line_and_markers_as_svg_text()
    {
        var input = TrendChartInput.ForDimension("HonestCommunication", Weekly("2025-03-03T08:00Z", 40, 55, 50, 65)) with
        {
            SessionDates = [T("2025-03-05T16:00Z"), T("2025-03-19T16:00Z")],
            AssignmentStarts = [T("2025-03-05T17:00Z")],
        };

        var chart = TrendChart.Build(input);
        var texts = SvgTexts(chart);

        Assert.Equal("Honest communication over time", chart.Title);
        Assert.Contains("Honest communication over time", texts);
        Assert.Contains("Date", texts);
        Assert.Contains("Rating (0 to 100)", texts);
        Assert.Contains("Solid lines: sessions; dotted lines: new assignments", texts);
        var series = Assert.IsType<LineSeries>(Assert.Single(chart.Model.Series));
        Assert.Equal([40.0, 55, 50, 65], series.Points.Select(p => p.Y));
        var verticals = chart.Model.Annotations.OfType<LineAnnotation>().Where(a => a.Type == LineAnnotationType.Vertical).ToList();
        Assert.Equal(2, verticals.Count(v => v.LineStyle == LineStyle.Solid));
        Assert.Equal(1, verticals.Count(v => v.LineStyle == LineStyle.Dot));
        var y = chart.Model.Axes.OfType<LinearAxis>().Single(a => a is not DateTimeAxis);
        // A little past the scale's ends, so a marker at 0 or 100 is drawn whole.
        Assert.Equal((-4.0, 104.0), (y.Minimum, y.Maximum));
    }

    [Fact]
    public void A_dimension_chart_has_a_summary_and_the_data_as_rows()
    {
        var chart = TrendChart.Build(TrendChartInput.ForDimension("Autonomy", Weekly("2025-03-03T08:00Z", 40, 55, 50, 65)));

        Assert.Contains("Independence and autonomy, 4 values from 3 Mar 2025 to 24 Mar 2025", chart.Text.Summary);
        Assert.Contains("from 40 to 65 (latest); lowest 40, highest 65", chart.Text.Summary);
        Assert.Equal(["Date", "Independence and autonomy"], chart.Text.Table.Columns);
        Assert.Equal(4, chart.Text.Table.Rows.Count);
        Assert.Equal(["10 Mar 2025", "55"], chart.Text.Table.Rows[1]);
    }

    [Fact]
    public void A_measure_chart_shades_its_cut_off_bands_and_marks_a_reliable_improvement_on_the_latest_point()
    {
        var screen = TestMeasures.Valid(TestMeasures.DepressionScreen());
        var totals = Weekly("2025-03-03T08:00Z", 20, 17, 15, 12);

        var chart = TrendChart.Build(TrendChartInput.ForMeasure(screen, totals));
        var texts = SvgTexts(chart);

        var bands = chart.Model.Annotations.OfType<RectangleAnnotation>().ToList();
        Assert.Equal(["Minimal", "Mild", "Moderate", "Moderately severe", "Severe"], bands.Select(b => b.Text));
        // Inclusive bands 0-4 and 5-9 meet halfway, so the shading has no gaps.
        Assert.Equal((0.0, 4.5), (bands[0].MinimumY, bands[0].MaximumY));
        Assert.Equal((19.5, 27.0), (bands[4].MinimumY, bands[4].MaximumY));
        var mark = Assert.Single(chart.Model.Annotations.OfType<PointAnnotation>());
        Assert.Equal((12.0, TrendChart.ReliableImprovementText), (mark.Y, mark.Text));
        Assert.Contains("Reliable improvement", texts);
        Assert.Contains("Score (0 to 27)", texts);
        Assert.Contains("Moderately severe", texts);
        Assert.Contains("reliable improvement (reliable change index -2.39, reliable beyond ±1.96)", chart.Text.Summary);
        Assert.Equal(["Date", "Mood screen (9 items)", "Band"], chart.Text.Table.Columns);
        Assert.Equal("Moderate", chart.Text.Table.Rows[^1][2]);
    }

    [Fact]
    public void A_rise_on_a_measure_where_higher_is_worse_is_marked_as_reliable_deterioration()
    {
        var screen = TestMeasures.Valid(TestMeasures.DepressionScreen());

        var chart = TrendChart.Build(TrendChartInput.ForMeasure(screen, Weekly("2025-03-03T08:00Z", 8, 12, 16)));

        Assert.Equal(TrendChart.ReliableDeteriorationText, Assert.Single(chart.Model.Annotations.OfType<PointAnnotation>()).Text);
        Assert.Contains("Reliable deterioration", SvgTexts(chart));
    }

    [Fact]
    public void A_change_within_measurement_error_is_not_marked()
    {
        var screen = TestMeasures.Valid(TestMeasures.DepressionScreen());

        var chart = TrendChart.Build(TrendChartInput.ForMeasure(screen, Weekly("2025-03-03T08:00Z", 12, 10)));

        Assert.Empty(chart.Model.Annotations.OfType<PointAnnotation>());
        Assert.Contains("within measurement error", chart.Text.Summary);
    }

    [Fact]
    public void A_long_range_is_drawn_as_weekly_averages()
    {
        var daily = Enumerable.Range(0, 400).Select(d => new ProgressPoint(T("2024-01-01T08:00Z").AddDays(d), 50 + d % 7)).ToList();

        var chart = TrendChart.Build(TrendChartInput.ForDimension("Reliability", daily));

        var series = Assert.IsType<LineSeries>(Assert.Single(chart.Model.Series));
        Assert.InRange(series.Points.Count, 57, 59);
        Assert.Contains("Week", SvgTexts(chart));
        Assert.Equal("Week of", chart.Text.Table.Columns[0]);
        Assert.Contains("weekly averages", chart.Text.Summary);
    }

    [Fact]
    public void An_empty_series_says_there_are_no_ratings_yet()
    {
        var chart = TrendChart.Build(TrendChartInput.ForDimension("Consent", []));

        Assert.Contains("No ratings yet", SvgTexts(chart));
        Assert.Equal("Consent: no ratings yet.", chart.Text.Summary);
        Assert.Empty(chart.Text.Table.Rows);
    }

    [Fact]
    public void The_latest_check_in_is_a_bar_per_dimension_with_the_first_at_the_top()
    {
        var ratings = new[]
        {
            new DimensionRating("HonestCommunication", 80), new DimensionRating("Reliability", 60),
            new DimensionRating("EqualPartnership", 40), new DimensionRating("Safety", 90),
        };

        var chart = LatestCheckInChart.Build(new LatestCheckInInput(T("2025-03-09T19:00Z"), ratings));
        var texts = SvgTexts(chart);

        Assert.Equal("Latest check-in", chart.Title);
        Assert.Contains("Latest check-in", texts);
        Assert.Contains("9 Mar 2025", texts);
        Assert.Contains("Dimension", texts);
        Assert.Contains("Rating (0 to 100)", texts);
        Assert.Contains("Honest communication", texts);
        Assert.Contains("Equal partnership", texts);
        var bars = Assert.IsType<BarSeries>(Assert.Single(chart.Model.Series));
        Assert.Equal([80.0, 60, 40, 90], bars.Items.Select(i => i.Value));
        var categories = chart.Model.Axes.OfType<CategoryAxis>().Single();
        Assert.Equal(AxisPosition.Left, categories.Position);
        Assert.Equal(["Honest communication", "Consistency and reliability", "Equal partnership", "Safety"], categories.Labels);
        Assert.True(categories.StartPosition > categories.EndPosition);
        Assert.Contains("Highest: Safety (90); lowest: Equal partnership (40)", chart.Text.Summary);
        Assert.Equal(["Equal partnership", "40"], chart.Text.Table.Rows[2]);
    }

    [Fact]
    public void Both_partners_share_one_chart_told_apart_by_marker_and_dash_not_colour_alone()
    {
        var input = new CoupleDimensionInput("SharedDecisions",
            new PartnerSeries("Alex", Weekly("2025-03-03T08:00Z", 70, 75, 80)),
            new PartnerSeries("Sam", Weekly("2025-03-04T20:00Z", 30, 35, 45)));

        var chart = CoupleCharts.BothPartners(input);
        var texts = SvgTexts(chart);

        Assert.Equal("Shared decision-making: both partners", chart.Title);
        Assert.Contains("Shared decision-making: both partners", texts);
        Assert.Contains("Alex", texts);
        Assert.Contains("Sam", texts);
        Assert.Contains("Date", texts);
        Assert.Contains("Rating (0 to 100)", texts);
        Assert.Single(chart.Model.Legends);
        var lines = chart.Model.Series.OfType<LineSeries>().ToList();
        Assert.Equal(["Alex", "Sam"], lines.Select(l => l.Title));
        Assert.NotEqual(lines[0].MarkerType, lines[1].MarkerType);
        Assert.NotEqual(lines[0].LineStyle, lines[1].LineStyle);
        Assert.Equal(6, chart.Text.Table.Rows.Count);
        Assert.Equal(["Date", "Partner", "Shared decision-making"], chart.Text.Table.Columns);
    }

    [Fact]
    public void A_partner_with_nothing_to_show_reads_the_same_whether_unshared_or_unrated()
    {
        var chart = CoupleCharts.BothPartners(new CoupleDimensionInput("Autonomy",
            new PartnerSeries("You", Weekly("2025-03-03T08:00Z", 70)), new PartnerSeries("Your partner", [])));

        Assert.Contains("Your partner: no ratings to show.", chart.Text.Summary);
        Assert.DoesNotContain("shar", chart.Text.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_perception_gap_is_a_bar_per_dimension_coloured_by_the_partner_who_rates_higher()
    {
        var a = new[]
        {
            new DimensionSeries("SharedDecisions", Weekly("2025-03-03T08:00Z", 80, 75, 70)),
            new DimensionSeries("Autonomy", Weekly("2025-03-03T08:00Z", 20, 30, 40)),
            new DimensionSeries("Reliability", Weekly("2025-03-03T08:00Z", 60, 60, 60)),
        };
        var b = new[]
        {
            new DimensionSeries("SharedDecisions", Weekly("2025-03-04T08:00Z", 45, 50, 60)),
            new DimensionSeries("Autonomy", Weekly("2025-03-04T08:00Z", 70, 60, 50)),
            new DimensionSeries("Reliability", Weekly("2025-03-04T08:00Z", 55, 60, 58)),
        };
        var gaps = PerceptionGap.ForAll(a, b, TimeZoneInfo.Utc);

        var chart = CoupleCharts.Gap(new PerceptionGapInput("Alex", "Sam", gaps, CallOuts: 2));
        var texts = SvgTexts(chart);

        Assert.Equal(CoupleCharts.GapTitle, chart.Title);
        Assert.Contains("Perception gap between partners", texts);
        Assert.Contains("Gap in points (Alex minus Sam)", texts);
        Assert.Contains("Average of the weeks both rated; right: Alex higher, left: Sam higher", texts);
        // One bar per dimension in the vocabulary's order, one label each: reliability +2, decisions +23 on
        // average, autonomy −30 (Sam higher).
        var bars = Assert.IsType<BarSeries>(Assert.Single(chart.Model.Series));
        Assert.Equal([2.0, 23, -30], bars.Items.Select(i => i.Value));
        Assert.Equal(OxyColor.FromRgb(0x00, 0x72, 0xB2), bars.Items[1].Color);
        Assert.Equal(OxyColor.FromRgb(0xD5, 0x5E, 0x00), bars.Items[2].Color);
        Assert.Contains("\u221230", texts);
        Assert.Contains("+23", texts);
        Assert.Contains("Independence and autonomy", texts);
        Assert.Contains("Largest weekly gaps: Independence and autonomy: Sam 50 higher in the week of 3 Mar 2025", chart.Text.Summary);
        Assert.Contains("Independence and autonomy \u221230", chart.Text.Summary);
        Assert.Equal(["Week of", "Dimension", "Alex", "Sam", "Gap"], chart.Text.Table.Columns);
        Assert.Equal(9, chart.Text.Table.Rows.Count);
        Assert.Contains(chart.Text.Table.Rows, r => r[1] == "Independence and autonomy" && r[4] == "\u221250");
        var values = chart.Model.Axes.OfType<LinearAxis>().Single(a => a is not CategoryAxis);
        Assert.Equal(-values.Minimum, values.Maximum);
    }

    [Fact]
    public void Answers_on_different_scales_are_drawn_as_separate_lines_and_the_table_names_each_points_scale()
    {
        var start = T("2025-03-03T08:00Z");
        IReadOnlyList<ProgressPoint> points =
        [
            new(start, 50) { Scale = new AnswerScale(0, 10) },
            new(start.AddDays(2), 100) { Scale = new AnswerScale(1, 7) },
            new(start.AddDays(7), 60) { Scale = new AnswerScale(0, 10) },
            new(start.AddDays(9), 0) { Scale = new AnswerScale(1, 7) },
        ];

        var chart = TrendChart.Build(TrendChartInput.ForDimension("SharedDecisions", points));
        var couple = CoupleCharts.BothPartners(new CoupleDimensionInput("SharedDecisions", new PartnerSeries("Alex", points), new PartnerSeries("Sam", [])));

        var lines = chart.Model.Series.OfType<LineSeries>().ToList();
        Assert.Equal(["1\u20137 scale", "0\u201310 scale"], lines.Select(l => l.Title));
        Assert.Equal([100.0, 0], lines[0].Points.Select(p => p.Y));
        Assert.Equal([50.0, 60], lines[1].Points.Select(p => p.Y));
        Assert.NotEqual(lines[0].LineStyle, lines[1].LineStyle);
        Assert.Single(chart.Model.Legends);
        Assert.Contains("answers on the 1\u20137 and 0\u201310 scales, each mapped onto 0 to 100 and drawn apart", chart.Text.Summary);
        Assert.Equal("Answered on", chart.Text.Table.Columns[^1]);
        Assert.Equal(["0\u201310 scale", "1\u20137 scale", "0\u201310 scale", "1\u20137 scale"], chart.Text.Table.Rows.Select(r => r[^1]));
        Assert.Equal(["Alex, 1\u20137 scale", "Alex, 0\u201310 scale", "Sam"], couple.Model.Series.Select(s => s.Title));
        Assert.Contains(couple.Text.Table.Rows, r => r[1] == "Alex" && r[^1] == "1\u20137 scale");
    }

    [Fact]
    public void Chart_dates_follow_the_viewers_time_zone_and_culture()
    {
        var settings = new ChartSettings { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"), Culture = CultureInfo.GetCultureInfo("de-DE") };

        // 20:00 UTC on 2 March is the morning of 3 March in Auckland.
        var chart = TrendChart.Build(TrendChartInput.ForDimension("Safety", [new ProgressPoint(T("2025-03-02T20:00Z"), 62.5)]), settings);

        Assert.Equal(["3 März 2025", "62,5"], chart.Text.Table.Rows[0]);
    }

    [Fact]
    public void A_title_can_be_replaced_for_a_discreet_handout()
    {
        var chart = TrendChart.Build(TrendChartInput.ForDimension("Safety", Weekly("2025-03-03T08:00Z", 50)) with { Title = "Chart 1" });

        Assert.Contains("Chart 1", SvgTexts(chart));
        Assert.DoesNotContain("Safety over time", SvgTexts(chart));
    }

    [Fact]
    public void Runs_of_unfilled_lines_drawn_alike_become_one_path_and_nothing_else_changes()
    {
        const string svg = """
            <g clip-path="url(#c)">
            <polyline points="1,2 3,4" fill="none" stroke="red" stroke-width="1" />
            <polyline points="5,6 7,8 9,10" fill="none" stroke="red" stroke-width="1" />
            <polyline points="9,9 8,8" fill="none" stroke="blue" stroke-width="1" />
            <polygon points="0,0 1,1 2,0" fill="green" />
            <polyline points="1,1 2,2" fill="none" stroke="blue" stroke-width="1" />
            </g>
            """;

        var merged = ChartMarkup.MergeLines(svg);

        Assert.Equal("""
            <g clip-path="url(#c)">
            <path d="M1,2L3,4M5,6L7,8L9,10" fill="none" stroke="red" stroke-width="1" />
            <path d="M9,9L8,8" fill="none" stroke="blue" stroke-width="1" />
            <polygon points="0,0 1,1 2,0" fill="green" />
            <path d="M1,1L2,2" fill="none" stroke="blue" stroke-width="1" />
            </g>
            """, merged);
    }

    [Fact]
    public void A_five_year_chart_with_a_hundred_sessions_draws_its_marks_in_a_few_paths_and_keeps_its_text()
    {
        var start = T("2021-01-04T09:00:00Z");
        var weeks = Enumerable.Range(0, 260).Select(w => new ProgressPoint(start.AddDays(7 * w), 40 + w % 30)).ToList();
        var sessions = Enumerable.Range(0, 100).Select(i => start.AddDays(18 * i)).ToList();
        var chart = TrendChart.Build(TrendChartInput.ForDimension("Reliability", weeks) with { SessionDates = sessions, PointsAreWeeklyMeans = true });

        var view = ChartMarkup.Render("dimension-reliability", chart);

        var svg = XDocument.Parse(view.Svg).Root!;
        var drawn = svg.Descendants().Count(e => e.Name.LocalName is "polyline" or "path");
        Assert.InRange(drawn, 1, 20);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "ellipse"); // 260 points: a line, no markers
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "Consistency and reliability over time");
        Assert.Contains("Weekly averages", view.Svg);
        Assert.Equal(260, chart.Text.Table.Rows.Count);
    }
}
