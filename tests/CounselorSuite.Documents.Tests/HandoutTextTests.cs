using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class HandoutTextTests
{
    [Fact]
    public void Title_heading_and_paragraph_read_back_from_the_pdf()
    {
        var handout = new Handout("Sleep hygiene",
        [
            new Heading("Sleeping better"),
            new Paragraph([new TextRun("Go to bed at the "), new TextRun("same time", Bold: true), new TextRun(" every night.", Italic: true)]),
        ])
        {
            Author = "Dr. Rivera",
            Subject = "Handout",
        };

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes);
        Assert.Equal("Sleep hygiene", document.Information.Title);
        Assert.Equal("Dr. Rivera", document.Information.Author);
        Assert.Equal("Handout", document.Information.Subject);
        string text = PdfReading.AllText(pdf.Bytes);
        Assert.Contains("Sleeping better", text);
        Assert.Contains("Go to bed at the same time every night.", text);
        Assert.Equal(1, pdf.PageCount);
        Assert.Empty(pdf.Warnings);
    }

    [Fact]
    public void Greek_cyrillic_and_accented_text_reads_back_unchanged()
    {
        string[] phrases = ["Καλημέρα κόσμε", "Здравствуйте, друзья", "Crème brûlée à la façon de Ærøskøbing", "Straße Łódź Čeština"];
        var handout = new Handout("Languages", phrases.Select(phrase => (Block)new Paragraph(phrase)).ToList());

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        string text = PdfReading.AllText(pdf.Bytes);
        foreach (string phrase in phrases)
        {
            Assert.Contains(phrase, text);
        }
        Assert.Empty(pdf.Warnings);
    }

    [Fact]
    public void Decomposed_accents_are_composed_so_they_print_on_their_letter()
    {
        var handout = new Handout("Accents", [new Paragraph("cafe\u0301 nai\u0308ve")]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        Assert.Contains("café naïve", PdfReading.AllText(pdf.Bytes));
    }

    [Theory]
    [InlineData("中", 0x4E2D)]
    [InlineData("🧠", 0x1F9E0)]
    public void A_character_the_font_cannot_draw_is_reported_and_marked_not_dropped(string character, int codePoint)
    {
        var handout = new Handout("Missing glyphs", [new Heading("Fine"), new Paragraph($"Write {character} here")]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        MissingCharacter missing = Assert.Single(pdf.MissingCharacters);
        Assert.Equal(codePoint, missing.CodePoint);
        Assert.Contains("block 2 (paragraph)", missing.Location);
        string warning = Assert.Single(pdf.Warnings);
        Assert.Contains($"U+{codePoint:X4}", warning);
        Assert.Contains("Write \uFFFD here", PdfReading.AllText(pdf.Bytes));
    }

    [Fact]
    public void Missing_characters_in_prompts_headers_and_charts_are_reported_too()
    {
        var chart = Samples.MoodChart();
        chart.Title = "Stimmung 中";
        var handout = new Handout("Everywhere",
        [
            new ScalePrompt("Rate 中", 1, 5),
            new ChartBlock(chart, 150),
        ])
        {
            Page = new PageSetup { HeaderText = "Praxis 中" },
        };

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        Assert.Contains(pdf.MissingCharacters, missing => missing.Location.Contains("prompt"));
        Assert.Contains(pdf.MissingCharacters, missing => missing.Location.Contains("chart"));
        Assert.Contains(pdf.MissingCharacters, missing => missing.Location.Contains("header"));
    }

    [Fact]
    public void Lists_quotes_and_notes_show_all_their_text()
    {
        var handout = new Handout("Lists",
        [
            new BulletList("First bullet", "Second bullet"),
            new NumberedList([new ListItem("Step one"), new ListItem([new Paragraph("Step two"), new BulletList("Nested detail")])], Start: 3),
            new Paragraph([new TextRun("Quoted wisdom")], Indent: 1),
            new NoteBlock("Remember to rest."),
        ]);

        string text = PdfReading.AllText(HandoutRenderer.Render(handout).Bytes);

        foreach (string expected in new[] { "• First bullet", "• Second bullet", "3. Step one", "4. Step two", "• Nested detail", "Quoted wisdom", "Remember to rest." })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public void Warmup_renders_without_error()
    {
        TimeSpan elapsed = PdfSetup.Warmup();

        Assert.True(elapsed > TimeSpan.Zero);
    }
}
