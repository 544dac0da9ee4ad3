using CounselorSuite.Documents.Fonts;
using CounselorSuite.Documents.Markdown;
using CounselorSuite.Documents.Model;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CounselorSuite.Documents.Tests;

/// <summary>The example in src/CounselorSuite.Documents/README.md, kept compiling and working.</summary>
[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class UsageExampleTests
{
    [Fact]
    public void The_readme_example_renders_a_handout()
    {
        const string instructions = "Notice the **worry**, then *let it pass*.\n\n1. Sit comfortably.\n2. Breathe out slowly.";

        var chart = new PlotModel { Title = "Worry this month", DefaultFont = DejaVuFonts.Sans, DefaultFontSize = 9 };
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Week" });
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Score", Minimum = 0, Maximum = 10 });
        chart.Series.Add(new LineSeries { Points = { new(1, 8), new(2, 6), new(3, 5), new(4, 3) } });

        var blocks = new List<Block> { new Heading("Managing worry") };
        blocks.AddRange(MarkdownBlocks.From(instructions));
        blocks.Add(new ScalePrompt("How worried do you feel today?", 0, 10, "Not at all", "Extremely"));
        blocks.Add(new ChartBlock(chart, Height: 200));
        var handout = new Handout("Managing worry", blocks)
        {
            Author = "Riverside Counselling",
            Page = new PageSetup { Paper = PaperSize.Letter, HeaderText = "Riverside Counselling", FooterText = "Confidential" },
        };
        RenderedPdf pdf = HandoutRenderer.Render(handout); // pdf.Bytes to the client, pdf.Warnings to the counsellor

        Assert.Equal(1, pdf.PageCount);
        Assert.Empty(pdf.Warnings);
        string text = PdfReading.AllText(pdf.Bytes);
        Assert.Contains("Notice the worry, then let it pass.", text);
        Assert.Contains("How worried do you feel today?", text);
    }
}
