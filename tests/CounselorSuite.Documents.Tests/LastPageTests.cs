using CounselorSuite.Documents.Model;
using UglyToad.PdfPig.Content;

namespace CounselorSuite.Documents.Tests;

/// <summary>
/// A handout never ends on a page holding a line or two: the closing help and contacts (or the tail of a
/// paragraph) take some of the page before along, so the last page carries at least a fifth of a page.
/// </summary>
[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class LastPageTests
{
    private const double Margin = 56.7;

    /// <summary>The A4 content box: 841.89 pt less the top and bottom margins.</summary>
    private const double ContentHeight = 841.89 - (2 * Margin);

    /// <summary>An exercise as the handout job lays it out: a heading, instructions, steps and a prompt.</summary>
    private static IEnumerable<Block> Exercise(int number, int words) =>
    [
        new Heading($"Exercise{number}"),
        Samples.Filler(number, words),
        new Heading("Steps", 3),
        new NumberedList("Find a quiet moment.", "Write what you noticed.", "Bring it along next time."),
        new Heading("Your answers, on paper", 3),
        new FreeTextPrompt("What did you notice?", 4),
    ];

    /// <summary>The closing section: a heading and two short lines.</summary>
    private static IEnumerable<Block> Help() =>
    [
        new Heading("Help and contacts", 2),
        new Paragraph("Call the front desk to change a time."),
        new Paragraph("Riverside practice · 555 0100"),
    ];

    public static TheoryData<int> Lengths() => new(Enumerable.Range(0, 60).Select(i => 100 + (i * 12)));

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Without_charts_the_last_page_holds_more_than_a_line_or_two(int words)
    {
        // A first exercise of growing length moves the page end through every part of the second one and the help.
        var blocks = Exercise(1, words).Concat(Exercise(2, 60)).Concat(Help()).ToList();

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Closing", blocks)).Bytes);

        AssertLastPageNotNearlyEmpty(pages);
        Assert.Contains("555", pages[^1].Text); // nothing dropped: the contact line is still the end
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void With_charts_the_last_page_holds_more_than_a_line_or_two(int words)
    {
        var blocks = Exercise(1, words).Concat(Exercise(2, 60)).Concat(Help()).ToList();
        blocks.Add(new Heading("Your progress"));
        blocks.Add(new ChartGridBlock([Samples.MoodChart(), Samples.MoodChart()], 2, CellHeight: 210, RoomOnPage: 260));

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Closing", blocks)).Bytes);

        AssertLastPageNotNearlyEmpty(pages);
    }

    [Fact]
    public void A_page_the_handout_breaks_to_stays_as_it_is()
    {
        // A forced break starts its page on purpose: a short last page after one is left alone.
        var blocks = Exercise(1, 400).Append(new PageBreak()).Append(new Paragraph("Last words")).ToList();

        IReadOnlyList<PageText> pages = PdfReading.Pages(HandoutRenderer.Render(new Handout("Break", blocks)).Bytes);

        Assert.Equal("Last words", string.Join(' ', Content(pages[^1]).Select(w => w.Text)));
    }

    private static void AssertLastPageNotNearlyEmpty(IReadOnlyList<PageText> pages)
    {
        if (pages.Count < 2)
        {
            return;
        }
        var content = Content(pages[^1]).ToList();
        Assert.NotEmpty(content);
        double height = content.Max(w => w.BoundingBox.Top) - content.Min(w => w.BoundingBox.Bottom);
        Assert.True(height >= 0.15 * ContentHeight, $"the last of {pages.Count} pages holds only {height:0} pt: \"{string.Join(' ', content.Select(w => w.Text))}\"");
    }

    /// <summary>Words in the content box, leaving out the running header and footer.</summary>
    private static IEnumerable<Word> Content(PageText page) =>
        page.Words.Where(word => word.BoundingBox.Bottom > Margin && word.BoundingBox.Top < page.Height - Margin);
}
