using System.Globalization;
using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>
/// Lays out the questions a client answers on paper. Each prompt is kept on one page; when one is taller
/// than a page it breaks between its answer lines, options or rows of circles.
/// </summary>
internal sealed class PromptLayout(LayoutContext context)
{
    private const double LabelGapBelow = 4;
    private const double WritingLineHeight = 24;
    private const double BoxSize = 9.5;
    private const double BoxTextGap = 7;
    private const double InlineOptionGap = 22;
    private const double InlineRowHeight = 22;
    private const double Circle = 20;
    private const double MaxCircleSlot = 40;
    private const int CirclesPerRow = 11;

    private LayoutTheme Theme => context.Theme;

    private static double LineHeight => LayoutTheme.LineHeight(LayoutTheme.BodySize);

    public FlowElement Layout(PromptBlock prompt, double indent, string location)
    {
        double width = context.ContentWidth - indent;
        var rows = new List<LayoutRow>(LabelRows(prompt.Label, indent, width, location));
        rows.AddRange(prompt switch
        {
            FreeTextPrompt freeText => WritingLines(freeText.Lines, indent, width),
            ChecklistPrompt checklist => checklist.Options.SelectMany(option => BoxedOption(option, indent, width, location)),
            ChoicePrompt choice => InlineOptions(choice.Options, indent, width, location),
            YesNoPrompt yesNo => InlineOptions([yesNo.Yes, yesNo.No], indent, width, location),
            ScalePrompt scale => Scale(scale, indent, width, location),
            _ => throw new NotSupportedException($"No layout for {prompt.GetType().Name}."),
        });
        return new FlowElement(rows) { SpaceBefore = LayoutTheme.PromptGap, KeepTogether = true };
    }

    private IEnumerable<LayoutRow> LabelRows(string label, double indent, double width, string location)
    {
        IReadOnlyList<TextLine> lines = TextRows.Wrap(context, [new TextRun(label, Bold: true)], LayoutTheme.BodySize, width, location);
        for (int i = 0; i < lines.Count; i++)
        {
            yield return TextRows.Row(lines[i], indent, LineHeight, Theme.TextBrush, i == lines.Count - 1 ? LabelGapBelow : 0);
        }
    }

    private IEnumerable<LayoutRow> WritingLines(int count, double indent, double width)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new LayoutRow(WritingLineHeight, (g, at) =>
            {
                double y = at.Y + WritingLineHeight - 4;
                g.DrawLine(Theme.RulePen, at.X + indent, y, at.X + indent + width, y);
            });
        }
    }

    /// <summary>A box followed by the option's text, wrapped beside the box; the box sits on the first line.</summary>
    private IEnumerable<LayoutRow> BoxedOption(string option, double indent, double width, string location)
    {
        double textX = indent + BoxSize + BoxTextGap;
        IReadOnlyList<TextLine> lines = TextRows.Wrap(context, option, Theme.Font(LayoutTheme.BodySize), width - (textX - indent), location);
        for (int i = 0; i < lines.Count; i++)
        {
            LayoutRow text = TextRows.Row(lines[i], textX, LineHeight, Theme.TextBrush);
            yield return i > 0 ? text : text with
            {
                Draw = (g, at) =>
                {
                    DrawBox(g, at.X + indent, at.Y + ((LineHeight - BoxSize) / 2));
                    text.Draw(g, at);
                },
            };
        }
    }

    /// <summary>Options side by side, wrapping to further rows; an option too wide for a row gets rows of its own.</summary>
    private IEnumerable<LayoutRow> InlineOptions(IReadOnlyList<string> options, double indent, double width, string location)
    {
        XFont font = Theme.Font(LayoutTheme.BodySize);
        var row = new List<(TextLine Line, double X)>();
        double x = 0;
        foreach (string option in options)
        {
            IReadOnlyList<TextLine> lines = TextRows.Wrap(context, option, font, double.MaxValue, location);
            TextLine line = lines.Count == 1 ? lines[0] : TextLine.Empty;
            double optionWidth = BoxSize + BoxTextGap + line.Width;
            if (lines.Count != 1 || optionWidth > width)
            {
                if (row.Count > 0)
                {
                    yield return InlineRow([.. row], indent);
                    row.Clear();
                    x = 0;
                }
                foreach (LayoutRow boxed in BoxedOption(option, indent, width, location))
                {
                    yield return boxed;
                }
                continue;
            }
            if (row.Count > 0 && x + optionWidth > width)
            {
                yield return InlineRow([.. row], indent);
                row.Clear();
                x = 0;
            }
            row.Add((line, x));
            x += optionWidth + InlineOptionGap;
        }
        if (row.Count > 0)
        {
            yield return InlineRow([.. row], indent);
        }
    }

    private LayoutRow InlineRow(IReadOnlyList<(TextLine Line, double X)> options, double indent) =>
        new(InlineRowHeight, (g, at) =>
        {
            foreach ((TextLine line, double x) in options)
            {
                double left = at.X + indent + x;
                DrawBox(g, left, at.Y + ((InlineRowHeight - BoxSize) / 2));
                TextRows.Draw(g, line, new XPoint(left + BoxSize + BoxTextGap, at.Y), InlineRowHeight, Theme.TextBrush);
            }
        });

    private IEnumerable<LayoutRow> Scale(ScalePrompt scale, double indent, double width, string location)
    {
        int count = scale.Max - scale.Min + 1;
        int rowCount = (count + CirclesPerRow - 1) / CirclesPerRow;
        // Balanced rows (15 values → 8 + 7, not 11 + 4) read as one scale rather than a scale and leftovers.
        int perRow = (count + rowCount - 1) / rowCount;
        double slot = Math.Min(width / perRow, MaxCircleSlot);
        XFont numberFont = Theme.Font(LayoutTheme.ScaleNumberSize);
        var pen = new XPen(Theme.Accent, 0.9);

        for (int first = scale.Min; first <= scale.Max; first += perRow)
        {
            int last = Math.Min(first + perRow - 1, scale.Max);
            int start = first;
            yield return new LayoutRow(Circle + 8, (g, at) =>
            {
                for (int value = start; value <= last; value++)
                {
                    double left = at.X + indent + ((value - start) * slot) + ((slot - Circle) / 2);
                    var circle = new XRect(left, at.Y + 4, Circle, Circle);
                    g.DrawEllipse(pen, circle);
                    g.DrawString(value.ToString(CultureInfo.InvariantCulture), numberFont, Theme.TextBrush, circle, XStringFormats.Center);
                }
            });
        }

        if (scale.MinLabel is null && scale.MaxLabel is null)
        {
            yield break;
        }
        // On one row the ends of the scale explain themselves; on several, say which number each label means.
        bool wrapped = rowCount > 1;
        string minText = scale.MinLabel is null ? "" : wrapped ? $"{scale.Min} = {scale.MinLabel}" : scale.MinLabel;
        string maxText = scale.MaxLabel is null ? "" : wrapped ? $"{scale.Max} = {scale.MaxLabel}" : scale.MaxLabel;
        double scaleWidth = perRow * slot;
        double half = (scaleWidth / 2) - 6;
        XFont font = Theme.Font(LayoutTheme.SmallSize + 0.5);
        IReadOnlyList<TextLine> left = TextRows.Wrap(context, minText, font, half, location);
        IReadOnlyList<TextLine> right = TextRows.Wrap(context, maxText, font, half, location);
        double lineHeight = LayoutTheme.LineHeight(font.Size);
        for (int i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            TextLine leftLine = i < left.Count ? left[i] : TextLine.Empty;
            TextLine rightLine = i < right.Count ? right[i] : TextLine.Empty;
            yield return new LayoutRow(lineHeight, (g, at) =>
            {
                TextRows.Draw(g, leftLine, new XPoint(at.X + indent, at.Y), lineHeight, Theme.MutedBrush);
                TextRows.Draw(g, rightLine, new XPoint(at.X + indent + scaleWidth - rightLine.Width, at.Y), lineHeight, Theme.MutedBrush);
            });
        }
    }

    private void DrawBox(XGraphics g, double x, double y) => g.DrawRectangle(Theme.BoxPen, x, y, BoxSize, BoxSize);
}
