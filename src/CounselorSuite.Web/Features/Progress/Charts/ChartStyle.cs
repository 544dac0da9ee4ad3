using System.Globalization;
using CounselorSuite.Web.Features.Progress.Analysis;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>The shared look of progress charts, and the small helpers every builder uses.</summary>
internal static class ChartStyle
{
    /// <summary>
    /// DejaVu is what the PDF renderer embeds; naming it here makes SVG and PDF measure the same font.
    /// Pages may override the family in CSS.
    /// </summary>
    public const string Font = "DejaVu Sans";

    // Okabe-Ito: distinguishable with the common colour-vision deficiencies. Colour is never the only
    // cue: series also differ by marker and dash style.
    public static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x00, 0x72, 0xB2), OxyColor.FromRgb(0xD5, 0x5E, 0x00), OxyColor.FromRgb(0x00, 0x9E, 0x73),
        OxyColor.FromRgb(0xCC, 0x79, 0xA7), OxyColor.FromRgb(0xE6, 0x9F, 0x00), OxyColor.FromRgb(0x56, 0xB4, 0xE9),
        OxyColor.FromRgb(0x00, 0x00, 0x00), OxyColor.FromRgb(0x99, 0x88, 0x22),
    ];

    public static readonly MarkerType[] Markers =
        [MarkerType.Circle, MarkerType.Triangle, MarkerType.Square, MarkerType.Diamond, MarkerType.Cross, MarkerType.Plus, MarkerType.Star];

    public static readonly LineStyle[] Dashes =
        [LineStyle.Solid, LineStyle.Dash, LineStyle.Dot, LineStyle.DashDot, LineStyle.LongDash];

    public static readonly OxyColor Text = OxyColor.FromRgb(0x22, 0x22, 0x22);
    public static readonly OxyColor Muted = OxyColor.FromRgb(0x66, 0x66, 0x66);
    public static readonly OxyColor Grid = OxyColor.FromRgb(0xDD, 0xDD, 0xDD);
    public static readonly OxyColor BandFill = OxyColor.FromArgb(0x33, 0x88, 0x88, 0x88);
    public static readonly OxyColor BandFillAlternate = OxyColor.FromArgb(0x18, 0x88, 0x88, 0x88);
    public static readonly OxyColor ConcernFill = OxyColor.FromArgb(0x33, 0xD5, 0x5E, 0x00);

    public static PlotModel NewModel(string title, string? subtitle, ChartSettings settings) => new()
    {
        Title = title,
        Subtitle = subtitle,
        Culture = settings.Culture,
        DefaultFont = Font,
        DefaultFontSize = 11,
        TitleFontSize = 15,
        TitleFontWeight = FontWeights.Bold,
        SubtitleFontSize = 11,
        TextColor = Text,
        TitleColor = Text,
        SubtitleColor = Muted,
        PlotAreaBorderColor = Grid,
        Background = OxyColors.White,
        // Long titles are wrapped by nobody: keep them whole rather than clipped with an ellipsis.
        TitleClippingLength = 1.0,
    };

    public static Legend AddLegend(PlotModel model)
    {
        var legend = new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.TopCenter,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendBorderThickness = 0,
            LegendFontSize = 11,
            LegendSymbolLength = 28,
        };
        model.Legends.Add(legend);
        return legend;
    }

    /// <summary>
    /// The value axis, a little wider than the scale (<paramref name="room"/> of its span each side) so a
    /// marker or label at the top or bottom of the scale is drawn whole inside the plot, not cut in half by
    /// its frame. Ticks stay on the scale's own numbers.
    /// </summary>
    public static LinearAxis ValueAxis(ValueScale scale, AxisPosition position = AxisPosition.Left, double room = 0.04) => new()
    {
        Position = position,
        Title = scale.Title,
        Minimum = scale.Min - (scale.Max - scale.Min) * room,
        Maximum = scale.Max + (scale.Max - scale.Min) * room,
        AbsoluteMinimum = scale.Min - (scale.Max - scale.Min) * room,
        AbsoluteMaximum = scale.Max + (scale.Max - scale.Min) * room,
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = Grid,
        TicklineColor = Muted,
        IsZoomEnabled = false,
        IsPanEnabled = false,
    };

    public static DateTimeAxis DateAxis(string title, IReadOnlyCollection<DateTime> localTimes)
    {
        var span = localTimes.Count > 1 ? localTimes.Max() - localTimes.Min() : TimeSpan.Zero;
        var axis = new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            Title = title,
            StringFormat = span > TimeSpan.FromDays(300) ? "MMM yyyy" : "d MMM",
            MajorGridlineStyle = LineStyle.None,
            TicklineColor = Muted,
            IsZoomEnabled = false,
            IsPanEnabled = false,
        };
        if (localTimes.Count > 0)
        {
            // A little room either side so the first and last markers are not cut by the frame.
            var pad = span > TimeSpan.Zero ? TimeSpan.FromTicks(span.Ticks / 30) : TimeSpan.FromDays(3);
            axis.Minimum = DateTimeAxis.ToDouble(localTimes.Min() - pad);
            axis.Maximum = DateTimeAxis.ToDouble(localTimes.Max() + pad);
        }
        return axis;
    }

    public static DateTime Local(DateTimeOffset at, ChartSettings settings) =>
        TimeZoneInfo.ConvertTime(at, settings.TimeZone).DateTime;

    public static double X(DateTimeOffset at, ChartSettings settings) => DateTimeAxis.ToDouble(Local(at, settings));

    public static string Date(DateTimeOffset at, ChartSettings settings) =>
        Local(at, settings).ToString("d MMM yyyy", settings.Culture);

    public static string Number(double value, ChartSettings settings) =>
        Math.Round(value, 1).ToString("0.#", settings.Culture);

    /// <summary>A signed difference with a real minus sign, for gaps.</summary>
    public static string Signed(double value, ChartSettings settings)
    {
        var rounded = Math.Round(value, 1);
        var magnitude = Math.Abs(rounded).ToString("0.#", settings.Culture);
        return rounded > 0 ? "+" + magnitude : rounded < 0 ? "\u2212" + magnitude : magnitude;
    }

    public static (IReadOnlyList<ProgressPoint> Points, bool Weekly) Displayed(IReadOnlyList<ProgressPoint> points, ChartSettings settings) =>
        settings.RollUpLongRanges ? WeeklyRollup.ForDisplay(points, settings.Weeks) : (points.OrderBy(p => p.At).ToList(), false);

    /// <summary>Points closer than a marker's width merge into a thick line: past this many, a series is drawn as a line only.</summary>
    public const int MostPointsWithMarkers = 60;

    public static MarkerType MarkerFor(int points, MarkerType marker) => points > MostPointsWithMarkers ? MarkerType.None : marker;

    /// <summary>
    /// A series' points split by the scale they were answered on, narrowest scale first: answers on a 1-7 and
    /// a 0-10 scale are both mapped onto 0-100 (docs/progress.md) but are never joined into one line. Weekly
    /// means and scores, which carry no scale, stay one run.
    /// </summary>
    public static IReadOnlyList<(AnswerScale? Scale, IReadOnlyList<ProgressPoint> Points)> ByScale(IReadOnlyList<ProgressPoint> points)
    {
        var runs = points.GroupBy(p => p.Scale).OrderBy(g => g.Key?.Max - g.Key?.Min).ThenBy(g => g.Key?.Min)
            .Select(g => (g.Key, (IReadOnlyList<ProgressPoint>)g.ToList())).ToList();
        return runs.Count > 0 ? runs : [(null, points)];
    }

    /// <summary>"answered on the 1–7 and 0–10 scales, each mapped onto 0 to 100", or null for one scale.</summary>
    public static string? ScalesNote(IEnumerable<AnswerScale?> scales)
    {
        var distinct = scales.OfType<AnswerScale>().Distinct().OrderBy(s => s.Max - s.Min).ToList();
        return distinct.Count < 2 ? null
            : $"answers on the {string.Join(" and ", distinct.Select(s => $"{s.Min}\u2013{s.Max}"))} scales, each mapped onto 0 to 100 and drawn apart";
    }

    public static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}

/// <summary>The value axis of a chart: its bounds and title.</summary>
public sealed record ValueScale(double Min, double Max, string Title)
{
    public static readonly ValueScale Percent = new(0, 100, "Rating (0 to 100)");
}
