using CounselorSuite.Documents.Charts;
using CounselorSuite.Documents.Model;
using OxyPlot;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>
/// Lays out images and charts. Each is one row, so it moves to the next page whole when it does not fit,
/// and is made smaller when it is taller than a whole page.
/// </summary>
internal sealed class MediaLayout(LayoutContext context)
{
    public FlowElement Image(ImageBlock image, double indent, string location)
    {
        XImage picture = context.KeepAlive(ReadImage(image.Data, location));
        double width = Math.Min(picture.PointWidth, Math.Min(image.MaxWidth ?? double.MaxValue, context.ContentWidth - indent));
        double height = width * picture.PixelHeight / picture.PixelWidth;
        if (height > context.ContentHeight)
        {
            width *= context.ContentHeight / height;
            height = context.ContentHeight;
        }
        var row = new LayoutRow(height, (g, at) => g.DrawImage(picture, at.X + indent, at.Y, width, height));
        return new FlowElement([row]) { SpaceBefore = LayoutTheme.MediaGap, KeepTogether = true };
    }

    public FlowElement Chart(ChartBlock chart, double indent, string location)
    {
        double width = context.ContentWidth - indent;
        double height = Math.Min(chart.Height, context.ContentHeight);
        IPlotModel model = chart.Model;
        model.Update(true);
        var row = new LayoutRow(height, (g, at) =>
        {
            XGraphicsState state = g.Save();
            g.TranslateTransform(at.X + indent, at.Y);
            var renderContext = new XGraphicsRenderContext(g, text => context.Glyphs.Prepare(text, bold: false, location));
            model.Render(renderContext, new OxyRect(0, 0, width, height));
            g.Restore(state);
        });
        return new FlowElement([row]) { SpaceBefore = LayoutTheme.MediaGap, KeepTogether = true };
    }

    /// <summary>A grid of charts: one row of charts per layout row, the whole grid kept on one page.</summary>
    public FlowElement ChartGrid(ChartGridBlock grid, double indent, string location)
    {
        if (grid.Models.Count == 0)
        {
            return new FlowElement([]);
        }
        int columns = Math.Clamp(grid.Columns, 1, grid.Models.Count);
        int rows = (grid.Models.Count + columns - 1) / columns;
        double width = (context.ContentWidth - indent - (GridGap * (columns - 1))) / columns;
        double fits = ((context.ContentHeight - grid.RoomOnPage) / rows) - GridGap;
        double height = Math.Max(Math.Min(grid.CellHeight, fits), MinimumCellHeight);
        var layoutRows = new List<LayoutRow>();
        for (int row = 0; row < rows; row++)
        {
            var models = grid.Models.Skip(row * columns).Take(columns).Cast<IPlotModel>().ToList();
            models.ForEach(m => m.Update(true));
            layoutRows.Add(new LayoutRow(height + GridGap, (g, at) =>
            {
                for (int column = 0; column < models.Count; column++)
                {
                    XGraphicsState state = g.Save();
                    g.TranslateTransform(at.X + indent + (column * (width + GridGap)), at.Y);
                    var renderContext = new XGraphicsRenderContext(g, text => context.Glyphs.Prepare(text, bold: false, location));
                    models[column].Render(renderContext, new OxyRect(0, 0, width, height));
                    g.Restore(state);
                }
            }));
        }
        return new FlowElement(layoutRows) { SpaceBefore = LayoutTheme.MediaGap, KeepTogether = true };
    }

    private const double GridGap = 10, MinimumCellHeight = 90;

    private static XImage ReadImage(byte[] data, string location)
    {
        try
        {
            // PDFsharp reads the stream lazily when the document is written, so the stream must stay open.
            return XImage.FromStream(new MemoryStream(data, writable: false));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new ArgumentException($"The image in {location} is not a PNG or JPEG file PDFsharp can read.", nameof(data), error);
        }
    }
}
