using System.Text;
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
        model.Series.Add(Line(input.A.Label, a, 0, settings));
        model.Series.Add(Line(input.B.Label, b, 1, settings));

        var summary = new StringBuilder($"{label} as each partner rates it, from 0 to 100{(weekly ? ", as weekly averages" : "")}. ");
        summary.Append(Describe(input.A.Label, a, settings)).Append(' ').Append(Describe(input.B.Label, b, settings));
        var table = new ChartTable([weekly ? "Week of" : "Date", "Partner", label],
            a.Select(p => (p, input.A.Label)).Concat(b.Select(p => (p, input.B.Label)))
                .OrderBy(x => x.p.At)
                .Select(x => (IReadOnlyList<string>)[ChartStyle.Date(x.p.At, settings), x.Item2, ChartStyle.Number(x.p.Value, settings)])
                .ToList());
        return new ProgressChart(model, new ChartText(summary.ToString(), table));
    }

    public static ProgressChart Gap(PerceptionGapInput input, ChartSettings? settings = null)
    {
        settings ??= ChartSettings.Default;
        var dimensions = input.Gaps.Select(g => g.Dimension).Distinct(StringComparer.Ordinal).ToList();
        var title = input.Title ?? (dimensions.Count == 1 ? $"Perception gap: {DimensionNames.Label(dimensions[0]).ToLower(settings.Culture)}" : GapTitle);
        var model = ChartStyle.NewModel(title, $"Above zero: {input.LabelA} rates higher; below zero: {input.LabelB} rates higher", settings);
        if (dimensions.Count > 1)
        {
            ChartStyle.AddLegend(model);
        }
        model.Axes.Add(ChartStyle.DateAxis("Week", input.Gaps.Select(g => ChartStyle.Local(g.StartsAt, settings)).ToList()));
        // Symmetric around zero so neither partner's side looks bigger; at least ±20 so small gaps look
        // small; a quarter more than the largest gap leaves room for its call-out inside the plot.
        var largest = input.Gaps.Count == 0 ? 0 : input.Gaps.Max(g => Math.Abs(g.Gap));
        var bound = Math.Min(100, Math.Max(20, Math.Ceiling((largest * 1.25 + 5) / 10) * 10));
        model.Axes.Add(ChartStyle.ValueAxis(new ValueScale(-bound, bound, $"Gap in points ({input.LabelA} minus {input.LabelB})")));
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Horizontal, Y = 0, Color = ChartStyle.Muted, LineStyle = LineStyle.Solid, StrokeThickness = 1,
            Text = "Same rating", TextColor = ChartStyle.Muted, Layer = AnnotationLayer.BelowSeries,
        });

        for (var i = 0; i < dimensions.Count; i++)
        {
            var points = input.Gaps.Where(g => g.Dimension == dimensions[i]).OrderBy(g => g.StartsAt)
                .Select(g => new ProgressPoint(g.StartsAt, g.Gap)).ToList();
            model.Series.Add(Line(DimensionNames.Label(dimensions[i]), points, i, settings));
        }

        var callOuts = PerceptionGap.Largest(input.Gaps, input.CallOuts, minimumSize: input.MinimumCallOutGap);
        var first = input.Gaps.Count == 0 ? default : input.Gaps.Min(g => g.StartsAt);
        var last = input.Gaps.Count == 0 ? default : input.Gaps.Max(g => g.StartsAt);
        foreach (var gap in callOuts)
        {
            // Near the left or right edge, the label grows inwards so it is never cut off by the frame.
            var where = last > first ? (gap.StartsAt - first) / (last - first) : 0.5;
            var align = where < 0.3 ? HorizontalAlignment.Left : where > 0.7 ? HorizontalAlignment.Right : HorizontalAlignment.Center;
            var higher = gap.Gap > 0 ? input.LabelA : input.LabelB;
            model.Annotations.Add(new PointAnnotation
            {
                X = ChartStyle.X(gap.StartsAt, settings), Y = gap.Gap, Shape = MarkerType.Circle, Size = 7,
                Fill = OxyColors.Transparent, Stroke = ChartStyle.Text, StrokeThickness = 1.5,
            });
            model.Annotations.Add(new TextAnnotation
            {
                TextPosition = new DataPoint(ChartStyle.X(gap.StartsAt, settings), gap.Gap),
                Text = CallOutText(gap, higher, settings),
                TextColor = ChartStyle.Text,
                Background = OxyColor.FromAColor(0xDD, OxyColors.White),
                Stroke = ChartStyle.Grid,
                StrokeThickness = 0.5,
                TextHorizontalAlignment = align,
                TextVerticalAlignment = gap.Gap >= 0 ? VerticalAlignment.Bottom : VerticalAlignment.Top,
                Offset = new ScreenVector(align == HorizontalAlignment.Left ? -6 : align == HorizontalAlignment.Right ? 6 : 0, gap.Gap >= 0 ? -8 : 8),
            });
        }

        return new ProgressChart(model, new ChartText(GapSummary(input, callOuts, settings), GapTable(input, settings)));
    }

    /// <summary>The words of a call-out, e.g. "Shared decisions: Sam 35 higher".</summary>
    public static string CallOutText(GapWeek gap, string higherLabel, ChartSettings settings) =>
        $"{DimensionNames.Label(gap.Dimension)}: {higherLabel} {ChartStyle.Number(Math.Abs(gap.Gap), settings)} higher";

    private static IReadOnlyList<ProgressPoint> Prepare(IReadOnlyList<ProgressPoint> points, bool weekly, ChartSettings settings) =>
        weekly
            ? WeeklyRollup.ByIsoWeek(points, settings.TimeZone).Select(w => new ProgressPoint(w.StartsAt, w.Mean)).ToList()
            : points.OrderBy(p => p.At).ToList();

    private static LineSeries Line(string title, IReadOnlyList<ProgressPoint> points, int index, ChartSettings settings)
    {
        var color = ChartStyle.Palette[index % ChartStyle.Palette.Length];
        var series = new LineSeries
        {
            Title = title,
            Color = color,
            StrokeThickness = 2,
            LineStyle = ChartStyle.Dashes[index % ChartStyle.Dashes.Length],
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

    private static string GapSummary(PerceptionGapInput input, IReadOnlyList<GapWeek> callOuts, ChartSettings settings)
    {
        if (input.Gaps.Count == 0)
        {
            return $"No week yet in which both {input.LabelA} and {input.LabelB} have ratings to compare.";
        }
        var text = new StringBuilder($"The difference between {input.LabelA}'s and {input.LabelB}'s weekly ratings (0 to 100) of the same dimension, in {ChartStyle.Plural(input.Gaps.Select(g => g.Week).Distinct().Count(), "week", "weeks")} in which both rated it. Positive: {input.LabelA} rates higher.");
        if (callOuts.Count > 0)
        {
            text.Append(" Largest gaps: ");
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
