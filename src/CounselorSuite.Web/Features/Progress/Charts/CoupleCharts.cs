using System.Text;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>
/// One partner's ratings as the viewer may see them. In a partner's view, the caller passes only what
/// the other partner shared; an empty series reads the same whether nothing was rated or nothing shared.
/// </summary>
/// <param name="Weekly">The points are weekly means already (a long series).</param>
public sealed record PartnerSeries(string Label, IReadOnlyList<ProgressPoint> Points, bool Weekly = false)
{
    public static PartnerSeries Of(string label, DimensionSeries? series) => new(label, series?.Points ?? [], series?.Weekly ?? false);
}

public sealed record CoupleDimensionInput(string Dimension, PartnerSeries A, PartnerSeries B)
{
    public IReadOnlyList<DateTimeOffset> SessionDates { get; init; } = [];
    public string? Title { get; init; }
}

/// <param name="Gaps">Weekly gaps (from <see cref="PerceptionGap.ForAll"/> or <see cref="PerceptionGap.ForDimension"/>), one series per dimension.</param>
/// <param name="CallOuts">How many of the largest gaps to label on the chart.</param>
/// <param name="MinimumCallOutGap">Gaps of this many points or fewer are never called out: a small gap is not news.</param>
public sealed record PerceptionGapInput(string LabelA, string LabelB, IReadOnlyList<GapWeek> Gaps, int CallOuts = 3, double MinimumCallOutGap = 10)
{
    public string? Title { get; init; }
}

/// <summary>(c) Couples: both partners on one chart per dimension, and the perception gap between them.</summary>
public static class CoupleCharts
{
    public const string GapTitle = "Perception gap between partners";

    public static ProgressChart BothPartners(CoupleDimensionInput input, ChartSettings? settings = null)
    {
        settings ??= ChartSettings.Default;
        var label = DimensionNames.Label(input.Dimension);
        // Partners answer on different days and at different rates: when either series is long, both are
        // shown as weekly means so they stay comparable.
        var weekly = input.A.Weekly || input.B.Weekly
            || (settings.RollUpLongRanges && (WeeklyRollup.IsLongRange(input.A.Points) || WeeklyRollup.IsLongRange(input.B.Points)));
        var a = Prepare(input.A.Points, weekly, settings);
        var b = Prepare(input.B.Points, weekly, settings);

        var subtitle = input.SessionDates.Count > 0 ? (weekly ? "Weekly averages; solid lines: sessions" : "Solid lines: sessions") : weekly ? "Weekly averages" : null;
        var model = ChartStyle.NewModel(input.Title ?? $"{label}: both partners", subtitle, settings);
        ChartStyle.AddLegend(model);
        var times = a.Concat(b).Select(p => ChartStyle.Local(p.At, settings)).Concat(input.SessionDates.Select(d => ChartStyle.Local(d, settings))).ToList();
        model.Axes.Add(ChartStyle.DateAxis(weekly ? "Week" : "Date", times));
        model.Axes.Add(ChartStyle.ValueAxis(ValueScale.Percent));
        foreach (var session in input.SessionDates)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical, X = ChartStyle.X(session, settings),
                Color = ChartStyle.Muted, LineStyle = LineStyle.Solid, StrokeThickness = 1, Layer = AnnotationLayer.BelowSeries,
            });
        }
        AddPartner(model, input.A.Label, a, 0, settings);
        AddPartner(model, input.B.Label, b, 1, settings);

        var scales = ChartStyle.ScalesNote(a.Concat(b).Select(p => p.Scale));
        var summary = new StringBuilder($"{label} as each partner rates it, from 0 to 100{(weekly ? ", as weekly averages" : "")}{(scales is null ? "" : "; " + scales)}. ");
        summary.Append(Describe(input.A.Label, a, settings)).Append(' ').Append(Describe(input.B.Label, b, settings));
        IReadOnlyList<string> columns = scales is null ? [weekly ? "Week of" : "Date", "Partner", label] : [weekly ? "Week of" : "Date", "Partner", label, "Answered on"];
        var table = new ChartTable(columns,
            a.Select(p => (p, input.A.Label)).Concat(b.Select(p => (p, input.B.Label)))
                .OrderBy(x => x.p.At)
                .Select(x => (IReadOnlyList<string>)(scales is null
                    ? [ChartStyle.Date(x.p.At, settings), x.Item2, ChartStyle.Number(x.p.Value, settings)]
                    : [ChartStyle.Date(x.p.At, settings), x.Item2, ChartStyle.Number(x.p.Value, settings), x.p.Scale?.Label ?? ""]))
                .ToList());
        return new ProgressChart(model, new ChartText(summary.ToString(), table));
    }

    /// <summary>
    /// The perception gap per dimension as bars: the mean of the weekly gaps over the weeks both partners
    /// rated it, one dimension per row, so each gap is read on its own and no label can land on another.
    /// The weeks behind each bar are in the table.
    /// </summary>
    public static ProgressChart Gap(PerceptionGapInput input, ChartSettings? settings = null)
    {
        settings ??= ChartSettings.Default;
        var order = ExerciseVocabulary.Dimensions.Select(d => d.Value.ToString()).ToList();
        var rows = input.Gaps.GroupBy(g => g.Dimension, StringComparer.Ordinal)
            .OrderBy(g => order.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: DimensionNames.Label(g.Key), Mean: g.Average(x => x.Gap)))
            .ToList();
        var title = input.Title ?? (rows.Count == 1 ? $"Perception gap: {rows[0].Label.ToLower(settings.Culture)}" : GapTitle);
        var model = ChartStyle.NewModel(title, $"Average of the weeks both rated; right: {input.LabelA} higher, left: {input.LabelB} higher", settings);
        var categories = new CategoryAxis
        {
            Position = AxisPosition.Left, Key = "dimensions", StartPosition = 1, EndPosition = 0, GapWidth = 0.5,
            TicklineColor = ChartStyle.Muted, IsZoomEnabled = false, IsPanEnabled = false,
        };
        categories.Labels.AddRange(rows.Select(r => r.Label));
        model.Axes.Add(categories);
        // Symmetric around zero so neither partner's side looks bigger; at least ±20 so small gaps look
        // small; room past the largest bar for its label.
        var largest = rows.Count == 0 ? 0 : rows.Max(r => Math.Abs(r.Mean));
        var bound = Math.Min(100, Math.Max(20, Math.Ceiling((largest * 1.3 + 5) / 10) * 10));
        var values = ChartStyle.ValueAxis(new ValueScale(-bound, bound, $"Gap in points ({input.LabelA} minus {input.LabelB})"), AxisPosition.Bottom);
        values.Key = "gaps";
        model.Axes.Add(values);
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical, X = 0, Color = ChartStyle.Text, StrokeThickness = 1, Layer = AnnotationLayer.AboveSeries,
        });
        var bars = new BarSeries
        {
            Title = "Gap", StrokeColor = ChartStyle.Text, StrokeThickness = 0.5, XAxisKey = "gaps", YAxisKey = "dimensions",
            LabelFormatString = "{0:+0;\u22120;0}", LabelPlacement = LabelPlacement.Outside, LabelColor = ChartStyle.Text,
        };
        // The partner who rates higher gives the bar their colour, the same as their line in the charts per dimension.
        bars.Items.AddRange(rows.Select(r => new BarItem(Math.Round(r.Mean)) { Color = r.Mean >= 0 ? ChartStyle.Palette[0] : ChartStyle.Palette[1] }));
        model.Series.Add(bars);

        var callOuts = PerceptionGap.Largest(input.Gaps, input.CallOuts, minimumSize: input.MinimumCallOutGap);
        return new ProgressChart(model, new ChartText(GapSummary(input, rows, callOuts, settings), GapTable(input, settings)));
    }

    /// <summary>The words of a call-out, e.g. "Shared decisions: Sam 35 higher".</summary>
    public static string CallOutText(GapWeek gap, string higherLabel, ChartSettings settings) =>
        $"{DimensionNames.Label(gap.Dimension)}: {higherLabel} {ChartStyle.Number(Math.Abs(gap.Gap), settings)} higher";

    private static IReadOnlyList<ProgressPoint> Prepare(IReadOnlyList<ProgressPoint> points, bool weekly, ChartSettings settings) =>
        weekly
            ? WeeklyRollup.ByWeek(points, settings.Weeks).Select(w => new ProgressPoint(w.StartsAt, w.Mean)).ToList()
            : points.OrderBy(p => p.At).ToList();

    /// <summary>
    /// A partner's line in their colour and marker (blue circles, orange triangles: told apart without colour
    /// too), or one line per scale their answers came on, each with its own dash. An empty series still gets
    /// its legend entry, so the legend always names both partners.
    /// </summary>
    private static void AddPartner(PlotModel model, string label, IReadOnlyList<ProgressPoint> points, int partner, ChartSettings settings)
    {
        var runs = ChartStyle.ByScale(points);
        for (var i = 0; i < runs.Count; i++)
        {
            var (scale, run) = runs[i];
            var title = runs.Count > 1 && scale is { } s ? $"{label}, {s.Label}" : label;
            model.Series.Add(Line(title, run, partner, partner + 2 * i, settings));
        }
    }

    private static LineSeries Line(string title, IReadOnlyList<ProgressPoint> points, int index, int style, ChartSettings settings)
    {
        var color = ChartStyle.Palette[index % ChartStyle.Palette.Length];
        var series = new LineSeries
        {
            Title = title,
            Color = color,
            StrokeThickness = 2,
            LineStyle = ChartStyle.Dashes[style % ChartStyle.Dashes.Length],
            MarkerType = ChartStyle.MarkerFor(points.Count, ChartStyle.Markers[index % ChartStyle.Markers.Length]),
            MarkerSize = 4,
            MarkerFill = color,
            MarkerStroke = color,
        };
        series.Points.AddRange(points.Select(p => new DataPoint(ChartStyle.X(p.At, settings), p.Value)));
        return series;
    }

    private static string Describe(string partner, IReadOnlyList<ProgressPoint> points, ChartSettings settings) => points.Count switch
    {
        0 => $"{partner}: no ratings to show.",
        1 => $"{partner}: one rating, {ChartStyle.Number(points[0].Value, settings)} on {ChartStyle.Date(points[0].At, settings)}.",
        _ => $"{partner}: {points.Count} ratings from {ChartStyle.Date(points[0].At, settings)} to {ChartStyle.Date(points[^1].At, settings)}, from {ChartStyle.Number(points[0].Value, settings)} to {ChartStyle.Number(points[^1].Value, settings)} (latest).",
    };

    private static string GapSummary(PerceptionGapInput input, IReadOnlyList<(string Label, double Mean)> rows, IReadOnlyList<GapWeek> callOuts, ChartSettings settings)
    {
        if (input.Gaps.Count == 0)
        {
            return $"No week yet in which both {input.LabelA} and {input.LabelB} have ratings to compare.";
        }
        var text = new StringBuilder($"The difference between {input.LabelA}'s and {input.LabelB}'s ratings (0 to 100) of the same dimension, averaged over the {ChartStyle.Plural(input.Gaps.Select(g => g.Week).Distinct().Count(), "week", "weeks")} in which both rated it. Positive: {input.LabelA} rates higher. ");
        text.Append(string.Join("; ", rows.Select(r => $"{r.Label} {ChartStyle.Signed(r.Mean, settings)}"))).Append('.');
        if (callOuts.Count > 0)
        {
            text.Append(" Largest weekly gaps: ");
            text.Append(string.Join("; ", callOuts.Select(g =>
                $"{CallOutText(g, g.Gap > 0 ? input.LabelA : input.LabelB, settings)} in the week of {ChartStyle.Date(g.StartsAt, settings)}")));
            text.Append('.');
        }
        return text.ToString();
    }

    private static ChartTable GapTable(PerceptionGapInput input, ChartSettings settings) =>
        new(["Week of", "Dimension", input.LabelA, input.LabelB, "Gap"],
            input.Gaps.OrderBy(g => g.StartsAt).ThenBy(g => g.Dimension, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[
                    ChartStyle.Date(g.StartsAt, settings), DimensionNames.Label(g.Dimension),
                    ChartStyle.Number(g.A, settings), ChartStyle.Number(g.B, settings), ChartStyle.Signed(g.Gap, settings)])
                .ToList());
}
