using System.Globalization;
using System.Text.RegularExpressions;
using CounselorSuite.Documents.Charts;
using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class ChartTests
{
    [Fact]
    public void Chart_title_and_axis_titles_are_text_in_the_pdf()
    {
        var handout = new Handout("Chart", [new Heading("Progress"), new ChartBlock(Samples.MoodChart(), 220)]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        PageText page = Assert.Single(PdfReading.Pages(pdf.Bytes, nearestNeighbourWords: true));
        string[] words = page.Words.Select(word => word.Text).ToArray();
        Assert.Contains("Mood", words);
        Assert.Contains("Week", words);
        // The y-axis title is rotated; the nearest-neighbour extractor reads it as a word.
        Assert.Contains("Score", words);
        Assert.Contains("10", words);
    }

    [Fact]
    public void Chart_svg_has_the_titles_as_text_elements_and_no_xml_declaration()
    {
        string svg = ChartSvg.ToSvg(Samples.MoodChart(), 480, 240);

        Assert.StartsWith("<svg viewBox=\"0 0 480 240\"", svg);
        Assert.DoesNotContain("<?xml", svg);
        Assert.DoesNotContain("<!DOCTYPE", svg);
        string[] texts = Regex.Matches(svg, @"<text[^>]*>([^<]*)</text>").Select(match => match.Groups[1].Value).ToArray();
        Assert.Contains("Mood over six weeks", texts);
        Assert.Contains("Week", texts);
        Assert.Contains("Score", texts);
    }

    [Fact]
    public void Svg_and_pdf_lay_the_chart_out_alike()
    {
        // The title is centred over the plot area, whose left edge depends on how wide the axis labels
        // measure; both outputs measure with DejaVu metrics, so the centres agree.
        string svg = ChartSvg.ToSvg(Samples.MoodChart(), 480, 240);
        Match title = Regex.Match(svg, @"translate\(([\d.]+),[\d.]+\)""[^>]*>Mood over six weeks</text>");
        Assert.True(title.Success, svg);
        double svgCentre = double.Parse(title.Groups[1].Value, CultureInfo.InvariantCulture);

        const double margin = 56.7;
        var handout = new Handout("Chart", [new ChartBlock(Samples.MoodChart(), 240)])
        {
            Page = new PageSetup { Margins = new Margins(margin, 595.28 - margin - 480, margin, margin) },
        };
        PageText page = Assert.Single(PdfReading.Pages(HandoutRenderer.Render(handout).Bytes));
        double pdfCentre = ((page.Find("Mood").Single().BoundingBox.Left + page.Find("weeks").Single().BoundingBox.Right) / 2) - margin;

        Assert.Equal(svgCentre, pdfCentre, 1.0);
    }

    [Fact]
    public void A_chart_taller_than_a_page_is_made_to_fit_one_page()
    {
        var handout = new Handout("Tall", [new Paragraph("Before"), new ChartBlock(Samples.MoodChart(), 5000), new Paragraph("After")]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        Assert.Equal(3, pdf.PageCount);
        IReadOnlyList<PageText> pages = PdfReading.Pages(pdf.Bytes, nearestNeighbourWords: true);
        Assert.Contains("Week", pages[1].Words.Select(word => word.Text));
        Assert.Single(pages[2].Find("After"));
    }
}
