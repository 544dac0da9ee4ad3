using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CounselorSuite.Tests.Infrastructure;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// Pages with many charts: every chart is drawn whole. Inline SVG shares the page's id space, so an id that
/// repeats makes a browser use the first chart's clip rectangle for all of them.
/// </summary>
public sealed partial class ChartCompletenessTests
{
    [Fact]
    public async Task Every_chart_of_a_couples_case_page_is_complete_with_ids_unique_in_the_whole_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var weeks = Enumerable.Range(0, 6).Select(w => new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-7 * (8 - w)).AddHours(9)).ToList();
        await SeedCheckInsAsync(app, world, world.Clients[0].Id, weeks, (i, item) => item == "decisions" ? 2 : 10 - i);
        await SeedCheckInsAsync(app, world, world.Clients[1].Id, weeks.Select(t => t.AddDays(2)).ToList(), (i, item) => item == "decisions" ? 9 : 4 + i);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        foreach (var html in new[] { await counselor.PageAsync($"/counselor/cases/{world.CaseId}"), await client.PageAsync("/portal/progress") })
        {
            var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
            var charts = SvgCharts(html);
            Assert.True(charts.Count >= 4, $"Only {charts.Count} drawings on the page.");
            foreach (var svg in charts)
            {
                AssertEverythingDrawnInsideItsClip(svg, html);
            }
        }
    }

    /// <summary>Each inline SVG of the page, as XML.</summary>
    internal static IReadOnlyList<XElement> SvgCharts(string html) =>
        Svg().Matches(html).Select(m => XElement.Parse(m.Groups[1].Value)).ToList();

    /// <summary>
    /// Every group drawn through a clip path finds that clip path in its own drawing, as a browser resolves
    /// it (the first element of the page with the id), and every point of the lines and markers it draws
    /// (those of nested groups against their own clip) lies inside the clip rectangle: the top of the data
    /// range included, nothing cut off.
    /// </summary>
    internal static void AssertEverythingDrawnInsideItsClip(XElement svg, string page)
    {
        var clipped = svg.Descendants().Where(e => e.Name.LocalName == "g" && e.Attribute("clip-path") is not null).ToList();
        Assert.NotEmpty(clipped);
        foreach (var group in clipped)
        {
            var id = ClipReference().Match(group.Attribute("clip-path")!.Value).Groups[1].Value;
            var firstInPage = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            var clip = svg.Descendants().SingleOrDefault(e => e.Name.LocalName == "clipPath" && e.Attribute("id")?.Value == id);
            Assert.True(clip is not null, $"The clip path {id} is not in the drawing that uses it.");
            Assert.True(firstInPage >= 0 && page.IndexOf($"id=\"{id}\"", firstInPage + 1, StringComparison.Ordinal) < 0, $"The id {id} repeats in the page.");
            var rect = clip!.Elements().Single(e => e.Name.LocalName == "rect");
            double Get(string name) => double.Parse(rect.Attribute(name)!.Value, CultureInfo.InvariantCulture);
            var (left, top, right, bottom) = (Get("x"), Get("y"), Get("x") + Get("width"), Get("y") + Get("height"));
            var own = group.Descendants().Where(e => e.Ancestors().First(a => a.Name.LocalName == "g" && a.Attribute("clip-path") is not null) == group);
            foreach (var (x, y) in own.SelectMany(PointsOf))
            {
                Assert.True(x >= left - 0.5 && x <= right + 0.5 && y >= top - 0.5 && y <= bottom + 0.5,
                    $"In {id}, a point ({x}, {y}) lies outside its clip rectangle ({left}, {top}, {right}, {bottom}).");
            }
        }
    }

    private static IEnumerable<(double X, double Y)> PointsOf(XElement element)
    {
        var coordinates = element.Name.LocalName switch
        {
            "polyline" or "polygon" => element.Attribute("points")?.Value,
            "path" => element.Attribute("d")?.Value,
            _ => null,
        };
        if (coordinates is null)
        {
            yield break;
        }
        foreach (Match pair in Pair().Matches(coordinates))
        {
            yield return (double.Parse(pair.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(pair.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("<div class=\"chart-svg[^\"]*\"[^>]*>(<svg[\\s>].*?</svg>)", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex ClipReference();

    [GeneratedRegex("(-?[0-9.]+),(-?[0-9.]+)")]
    private static partial Regex Pair();
}
