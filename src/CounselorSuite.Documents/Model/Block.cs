using OxyPlot;

namespace CounselorSuite.Documents.Model;

/// <summary>One piece of a handout's content. Blocks are laid out top to bottom and flow onto new pages.</summary>
public abstract record Block;

/// <summary>A span of text with one style. A <c>'\n'</c> inside the text forces a line break.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>A section title. Never left alone at the bottom of a page: it moves to the page of what follows it.</summary>
public sealed record Heading : Block
{
    /// <param name="text">The title.</param>
    /// <param name="level">1 (largest) to 3.</param>
    public Heading(string text, int level = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Text = text;
        Level = level;
    }

    public string Text { get; }

    public int Level { get; }
}

/// <summary>Running text, wrapped by words; a word longer than a line is broken between characters.</summary>
/// <param name="Runs">The styled spans, in order.</param>
/// <param name="Indent">Indent levels from the left edge (block quotes use 1).</param>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs, int Indent = 0) : Block
{
    /// <summary>A paragraph of plain text.</summary>
    public Paragraph(string text)
        : this([new TextRun(text)])
    {
    }
}

/// <summary>A box with an accent-coloured rule on its left, for tips and cautions.</summary>
public sealed record NoteBlock(IReadOnlyList<TextRun> Runs) : Block
{
    /// <summary>A note of plain text.</summary>
    public NoteBlock(string text)
        : this([new TextRun(text)])
    {
    }
}

/// <summary>Vertical white space. It does not carry over to the next page.</summary>
public sealed record Spacer(double Height) : Block;

/// <summary>Starts a new page (unless the current one is still empty, so it never makes a blank page).</summary>
public sealed record PageBreak : Block;

/// <summary>A PNG or JPEG picture, scaled down to the text width and, if need be, to one page; its aspect is kept.</summary>
/// <param name="Data">The encoded image.</param>
/// <param name="MaxWidth">The widest it may be drawn, in points; by default its natural size, capped at the text width.</param>
public sealed record ImageBlock(byte[] Data, double? MaxWidth = null) : Block;

/// <summary>An OxyPlot chart drawn as vectors across the text width.</summary>
/// <param name="Model">The chart. It is updated (<c>Update(true)</c>) when rendered.</param>
/// <param name="Height">Height in points; reduced to one page if taller.</param>
public sealed record ChartBlock(PlotModel Model, double Height = 220) : Block;

/// <summary>
/// Small multiples: charts side by side in a grid, left to right then top to bottom, kept together on one page.
/// </summary>
/// <param name="Models">The charts. Each is updated (<c>Update(true)</c>) when rendered.</param>
/// <param name="Columns">Charts per row.</param>
/// <param name="CellHeight">Height of each chart in points; the grid is made shorter when it would not leave
/// <paramref name="RoomOnPage"/> of a page free, so it always fits on one page with a title above it.</param>
/// <param name="RoomOnPage">Height in points the grid leaves free on a page (for headings above it, text below).</param>
public sealed record ChartGridBlock(IReadOnlyList<PlotModel> Models, int Columns = 2, double CellHeight = 200, double RoomOnPage = 160) : Block;
