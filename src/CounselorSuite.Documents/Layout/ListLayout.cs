using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Lays out bullet and numbered lists; an item's content is laid out like any other blocks, indented.</summary>
internal sealed class ListLayout(LayoutContext context, BlockLayouter blocks)
{
    private const double BulletInset = 5;
    private const double NumberGap = 4;

    public IEnumerable<FlowElement> Bullets(BulletList list, double indent, string location) =>
        Items(list.Items, indent, location, _ => "•", alignRight: false);

    public IEnumerable<FlowElement> Numbers(NumberedList list, double indent, string location) =>
        Items(list.Items, indent, location, index => $"{list.Start + index}.", alignRight: true);

    private IEnumerable<FlowElement> Items(
        IReadOnlyList<ListItem> items, double indent, string location, Func<int, string> marker, bool alignRight)
    {
        double contentIndent = indent + LayoutTheme.ListIndent;
        XFont font = context.Theme.Font(LayoutTheme.BodySize);
        for (int i = 0; i < items.Count; i++)
        {
            List<FlowElement> content = items[i].Content.SelectMany(block => blocks.Layout(block, contentIndent, location)).ToList();
            int first = content.FindIndex(element => element.Rows.Count > 0);
            if (first < 0)
            {
                continue;
            }
            string label = marker(i);
            double labelWidth = context.Text.Width(label, font);
            double labelX = alignRight ? contentIndent - NumberGap - labelWidth : indent + BulletInset;
            content[first] = WithMarker(content[first], label, font, labelX, i == 0 ? LayoutTheme.ParagraphGap : LayoutTheme.ListItemGap);
            foreach (FlowElement element in content)
            {
                yield return element;
            }
        }
    }

    private FlowElement WithMarker(FlowElement element, string label, XFont font, double x, double spaceBefore)
    {
        LayoutRow firstRow = element.Rows[0];
        var line = new TextLine([new TextSpan(label, font, 0, 0)], 0);
        // The marker shares the first text line's height, so it sits on that line's baseline.
        double lineHeight = LayoutTheme.LineHeight(LayoutTheme.BodySize);
        var marked = firstRow with
        {
            Draw = (g, at) =>
            {
                TextRows.Draw(g, line, new XPoint(at.X + x, at.Y), lineHeight, context.Theme.TextBrush);
                firstRow.Draw(g, at);
            },
        };
        return element with { Rows = [marked, .. element.Rows.Skip(1)], SpaceBefore = spaceBefore };
    }
}
