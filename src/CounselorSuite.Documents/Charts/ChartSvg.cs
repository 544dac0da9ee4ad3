using System.Globalization;
using System.Text.RegularExpressions;
using OxyPlot;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Charts;

/// <summary>Exports an OxyPlot chart as SVG markup for web pages, laid out exactly like the same chart in a PDF.</summary>
public static partial class ChartSvg
{
    /// <summary>
    /// Renders <paramref name="model"/> as an <c>&lt;svg&gt;</c> element, ready to inline in HTML (no XML declaration).
    /// It has a <c>viewBox</c>, so CSS may scale it; <paramref name="width"/> and <paramref name="height"/> are the
    /// layout size in SVG user units (CSS pixels unless scaled).
    /// </summary>
    /// <remarks>
    /// Text is measured with the PDF's DejaVu metrics (OxyPlot's built-in estimate is several points off),
    /// so the page should show the chart in DejaVu Sans too: set <c>model.DefaultFont = DejaVuFonts.Sans</c>.
    /// </remarks>
    public static string ToSvg(PlotModel model, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(model);
        PdfSetup.EnsureInitialized();
        ((IPlotModel)model).Update(true);
        using XGraphics measure = XGraphics.CreateMeasureContext(new XSize(width, height), XGraphicsUnit.Point, XPageDirection.Downwards, null!);
        var exporter = new SvgExporter
        {
            Width = width,
            Height = height,
            IsDocument = false,
            TextMeasurer = new XGraphicsRenderContext(measure),
        };
        string svg = Prolog().Replace(exporter.ExportToString(model), "").Trim();
        // A viewBox lets the page size the chart with CSS (width: 100%) and keep text and lines in proportion.
        string viewBox = string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\"");
        return svg.StartsWith("<svg", StringComparison.Ordinal) ? viewBox + svg["<svg".Length..] : svg;
    }

    [GeneratedRegex(@"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Prolog();
}
