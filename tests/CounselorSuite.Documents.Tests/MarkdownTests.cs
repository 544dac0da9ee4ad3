using CounselorSuite.Documents.Markdown;
using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class MarkdownTests
{
    [Fact]
    public void Emphasis_becomes_bold_and_italic_runs()
    {
        Paragraph paragraph = Assert.IsType<Paragraph>(Assert.Single(MarkdownBlocks.From("Be **kind** to *yourself* and ***others***.")));

        Assert.Equal(
            [
                new TextRun("Be "),
                new TextRun("kind", Bold: true),
                new TextRun(" to "),
                new TextRun("yourself", Italic: true),
                new TextRun(" and "),
                new TextRun("others", Bold: true, Italic: true),
                new TextRun("."),
            ],
            paragraph.Runs);
    }

    [Fact]
    public void Headings_lists_and_quotes_map_to_blocks()
    {
        IReadOnlyList<Block> blocks = MarkdownBlocks.From("""
            # Title
            #### Deep heading

            - one
            - two
              1. inner

            3. three
            4. four

            > quoted
            """);

        Assert.Collection(blocks,
            block => Assert.Equal(new Heading("Title", 1), block),
            block => Assert.Equal(3, Assert.IsType<Heading>(block).Level),
            block =>
            {
                var list = Assert.IsType<BulletList>(block);
                Assert.Equal(2, list.Items.Count);
                Assert.IsType<NumberedList>(list.Items[1].Content[1]);
            },
            block => Assert.Equal(3, Assert.IsType<NumberedList>(block).Start),
            block => Assert.Equal(1, Assert.IsType<Paragraph>(block).Indent));
    }

    [Fact]
    public void Links_keep_their_text_only()
    {
        Paragraph paragraph = Assert.IsType<Paragraph>(Assert.Single(MarkdownBlocks.From("Read [our guide](https://example.org/guide) today.")));

        Assert.Equal("Read our guide today.", string.Concat(paragraph.Runs.Select(run => run.Text)));
    }

    [Fact]
    public void Hard_line_breaks_are_kept_and_soft_ones_become_spaces()
    {
        Paragraph paragraph = Assert.IsType<Paragraph>(Assert.Single(MarkdownBlocks.From("one\ntwo  \nthree")));

        Assert.Equal("one two\nthree", string.Concat(paragraph.Runs.Select(run => run.Text)));
    }

    [Fact]
    public void Scripts_and_javascript_links_leave_only_visible_text_in_the_pdf()
    {
        const string markdown = """
            Hello <b>friend</b> <script>alert('inline')</script> and [click here](javascript:alert('link')) &amp; more.

            <script>
            document.write('block script');
            </script>

            <style>body { color: red }</style>

            <div onclick="alert('attr')">Visible <span>words</span></div>

            <!-- secret comment -->
            """;

        RenderedPdf pdf = HandoutRenderer.Render(new Handout("Unsafe", MarkdownBlocks.From(markdown)));

        string text = PdfReading.AllText(pdf.Bytes);
        Assert.Contains("Hello friend and click here & more.", text);
        Assert.Contains("Visible words", text);
        foreach (string hidden in new[] { "alert", "script", "javascript", "document.write", "color", "onclick", "secret", "<", ">" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
