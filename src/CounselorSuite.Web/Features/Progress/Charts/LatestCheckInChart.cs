using CounselorSuite.Web.Features.Exercises;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>One dimension's latest 0-100 rating.</summary>
public sealed record DimensionRating(string Dimension, double Value);

/// <param name="At">When the check-in was submitted.</param>
/// <param name="Ratings">In the order to show, top to bottom.</param>
public sealed record LatestCheckInInput(DateTimeOffset At, IReadOnlyList<DimensionRating> Ratings)
{
    public string? Title { get; init; }
}

/// <summary>(b) The latest check-in as horizontal bars, one per dimension.</summary>
public static class LatestCheckInChart
{
    public const string DefaultTitle = "Latest check-in";

    public static ProgressChart Build(LatestCheckInInput input, ChartSettings? settings = null)
    {
        settings ??= ChartSettings.Default;
        var date = ChartStyle.Date(input.At, settings);
        var model = ChartStyle.NewModel(input.Title ?? DefaultTitle, input.Ratings.Count == 0 ? "No ratings yet" : date, settings);
        var labels = input.Ratings.Select(r => DimensionNames.Label(r.Dimension)).ToList();

        var categories = new CategoryAxis
        {
            Position = AxisPosition.Left,
            Title = "Dimension",
            Key = "dimensions",
            // Categories run bottom-up by default; reversed, the first dimension is at the top as in the table.
            StartPosition = 1,
            EndPosition = 0,
            GapWidth = 0.4,
            TicklineColor = ChartStyle.Muted,
            IsZoomEnabled = false,
            IsPanEnabled = false,
        };
        categories.Labels.AddRange(labels);
        model.Axes.Add(categories);
        // Room on the right for the label of a bar at 100; the bars start at 0.
        var values = ChartStyle.ValueAxis(ValueScale.Percent, AxisPosition.Bottom, room: 0.08);
        values.Minimum = values.AbsoluteMinimum = 0;
        values.Key = "values";
        model.Axes.Add(values);

        var bars = new BarSeries
        {
            Title = "Rating",
            FillColor = ChartStyle.Palette[0],
            StrokeColor = ChartStyle.Text,
            StrokeThickness = 0.5,
            LabelFormatString = "{0:0}",
            LabelPlacement = LabelPlacement.Outside,
            LabelColor = ChartStyle.Text,
            XAxisKey = "values",
            YAxisKey = "dimensions",
        };
        bars.Items.AddRange(input.Ratings.Select(r => new BarItem(r.Value)));
        model.Series.Add(bars);

        return new ProgressChart(model, new ChartText(Summary(input, labels, date, settings), Table(input, labels, settings)));
    }

    private static string Summary(LatestCheckInInput input, IReadOnlyList<string> labels, string date, ChartSettings settings)
    {
        if (input.Ratings.Count == 0)
        {
            return "No check-in yet.";
        }
        var highest = input.Ratings.Select((r, i) => (r, i)).MaxBy(x => x.r.Value);
        var lowest = input.Ratings.Select((r, i) => (r, i)).MinBy(x => x.r.Value);
        var list = string.Join(", ", input.Ratings.Select((r, i) => $"{labels[i]} {ChartStyle.Number(r.Value, settings)}"));
        return $"Check-in of {date}, {ChartStyle.Plural(input.Ratings.Count, "dimension", "dimensions")} rated from 0 to 100. " +
            $"Highest: {labels[highest.i]} ({ChartStyle.Number(highest.r.Value, settings)}); lowest: {labels[lowest.i]} ({ChartStyle.Number(lowest.r.Value, settings)}). {list}.";
    }

    private static ChartTable Table(LatestCheckInInput input, IReadOnlyList<string> labels, ChartSettings settings) =>
        new(["Dimension", "Rating (0 to 100)"],
            input.Ratings.Select((r, i) => (IReadOnlyList<string>)[labels[i], ChartStyle.Number(r.Value, settings)]).ToList());
}
