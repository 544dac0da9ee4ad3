using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>
/// A horizontal strip of a laid-out block: a line of text, a ruled answer line, a row of circles, an image.
/// Rows are the units pages break between; each draws itself completely, so a block split between two
/// rows looks whole on both pages.
/// </summary>
/// <param name="Height">Height in points.</param>
/// <param name="Draw">Draws the row with its top-left corner at the given point (the content box's left edge).</param>
internal sealed record LayoutRow(double Height, Action<XGraphics, XPoint> Draw);

/// <summary>A block after layout: its rows and how it may be placed on pages.</summary>
internal sealed record FlowElement(IReadOnlyList<LayoutRow> Rows)
{
    /// <summary>Gap above the element; dropped at the top of a page.</summary>
    public double SpaceBefore { get; init; }

    /// <summary>Move the whole element to the next page rather than split it (unless it is taller than a page).</summary>
    public bool KeepTogether { get; init; }

    /// <summary>Never end a page with this element: it goes with the start of the next one (headings).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A forced page break; it has no rows.</summary>
    public bool BreaksPage { get; init; }

    public double Height => Rows.Sum(row => row.Height);
}
