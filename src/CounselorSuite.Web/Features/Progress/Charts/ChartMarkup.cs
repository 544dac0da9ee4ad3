using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CounselorSuite.Documents.Charts;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>
/// A chart ready for a page: inline SVG drawn twice, at the desktop width (<see cref="Svg"/>) and at a phone's
/// (<see cref="PhoneSvg"/>, which the stylesheet shows instead on narrow screens), and its text alternative.
/// <see cref="Key"/> is the drawing's subtitle (what its marks mean), written above the phone drawing.
/// </summary>
public sealed record ChartView(string Id, string Title, string Svg, string PhoneSvg, ChartText Text)
{
    public string? Key { get; init; }
}

/// <summary>
/// Draws a <see cref="ProgressChart"/> as inline SVG for pages, through the same text measurer as the PDF
/// (ChartSvg), so a chart lays out alike on screen and in a handout.
/// </summary>
public static partial class ChartMarkup
{
    /// <summary>
    /// The phone drawing's size in CSS pixels: a 390-pixel screen leaves about 320 for a chart inside a card,
    /// so its text, drawn at <see cref="PhoneFontSize"/>, shows at 12 pixels or more there.
    /// </summary>
    public const double PhoneWidth = 300, PhoneHeight = 280, PhoneFontSize = 12.5;

    public static ChartView Render(NamedChart chart) => Render(chart.Id, chart.Chart);

    public static ChartView Render(string id, ProgressChart chart)
    {
        var wide = ForPage(ChartSvg.ToSvg(chart.Model, ProgressChart.DefaultWidth, ProgressChart.DefaultHeight), $"chart-{id}-");
        string phone;
        // Bars beside wrapped category labels need up to three lines of text each.
        var height = Math.Max(PhoneHeight, 30 + (PhoneLook.CategoryRows(chart.Model) * 3.2 * PhoneFontSize * 1.2));
        using (PhoneLook.Apply(chart.Model, PhoneFontSize))
        {
            phone = ForPage(ChartSvg.ToSvg(chart.Model, PhoneWidth, height), $"chart-{id}-phone-");
        }
        return new(id, chart.Title, wide, phone, chart.Text) { Key = chart.Model.Subtitle };
    }

    private static string ForPage(string svg, string idPrefix) => UniqueIds(MergeLines(StylesToAttributes(svg)), idPrefix);

    /// <summary>
    /// OxyPlot numbers the clip paths of every drawing from one ("clipPath1"), so on a page of several charts
    /// every chart referred to the first one's clip rectangle and was cut to it. Each id inside a drawing, and
    /// every reference to it, gets the chart's own prefix.
    /// </summary>
    public static string UniqueIds(string svg, string prefix) => IdOrReference().Replace(svg, match =>
    {
        var name = match.Groups["name"].Value;
        return match.Groups["kind"].Value switch
        {
            "id" => $"id=\"{prefix}{name}\"",
            "url" => $"url(#{prefix}{name})",
            var attribute => $"{attribute}=\"#{prefix}{name}\"",
        };
    });

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
        foreach (var declaration in WebUtility.HtmlDecode(match.Groups["declarations"].Value).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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

    [GeneratedRegex("^\\s*<polyline points=\"(?<points>[^\"]*)\" (?<attributes>fill=\"none\"[^<>]*?) ?/>\\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnfilledPolyline();

    [GeneratedRegex("(?<=\\s)(?<kind>id)=\"(?<name>[^\"#]+)\"|(?<kind>url)\\(#(?<name>[^)]+)\\)|(?<kind>href|xlink:href)=\"#(?<name>[^\"]+)\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdOrReference();

    [GeneratedRegex("\\s+style=\"(?<declarations>[^\"]*)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Style();

    [GeneratedRegex("^[a-z-]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PropertyName();
}
