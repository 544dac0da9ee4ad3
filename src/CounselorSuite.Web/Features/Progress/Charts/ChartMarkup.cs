using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CounselorSuite.Documents.Charts;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>A chart ready for a page: inline SVG and its text alternative.</summary>
public sealed record ChartView(string Id, string Title, string Svg, ChartText Text);

/// <summary>
/// Draws a <see cref="ProgressChart"/> as inline SVG for pages, through the same text measurer as the PDF
/// (ChartSvg), so a chart lays out alike on screen and in a handout.
/// </summary>
public static partial class ChartMarkup
{
    public static ChartView Render(NamedChart chart) => Render(chart.Id, chart.Chart);

    public static ChartView Render(string id, ProgressChart chart) =>
        new(id, chart.Title, MergeLines(StylesToAttributes(ChartSvg.ToSvg(chart.Model, ProgressChart.DefaultWidth, ProgressChart.DefaultHeight))), chart.Text);

    /// <summary>
    /// OxyPlot writes every tick, grid line and session mark as its own polyline: over five years that is
    /// hundreds of elements per chart. Runs of unfilled polylines drawn alike become one path with a subpath
    /// each, which draws the same (dashes restart at every subpath, as they did at every polyline) in a
    /// fraction of the markup.
    /// </summary>
    public static string MergeLines(string svg)
    {
        var output = new StringBuilder(svg.Length);
        string? runAttributes = null;
        var path = new StringBuilder();
        foreach (var line in svg.Split('\n'))
        {
            var match = UnfilledPolyline().Match(line);
            if (match.Success && match.Groups["attributes"].Value == runAttributes)
            {
                AppendSubpath(path, match.Groups["points"].Value);
                continue;
            }
            Flush();
            if (match.Success)
            {
                runAttributes = match.Groups["attributes"].Value;
                AppendSubpath(path, match.Groups["points"].Value);
                continue;
            }
            output.Append(line).Append('\n');
        }
        Flush();
        return output.ToString().TrimEnd('\n');

        void Flush()
        {
            if (runAttributes is not null)
            {
                output.Append("<path d=\"").Append(path).Append("\" ").Append(runAttributes).Append(" />\n");
                runAttributes = null;
                path.Clear();
            }
        }
    }

    private static void AppendSubpath(StringBuilder path, string points)
    {
        var first = true;
        foreach (var point in points.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append(first ? 'M' : 'L').Append(point);
            first = false;
        }
    }

    /// <summary>
    /// OxyPlot writes colours and strokes as style="..." attributes, which the pages' Content-Security-Policy
    /// (style-src 'self') blocks. The same properties as SVG presentation attributes are not styles, so they
    /// survive the policy and draw the same.
    /// </summary>
    public static string StylesToAttributes(string svg) => Style().Replace(svg, match =>
    {
        var attributes = new StringBuilder();
        foreach (var declaration in WebUtility.HtmlDecode(match.Groups[1].Value).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = declaration.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = declaration[..colon].Trim();
            if (!PropertyName().IsMatch(name))
            {
                continue;
            }
            attributes.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(declaration[(colon + 1)..].Trim())).Append('"');
        }
        return attributes.ToString();
    });

    [GeneratedRegex("^\\s*<polyline points=\"(?<points>[^\"]*)\" (?<attributes>fill=\"none\"[^<>]*?) ?/>\\s*$")]
    private static partial Regex UnfilledPolyline();

    [GeneratedRegex("\\s+style=\"([^\"]*)\"")]
    private static partial Regex Style();

    [GeneratedRegex("^[a-z-]+$")]
    private static partial Regex PropertyName();
}
