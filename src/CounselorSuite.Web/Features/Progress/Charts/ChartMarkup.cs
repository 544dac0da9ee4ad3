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
        new(id, chart.Title, StylesToAttributes(ChartSvg.ToSvg(chart.Model, ProgressChart.DefaultWidth, ProgressChart.DefaultHeight)), chart.Text);

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

    [GeneratedRegex("\\s+style=\"([^\"]*)\"")]
    private static partial Regex Style();

    [GeneratedRegex("^[a-z-]+$")]
    private static partial Regex PropertyName();
}
