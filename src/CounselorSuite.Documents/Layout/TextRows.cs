using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Turns styled runs into wrapped lines and lines into rows; shared by every block that shows text.</summary>
internal static class TextRows
{
    public static IReadOnlyList<TextLine> Wrap(LayoutContext context, IEnumerable<TextRun> runs, double size, double width, string location) =>
        context.Text.Wrap(Style(context, runs, size, location), width);

    public static IReadOnlyList<TextLine> Wrap(LayoutContext context, string text, XFont font, double width, string location) =>
        context.Text.Wrap([new StyledText(context.Glyphs.Prepare(text, font.Bold, location), font)], width);

    /// <summary>A row holding one line; the text is centred vertically in the row's line height.</summary>
    public static LayoutRow Row(TextLine line, double x, double lineHeight, XBrush brush, double extraBelow = 0) =>
        new(lineHeight + extraBelow, (g, at) => Draw(g, line, new XPoint(at.X + x, at.Y), lineHeight, brush));

    public static void Draw(XGraphics g, TextLine line, XPoint topLeft, double lineHeight, XBrush brush)
    {
        foreach (TextSpan span in line.Spans)
        {
            double top = topLeft.Y + ((lineHeight - span.Font.GetHeight()) / 2);
            g.DrawString(span.Text, span.Font, brush, topLeft.X + span.X, top, XStringFormats.TopLeft);
        }
    }

    private static IEnumerable<StyledText> Style(LayoutContext context, IEnumerable<TextRun> runs, double size, string location)
    {
        foreach (TextRun run in runs)
        {
            yield return new StyledText(
                context.Glyphs.Prepare(run.Text, run.Bold, location),
                context.Theme.Font(size, run.Bold, run.Italic));
        }
    }
}
