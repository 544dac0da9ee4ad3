using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Tests;

/// <summary>Small multiples: a page of charts side by side, never split across pages.</summary>
public class ChartGridTests
{
    private static IReadOnlyList<OxyPlot.PlotModel> Charts(int count) => Enumerable.Range(1, count).Select(i =>
    {
        var model = Samples.MoodChart();
        model.Title = $"Chart{i}";
        return model;
    }).ToList();

    [Theory]
    [InlineData(PaperSize.A4, 6, 2)]
    [InlineData(PaperSize.Letter, 12, 3)]
    public void A_grid_of_charts_under_a_title_fits_one_page(PaperSize paper, int count, int columns)
    {
        var handout = new Handout("Overview", [new Heading("Your progress"), new Paragraph("For Sam"), new ChartGridBlock(Charts(count), columns)])
        {
            Page = new PageSetup { Paper = paper },
        };

        var page = Assert.Single(PdfReading.Pages(HandoutRenderer.Render(handout).Bytes));

        for (var i = 1; i <= count; i++)
        {
            Assert.Single(page.Find($"Chart{i}"));
        }
        // Side by side: the first row's titles share a baseline, the next row is lower.
        var first = page.Find("Chart1").Single().BoundingBox;
        var second = page.Find("Chart2").Single().BoundingBox;
        var below = page.Find($"Chart{columns + 1}").Single().BoundingBox;
        Assert.Equal(first.Bottom, second.Bottom, 0.5);
        Assert.True(second.Left > first.Right);
        Assert.True(below.Top < first.Bottom);
    }

    [Fact]
    public void A_grid_that_does_not_fit_below_other_text_moves_whole_to_the_next_page_and_fills_it()
    {
        var blocks = new List<Block> { new Heading("Exercise") };
        blocks.AddRange(Enumerable.Range(1, 12).Select(i => Samples.Filler(i, 60)));
        blocks.Add(new Heading("Your progress"));
        blocks.Add(new ChartGridBlock(Charts(6)));

        var pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Overview", blocks)).Bytes);

        var last = pages[^1];
        Assert.Contains("progress", last.Text);
        Assert.All(Enumerable.Range(1, 6), i => Assert.Single(last.Find($"Chart{i}")));
        Assert.All(pages.Take(pages.Count - 1), p => Assert.Empty(p.Find("Chart1")));
        // The last page is the grid's, and the grid fills most of it: no near-empty last page.
        var lowest = last.Words.Where(w => w.Text.StartsWith("Chart", StringComparison.Ordinal)).Min(w => w.BoundingBox.Bottom);
        Assert.True(lowest < last.Height * 0.5, $"The last row of charts starts at {lowest} of {last.Height}.");
    }
}
