using System.Globalization;
using System.Text;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Measures;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Series;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>What a line chart over time shows: one client's series of a dimension or of a measure's total.</summary>
public sealed record TrendChartInput
{
    /// <summary>What is measured, as shown in the title: "Honest communication", "Weekly relationship check-in".</summary>
    public required string Subject { get; init; }

    public required IReadOnlyList<ProgressPoint> Points { get; init; }

    public ValueScale Scale { get; init; } = ValueScale.Percent;

    /// <summary>Marked as solid vertical lines.</summary>
    public IReadOnlyList<DateTimeOffset> SessionDates { get; init; } = [];

    /// <summary>When assignments (homework) started; marked as dotted vertical lines.</summary>
    public IReadOnlyList<DateTimeOffset> AssignmentStarts { get; init; } = [];

    /// <summary>Cut-off bands in the units of <see cref="Scale"/>, shaded behind the line.</summary>
    public IReadOnlyList<CutOff> Bands { get; init; } = [];

    /// <summary>Reliable change from the first to the latest value; marked on the latest point when reliable.</summary>
    public ReliableChangeResult? LatestChange { get; init; }

    /// <summary>Replaces the built title, for example a neutral one in a discreet handout.</summary>
    public string? Title { get; init; }

    /// <summary>The points are weekly means already (a long series rolled up by the database), drawn as they are.</summary>
    public bool PointsAreWeeklyMeans { get; init; }

    /// <summary>A dimension's 0-100 series.</summary>
    public static TrendChartInput ForDimension(string dimension, IReadOnlyList<ProgressPoint> points) =>
        new() { Subject = DimensionNames.Label(dimension), Points = points };

    /// <summary>
    /// A measure's total scores on the measure's own scale, with its cut-off bands, and reliable change
    /// from the first to the latest score when the measure has reliability figures.
    /// </summary>
    public static TrendChartInput ForMeasure(MeasureDefinition measure, IReadOnlyList<ProgressPoint> totals)
    {
        ReliableChangeResult? change = null;
        if (totals.Count >= 2)
        {
            var ordered = totals.OrderBy(p => p.At).ToList();
            change = ReliableChange.Compute(measure, ordered[0].Value, ordered[^1].Value);
        }
        return new TrendChartInput
        {
            Subject = measure.Title,
            Points = totals,
            Scale = new ValueScale(measure.ScoreRange.Min, measure.ScoreRange.Max, $"Score ({ChartStyle.Number(measure.ScoreRange.Min, ChartSettings.Default)} to {ChartStyle.Number(measure.ScoreRange.Max, ChartSettings.Default)})"),
            Bands = measure.CutOffs,
            LatestChange = change,
        };
    }
}

/// <summary>(a) A line chart of one series over time, with sessions, assignment starts, bands and reliable change.</summary>
public static class TrendChart
{
    public const string ReliableImprovementText = "Reliable improvement";
    public const string ReliableDeteriorationText = "Reliable deterioration";

    public static ProgressChart Build(TrendChartInput input, ChartSettings? settings = null)
    {
        settings ??= ChartSettings.Default;
        var (points, weekly) = input.PointsAreWeeklyMeans ? (input.Points.OrderBy(p => p.At).ToList(), true) : ChartStyle.Displayed(input.Points, settings);
        var title = input.Title ?? $"{input.Subject} over time";
        var model = ChartStyle.NewModel(title, Subtitle(input, points.Count, weekly), settings);
        var times = points.Select(p => ChartStyle.Local(p.At, settings))
            .Concat(input.SessionDates.Select(d => ChartStyle.Local(d, settings)))
            .Concat(input.AssignmentStarts.Select(d => ChartStyle.Local(d, settings)))
            .ToList();
        model.Axes.Add(ChartStyle.DateAxis(weekly ? "Week" : "Date", times));
        model.Axes.Add(ChartStyle.ValueAxis(input.Scale));

        AddBands(model, input.Bands, input.Scale);
        AddMarks(model, input, settings);
        AddRuns(model, input, ChartStyle.ByScale(points), settings);
        var changeText = ChangeText(input.LatestChange);
        if (changeText is not null && points.Count > 0)
        {
            AddChange(model, input, points[^1], changeText, settings);
        }
        return new ProgressChart(model, new ChartText(Summary(input, points, weekly, changeText, settings), Table(input, points, weekly, settings)));
    }

    private static string? Subtitle(TrendChartInput input, int pointCount, bool weekly)
    {
        var notes = new List<string>();
        if (pointCount == 0)
        {
            notes.Add("No ratings yet");
        }
        if (weekly)
        {
            notes.Add("Weekly averages");
        }
        if (input.SessionDates.Count > 0)
        {
            notes.Add("solid lines: sessions");
        }
        if (input.AssignmentStarts.Count > 0)
        {
            notes.Add("dotted lines: new assignments");
        }
        return notes.Count == 0 ? null : Capitalise(string.Join("; ", notes));
    }

    /// <summary>Solid vertical lines at sessions, dotted ones where an assignment started.</summary>
    private static void AddMarks(PlotModel model, TrendChartInput input, ChartSettings settings)
    {
        foreach (var session in input.SessionDates)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical, X = ChartStyle.X(session, settings),
                Color = ChartStyle.Muted, LineStyle = LineStyle.Solid, StrokeThickness = 1, Layer = AnnotationLayer.BelowSeries,
            });
        }
        foreach (var start in input.AssignmentStarts)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical, X = ChartStyle.X(start, settings),
                Color = ChartStyle.Muted, LineStyle = LineStyle.Dot, StrokeThickness = 1.5, Layer = AnnotationLayer.BelowSeries,
            });
        }
    }

    /// <summary>One line per scale the answers were given on (a changed exercise may have changed its scale).</summary>
    private static void AddRuns(PlotModel model, TrendChartInput input, IReadOnlyList<(AnswerScale? Scale, IReadOnlyList<ProgressPoint> Points)> runs, ChartSettings settings)
    {
        if (runs.Count > 1)
        {
            ChartStyle.AddLegend(model);
        }
        for (var i = 0; i < runs.Count; i++)
        {
            var (scale, run) = runs[i];
            var series = new LineSeries
            {
                Title = runs.Count > 1 ? scale?.Label ?? input.Subject : input.Subject,
                Color = ChartStyle.Palette[i % ChartStyle.Palette.Length],
                LineStyle = ChartStyle.Dashes[i % ChartStyle.Dashes.Length],
                StrokeThickness = 2,
                MarkerType = ChartStyle.MarkerFor(run.Count, ChartStyle.Markers[i % ChartStyle.Markers.Length]),
                MarkerSize = 3.5,
                MarkerFill = ChartStyle.Palette[i % ChartStyle.Palette.Length],
            };
            series.Points.AddRange(run.Select(p => new DataPoint(ChartStyle.X(p.At, settings), p.Value)));
            model.Series.Add(series);
        }
    }

    private static void AddChange(PlotModel model, TrendChartInput input, ProgressPoint latest, string changeText, ChartSettings settings)
    {
        var improved = input.LatestChange!.Direction == ChangeDirection.ReliableImprovement;
        model.Annotations.Add(new PointAnnotation
        {
            X = ChartStyle.X(latest.At, settings), Y = latest.Value,
            Shape = improved ? MarkerType.Diamond : MarkerType.Square, Size = 7,
            Fill = improved ? ChartStyle.Palette[2] : ChartStyle.Palette[1],
            Stroke = ChartStyle.Text, StrokeThickness = 1,
            Text = changeText, TextColor = ChartStyle.Text,
            // Right-aligned, the label ends at the latest point and stays inside the plot.
            TextHorizontalAlignment = HorizontalAlignment.Right,
            TextVerticalAlignment = latest.Value > (input.Scale.Min + input.Scale.Max) / 2 ? VerticalAlignment.Top : VerticalAlignment.Bottom,
        });
    }

    internal static void AddBands(PlotModel model, IReadOnlyList<CutOff> bands, ValueScale scale)
    {
        var ordered = bands.OrderBy(b => b.From).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var band = ordered[i];
            // Bands are inclusive (0-4, 5-9): meet halfway across the gap between whole scores so the
            // shading has no white stripes, but leave real gaps (a lone distress band) unshaded.
            var lower = i > 0 && band.From - ordered[i - 1].To <= 1 ? (band.From + ordered[i - 1].To) / 2 : band.From;
            var upper = i < ordered.Count - 1 && ordered[i + 1].From - band.To <= 1 ? (band.To + ordered[i + 1].From) / 2 : band.To;
            model.Annotations.Add(new RectangleAnnotation
            {
                MinimumY = Math.Max(lower, scale.Min),
                MaximumY = Math.Min(upper, scale.Max),
                Fill = band.Concern ? ChartStyle.ConcernFill : i % 2 == 0 ? ChartStyle.BandFill : ChartStyle.BandFillAlternate,
                Text = band.Label,
                TextColor = ChartStyle.Muted,
                TextHorizontalAlignment = HorizontalAlignment.Left,
                TextPosition = DataPoint.Undefined,
                Layer = AnnotationLayer.BelowSeries,
            });
        }
    }

    private static string? ChangeText(ReliableChangeResult? change) => change?.Direction switch
    {
        ChangeDirection.ReliableImprovement => ReliableImprovementText,
        ChangeDirection.ReliableDeterioration => ReliableDeteriorationText,
        _ => null,
    };

    private static string Summary(TrendChartInput input, IReadOnlyList<ProgressPoint> points, bool weekly, string? changeText, ChartSettings settings)
    {
        if (points.Count == 0)
        {
            return $"{input.Subject}: no ratings yet.";
        }
        var text = new StringBuilder();
        var first = points[0];
        var last = points[^1];
        var what = weekly ? ChartStyle.Plural(points.Count, "weekly average", "weekly averages") : ChartStyle.Plural(points.Count, "value", "values");
        text.Append(CultureInfo.InvariantCulture, $"{input.Subject}, {what} from {ChartStyle.Date(first.At, settings)} to {ChartStyle.Date(last.At, settings)}, on a scale of {ChartStyle.Number(input.Scale.Min, settings)} to {ChartStyle.Number(input.Scale.Max, settings)}. ");
        if (points.Count == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"The only value is {ChartStyle.Number(first.Value, settings)}.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"It went from {ChartStyle.Number(first.Value, settings)} to {ChartStyle.Number(last.Value, settings)} (latest); lowest {ChartStyle.Number(points.Min(p => p.Value), settings)}, highest {ChartStyle.Number(points.Max(p => p.Value), settings)}.");
        }
        if (ChartStyle.ScalesNote(points.Select(p => p.Scale)) is { } scales)
        {
            text.Append(CultureInfo.InvariantCulture, $" It shows {scales}.");
        }
        var band = input.Bands.FirstOrDefault(b => b.Contains(last.Value));
        if (band is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" The latest value is in the band \"{band.Label}\".");
        }
        if (changeText is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" The change from the first to the latest score is a {changeText.ToLowerInvariant()} (reliable change index {Measures.ReliableChange.Shown(input.LatestChange!).ToString("0.00", settings.Culture)}, reliable beyond ±{Measures.ReliableChange.Threshold.ToString("0.00", settings.Culture)}).");
        }
        else if (input.LatestChange is { } change)
        {
            text.Append(CultureInfo.InvariantCulture, $" The change from the first to the latest score is within measurement error (reliable change index {Measures.ReliableChange.Shown(change).ToString("0.00", settings.Culture)}, reliable beyond ±{Measures.ReliableChange.Threshold.ToString("0.00", settings.Culture)}).");
        }
        if (input.SessionDates.Count > 0 || input.AssignmentStarts.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Marked: {ChartStyle.Plural(input.SessionDates.Count, "session", "sessions")} and {ChartStyle.Plural(input.AssignmentStarts.Count, "assignment start", "assignment starts")}.");
        }
        return text.ToString();
    }

    private static ChartTable Table(TrendChartInput input, IReadOnlyList<ProgressPoint> points, bool weekly, ChartSettings settings)
    {
        var columns = new List<string> { weekly ? "Week of" : "Date", input.Subject };
        var withBands = input.Bands.Count > 0;
        if (withBands)
        {
            columns.Add("Band");
        }
        var withScales = ChartStyle.ScalesNote(points.Select(p => p.Scale)) is not null;
        if (withScales)
        {
            columns.Add("Answered on");
        }
        var rows = points.Select(p =>
        {
            var row = new List<string> { ChartStyle.Date(p.At, settings), ChartStyle.Number(p.Value, settings) };
            if (withBands)
            {
                row.Add(input.Bands.FirstOrDefault(b => b.Contains(p.Value))?.Label ?? "");
            }
            if (withScales)
            {
                row.Add(p.Scale?.Label ?? "");
            }
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ChartTable(columns, rows);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
