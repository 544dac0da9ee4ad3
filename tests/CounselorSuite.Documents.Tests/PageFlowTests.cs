using CounselorSuite.Documents.Model;
using UglyToad.PdfPig.Content;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class PageFlowTests
{
    private const double Margin = 56.7;

    [Fact]
    public void Long_content_flows_over_pages_and_every_paragraph_ends_in_the_pdf()
    {
        List<Block> blocks = Enumerable.Range(0, 40).Select(i => (Block)Samples.Filler(i, 60 + (i % 7 * 15))).ToList();

        RenderedPdf pdf = HandoutRenderer.Render(new Handout("Long", blocks));

        Assert.True(pdf.PageCount >= 4, $"expected several pages, got {pdf.PageCount}");
        string text = PdfReading.AllText(pdf.Bytes);
        for (int i = 0; i < 40; i++)
        {
            Assert.Contains($"end{i:000}", text);
        }
    }

    [Fact]
    public void Every_page_says_page_x_of_y_and_the_footer_text()
    {
        List<Block> blocks = Enumerable.Range(0, 30).Select(i => (Block)Samples.Filler(i, 90)).ToList();
        var handout = new Handout("Numbers", blocks) { Page = new PageSetup { HeaderText = "Riverside Counselling", FooterText = "Confidential" } };

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        IReadOnlyList<PageText> pages = PdfReading.Pages(pdf.Bytes);
        Assert.Equal(pdf.PageCount, pages.Count);
        Assert.True(pages.Count > 1);
        foreach (PageText page in pages)
        {
            Assert.Contains($"Page {page.Number} of {pages.Count}", page.Text);
            Assert.Contains("Confidential", page.Text);
            Assert.Contains("Riverside Counselling", page.Text);
        }
    }

    [Fact]
    public void Text_stays_inside_the_margins_on_every_page()
    {
        List<Block> blocks = Enumerable.Range(0, 30).Select(i => (Block)Samples.Filler(i, 80)).ToList();

        RenderedPdf pdf = HandoutRenderer.Render(new Handout("Margins", blocks));

        foreach (PageText page in PdfReading.Pages(pdf.Bytes))
        {
            foreach (Word word in Content(page))
            {
                Assert.True(word.BoundingBox.Right <= page.Width - Margin + 0.5, $"'{word.Text}' runs into the right margin");
                Assert.True(word.BoundingBox.Left >= Margin - 0.5, $"'{word.Text}' runs into the left margin");
            }
        }
    }

    [Fact]
    public void A_word_longer_than_a_line_is_broken_between_characters_and_kept_whole()
    {
        string url = "https://example.org/" + string.Concat(Enumerable.Range(0, 40).Select(i => $"segment{i}/"));
        var handout = new Handout("Long word", [new Paragraph($"See {url} for more.")]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        PageText page = Assert.Single(PdfReading.Pages(pdf.Bytes));
        Assert.Contains("See" + url + "formore.", page.Letters);
        Assert.All(Content(page), word => Assert.True(word.BoundingBox.Right <= page.Width - Margin + 0.5));
    }

    [Fact]
    public void A_heading_is_never_the_last_thing_on_a_page()
    {
        var blocks = new List<Block>();
        // Short sections of varied length put page ends at many different points of a section.
        for (int i = 0; i < 120; i++)
        {
            blocks.Add(new Heading($"Section{i:000}", 1 + (i % 3)));
            blocks.Add(Samples.Filler(i, 8 + ((i * 37) % 45)));
        }

        RenderedPdf pdf = HandoutRenderer.Render(new Handout("Headings", blocks));

        IReadOnlyList<PageText> pages = PdfReading.Pages(pdf.Bytes);
        Assert.True(pages.Count >= 4);
        int headingsSeen = 0;
        foreach (PageText page in pages)
        {
            foreach (Word heading in page.Words.Where(word => word.Text.StartsWith("Section", StringComparison.Ordinal)))
            {
                headingsSeen++;
                Assert.Contains(Content(page), word => word.BoundingBox.Top < heading.BoundingBox.Bottom);
            }
        }
        Assert.Equal(120, headingsSeen);
    }

    [Theory]
    // The A4 content box is 728.5 pt tall. After "Start" (one 15.2 pt line) and the spacer, a level-3 heading
    // needs 27 pt, and 48 pt with its paragraph's first line.
    [InlineData(678, 2)] // 35 pt left: the heading alone would fit, with its first line it would not
    [InlineData(650, 1)] // 63 pt left: both fit
    public void A_heading_moves_to_the_next_page_when_its_paragraph_cannot_follow_it(double spacer, int headingPage)
    {
        var blocks = new List<Block> { new Paragraph("Start"), new Spacer(spacer), new Heading("Lonely", 3), Samples.Filler(1, 40) };

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Keep", blocks)).Bytes);

        Assert.Equal(headingPage, Assert.Single(pages, page => page.Find("Lonely").Any()).Number);
    }

    [Fact]
    public void Prompts_are_never_split_across_pages()
    {
        var blocks = new List<Block>();
        for (int i = 0; i < 16; i++)
        {
            blocks.Add(Samples.Filler(i, 30 + ((i * 53) % 120)));
            blocks.Add((i % 4) switch
            {
                0 => new ChecklistPrompt($"Checklist{i:00}", ["alpha", "beta", "gamma", "delta", "epsilon", $"last{i:00}"]),
                1 => new ScalePrompt($"Scale{i:00}", 1, 20, "low", $"last{i:00}"),
                2 => new ChoicePrompt($"Choice{i:00}", ["rarely", "sometimes", "often", $"last{i:00}"]),
                _ => new FreeTextPrompt($"Writing{i:00}", 8),
            });
            if (i % 4 == 3)
            {
                blocks.Add(new Paragraph($"after{i:00}"));
            }
        }

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Prompts", blocks)).Bytes);

        Assert.True(pages.Count >= 3);
        for (int i = 0; i < 16; i++)
        {
            string label = (i % 4) switch { 0 => "Checklist", 1 => "Scale", 2 => "Choice", _ => "Writing" } + $"{i:00}";
            string end = i % 4 == 3 ? $"after{i:00}" : $"last{i:00}";
            int labelPage = Assert.Single(pages, page => page.Find(label).Any()).Number;
            int endPage = Assert.Single(pages, page => page.Find(end).Any()).Number;
            // The free-text prompt ends in ruled lines, not text: the paragraph after it must follow directly.
            Assert.True(i % 4 == 3 ? endPage - labelPage <= 1 : endPage == labelPage, $"{label} is split: pages {labelPage} and {endPage}");
            if (i % 4 == 3 && endPage != labelPage)
            {
                PageText next = pages[endPage - 1];
                Assert.Equal(next.Find(end).Single().BoundingBox.Top, Content(next).Max(word => word.BoundingBox.Top));
            }
        }
    }

    [Fact]
    public void A_prompt_taller_than_a_page_splits_between_options_and_keeps_them_all()
    {
        string[] options = Enumerable.Range(0, 90).Select(i => $"option{i:00}").ToArray();
        var handout = new Handout("Huge", [new Paragraph("Intro"), new ChecklistPrompt("Everything that applies", options)]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        Assert.True(pdf.PageCount >= 2);
        string text = PdfReading.AllText(pdf.Bytes);
        Assert.All(options, option => Assert.Contains(option, text));
    }

    [Fact]
    public void A_page_break_starts_a_new_page_but_never_a_blank_one()
    {
        var handout = new Handout("Breaks", [new PageBreak(), new Paragraph("one"), new PageBreak(), new PageBreak(), new Paragraph("two")]);

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(handout).Bytes);

        Assert.Equal(2, pages.Count);
        Assert.Single(pages[0].Find("one"));
        Assert.Single(pages[1].Find("two"));
    }

    [Theory]
    [InlineData(PaperSize.A4, 595.28, 841.89)]
    [InlineData(PaperSize.Letter, 612, 792)]
    public void Pages_have_the_chosen_paper_size(PaperSize paper, double width, double height)
    {
        var handout = new Handout("Paper", [new Paragraph("Hello")]) { Page = new PageSetup { Paper = paper } };

        PageText page = Assert.Single(PdfReading.Pages(HandoutRenderer.Render(handout).Bytes));

        Assert.Equal(width, page.Width, 0.5);
        Assert.Equal(height, page.Height, 0.5);
    }

    /// <summary>Words in the content box, leaving out the running header and footer.</summary>
    private static IEnumerable<Word> Content(PageText page) =>
        page.Words.Where(word => word.BoundingBox.Bottom > Margin && word.BoundingBox.Top < page.Height - Margin);
}
