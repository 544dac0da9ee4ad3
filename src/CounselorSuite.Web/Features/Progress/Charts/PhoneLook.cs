using OxyPlot;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>
/// Draws a chart's phone variant from the same model: larger text; no title (the page's heading above the
/// chart says it) and no subtitle (the page writes it above the drawing, where it wraps: drawn, it was wider
/// than a phone); the legend one entry per line, so long names never run off the drawing; category labels
/// (dimension names beside bars) wrapped onto short lines and their axis title left out, so the bars keep
/// most of the width. Disposing puts the desktop look back, so the model can be drawn again (or into a PDF)
/// as built.
/// </summary>
internal sealed class PhoneLook : IDisposable
{
    private readonly PlotModel model;
    private readonly (string? Title, string? Subtitle, double Default, double SubtitleSize) saved;
    private readonly List<(OxyPlot.Legends.LegendBase Legend, double Font, double Symbol, OxyPlot.Legends.LegendOrientation Orientation)> legends = [];
    private readonly List<(OxyPlot.Axes.CategoryAxis Axis, string? Title, List<string> Labels)> categories = [];

    /// <summary>Longest line of a wrapped category label, in characters.</summary>
    private const int LabelLine = 14;

    private PhoneLook(PlotModel model, double fontSize)
    {
        this.model = model;
        saved = (model.Title, model.Subtitle, model.DefaultFontSize, model.SubtitleFontSize);
        model.Title = null;
        model.Subtitle = null;
        model.DefaultFontSize = fontSize;
        model.SubtitleFontSize = fontSize;
        foreach (var legend in model.Legends)
        {
            legends.Add((legend, legend.LegendFontSize, legend.LegendSymbolLength, legend.LegendOrientation));
            legend.LegendFontSize = fontSize;
            legend.LegendSymbolLength = 20;
            legend.LegendOrientation = OxyPlot.Legends.LegendOrientation.Vertical;
        }
        foreach (var axis in model.Axes.OfType<OxyPlot.Axes.CategoryAxis>())
        {
            categories.Add((axis, axis.Title, axis.Labels.ToList()));
            axis.Title = null;
            var wrapped = axis.Labels.Select(Wrap).ToList();
            axis.Labels.Clear();
            axis.Labels.AddRange(wrapped);
        }
    }

    /// <summary>How many rows of categories the chart has (its phone drawing grows with them), or 0.</summary>
    public static int CategoryRows(PlotModel model) => model.Axes.OfType<OxyPlot.Axes.CategoryAxis>().Select(a => a.Labels.Count).DefaultIfEmpty(0).Max();

    /// <summary>"Vulnerability and emotional availability" → three lines of at most <see cref="LabelLine"/> characters (a longer word stays whole).</summary>
    public static string Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LabelLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    public static PhoneLook Apply(PlotModel model, double fontSize) => new(model, fontSize);

    public void Dispose()
    {
        (model.Title, model.Subtitle, model.DefaultFontSize, model.SubtitleFontSize) = saved;
        foreach (var (legend, font, symbol, orientation) in legends)
        {
            legend.LegendFontSize = font;
            legend.LegendSymbolLength = symbol;
            legend.LegendOrientation = orientation;
        }
        foreach (var (axis, title, labels) in categories)
        {
            axis.Title = title;
            axis.Labels.Clear();
            axis.Labels.AddRange(labels);
        }
    }
}
