using System.Globalization;
using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CounselorSuite.Documents.Layout;

/// <summary>Paints planned pages into a PDF document, with the running header and the "Page X of Y" footer.</summary>
internal sealed class PagePainter(LayoutContext context, PageSetup setup, XSize pageSize)
{
    private const double HeaderGap = 10;
    private const double FooterGap = 12;

    private LayoutTheme Theme => context.Theme;

    private Margins Margins => setup.Margins;

    public void Paint(PdfDocument document, IReadOnlyList<IReadOnlyList<PlacedRow>> pages)
    {
        IReadOnlyList<TextLine> header = RunningText(setup.HeaderText, context.ContentWidth, "the page header");
        for (int i = 0; i < pages.Count; i++)
        {
            PdfPage page = document.AddPage();
            page.Width = XUnit.FromPoint(pageSize.Width);
            page.Height = XUnit.FromPoint(pageSize.Height);
            using XGraphics g = XGraphics.FromPdfPage(page);
            PaintHeader(g, header);
            PaintFooter(g, i + 1, pages.Count);
            foreach (PlacedRow placed in pages[i])
            {
                placed.Row.Draw(g, new XPoint(Margins.Left, Margins.Top + placed.Top));
            }
        }
    }

    private void PaintHeader(XGraphics g, IReadOnlyList<TextLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        double lineHeight = LayoutTheme.LineHeight(LayoutTheme.SmallSize);
        double ruleY = Margins.Top - HeaderGap;
        double top = ruleY - 2 - (lines.Count * lineHeight);
        for (int i = 0; i < lines.Count; i++)
        {
            TextRows.Draw(g, lines[i], new XPoint(Margins.Left, top + (i * lineHeight)), lineHeight, Theme.MutedBrush);
        }
        g.DrawLine(Theme.RulePen, Margins.Left, ruleY, Margins.Left + context.ContentWidth, ruleY);
    }

    private void PaintFooter(XGraphics g, int pageNumber, int pageCount)
    {
        XFont font = Theme.Font(LayoutTheme.SmallSize);
        double lineHeight = LayoutTheme.LineHeight(LayoutTheme.SmallSize);
        double top = pageSize.Height - Margins.Bottom + FooterGap;
        string pageLabel = string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} of {pageCount}");
        double labelWidth = context.Text.Width(pageLabel, font);
        var label = new TextLine([new TextSpan(pageLabel, font, 0, labelWidth)], labelWidth);
        TextRows.Draw(g, label, new XPoint(Margins.Left + context.ContentWidth - labelWidth, top), lineHeight, Theme.MutedBrush);

        IReadOnlyList<TextLine> footer = RunningText(setup.FooterText, context.ContentWidth - labelWidth - 12, "the page footer");
        for (int i = 0; i < footer.Count; i++)
        {
            TextRows.Draw(g, footer[i], new XPoint(Margins.Left, top + (i * lineHeight)), lineHeight, Theme.MutedBrush);
        }
    }

    // Long header or footer text wraps rather than being cut; it is the practice's name, not an essay.
    private IReadOnlyList<TextLine> RunningText(string? text, double width, string location) =>
        string.IsNullOrWhiteSpace(text) ? [] : TextRows.Wrap(context, text, Theme.Font(LayoutTheme.SmallSize), width, location);
}
