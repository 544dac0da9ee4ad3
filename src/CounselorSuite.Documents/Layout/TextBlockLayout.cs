using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Lays out headings, paragraphs and notes.</summary>
internal sealed class TextBlockLayout(LayoutContext context)
{
    private const double HeadingPaddingBelow = 3;
    private const double NotePadding = 7;
    private const double NoteRuleWidth = 3;
    private const double NoteTextInset = 14;

    private LayoutTheme Theme => context.Theme;

    public FlowElement Heading(Heading heading, double indent, string location)
    {
        double size = LayoutTheme.HeadingSize(heading.Level);
        double width = context.ContentWidth - indent;
        XBrush brush = heading.Level == 1 ? Theme.AccentBrush : Theme.TextBrush;
        IReadOnlyList<TextLine> lines = TextRows.Wrap(context, [new TextRun(heading.Text, Bold: true)], size, width, location);
        double lineHeight = size * 1.25;
        var rows = new List<LayoutRow>();
        for (int i = 0; i < lines.Count; i++)
        {
            bool last = i == lines.Count - 1;
            LayoutRow row = TextRows.Row(lines[i], indent, lineHeight, brush, last ? HeadingPaddingBelow : 0);
            if (last && heading.Level == 1)
            {
                // A rule under the title marks where the handout starts, as on a letterhead.
                var pen = new XPen(Theme.Accent, 0.8);
                LayoutRow text = row;
                row = text with
                {
                    Draw = (g, at) =>
                    {
                        text.Draw(g, at);
                        double y = at.Y + lineHeight + 1;
                        g.DrawLine(pen, at.X + indent, y, at.X + indent + width, y);
                    },
                };
            }
            rows.Add(row);
        }
        return new FlowElement(rows) { SpaceBefore = LayoutTheme.HeadingGap(heading.Level), KeepWithNext = true };
    }

    public FlowElement Paragraph(Paragraph paragraph, double indent, string location)
    {
        double x = indent + (paragraph.Indent * LayoutTheme.ListIndent);
        return new FlowElement(BodyRows(paragraph.Runs, x, context.ContentWidth - x, location)) { SpaceBefore = LayoutTheme.ParagraphGap };
    }

    public IReadOnlyList<LayoutRow> BodyRows(IEnumerable<TextRun> runs, double x, double width, string location)
    {
        double lineHeight = LayoutTheme.LineHeight(LayoutTheme.BodySize);
        return TextRows.Wrap(context, runs, LayoutTheme.BodySize, width, location)
            .Select(line => TextRows.Row(line, x, lineHeight, Theme.TextBrush))
            .ToList();
    }

    public FlowElement Note(NoteBlock note, double indent, string location)
    {
        double boxWidth = context.ContentWidth - indent;
        double textX = indent + NoteTextInset;
        IReadOnlyList<LayoutRow> textRows = BodyRows(note.Runs, textX, boxWidth - NoteTextInset - NotePadding, location);

        var rows = new List<LayoutRow> { new(NotePadding, (_, _) => { }) };
        rows.AddRange(textRows);
        rows.Add(new LayoutRow(NotePadding, (_, _) => { }));
        // Each row paints its own slice of the box, so a note split over two pages is boxed on both.
        return new FlowElement(rows.Select(row => WithNoteBox(row, indent, boxWidth)).ToList())
        {
            SpaceBefore = LayoutTheme.NoteGap,
            KeepTogether = true,
        };
    }

    private LayoutRow WithNoteBox(LayoutRow row, double indent, double width) => row with
    {
        Draw = (g, at) =>
        {
            g.DrawRectangle(Theme.NoteBackground, at.X + indent, at.Y, width, row.Height);
            g.DrawRectangle(Theme.AccentBrush, at.X + indent, at.Y, NoteRuleWidth, row.Height);
            row.Draw(g, at);
        },
    };
}
