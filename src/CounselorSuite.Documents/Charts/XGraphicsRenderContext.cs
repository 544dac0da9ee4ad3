using CounselorSuite.Documents.Fonts;
using OxyPlot;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Charts;

/// <summary>
/// Draws OxyPlot charts onto PDFsharp graphics as vectors: lines, polygons, rectangles, ellipses and text.
/// Also serves as the text measurer of <see cref="ChartSvg"/>, so a chart lays out the same in SVG and PDF.
/// </summary>
/// <remarks>
/// Coordinates and font sizes are taken as points. All text is set in DejaVu Sans (or DejaVu Sans Mono
/// when asked for), whatever family the model names, because those are the fonts the PDF embeds.
/// Images inside charts are not drawn.
/// </remarks>
public sealed class XGraphicsRenderContext : ClippingRenderContext
{
    private const double BoldWeight = 600;
    private readonly XGraphics graphics;
    private readonly Func<string, string> prepareText;
    private readonly Dictionary<(string Family, double Size, bool Bold), XFont> fonts = [];
    private XGraphicsState? clipState;

    /// <summary>Draws onto <paramref name="graphics"/>; translate it first to place the chart.</summary>
    public XGraphicsRenderContext(XGraphics graphics)
        : this(graphics, text => text)
    {
    }

    internal XGraphicsRenderContext(XGraphics graphics, Func<string, string> prepareText)
    {
        this.graphics = graphics;
        this.prepareText = prepareText;
        RendersToScreen = false;
    }

    /// <inheritdoc />
    public override void DrawLine(
        IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray, LineJoin lineJoin)
    {
        if (points.Count < 2 || Pen(stroke, thickness, dashArray, lineJoin) is not { } pen)
        {
            return;
        }
        graphics.DrawLines(pen, ToPoints(points));
    }

    /// <inheritdoc />
    public override void DrawPolygon(
        IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray, LineJoin lineJoin)
    {
        if (points.Count < 2)
        {
            return;
        }
        XPen? pen = Pen(stroke, thickness, dashArray, lineJoin);
        XBrush? brush = Brush(fill);
        XPoint[] corners = ToPoints(points);
        if (brush is not null && pen is not null)
        {
            graphics.DrawPolygon(pen, brush, corners, XFillMode.Winding);
        }
        else if (brush is not null)
        {
            graphics.DrawPolygon(brush, corners, XFillMode.Winding);
        }
        else if (pen is not null)
        {
            graphics.DrawPolygon(pen, corners);
        }
    }

    /// <inheritdoc />
    public override void DrawRectangle(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode)
    {
        XPen? pen = Pen(stroke, thickness, null, LineJoin.Miter);
        XBrush? brush = Brush(fill);
        var box = ToRect(rect);
        if (brush is not null && pen is not null)
        {
            graphics.DrawRectangle(pen, brush, box);
        }
        else if (brush is not null)
        {
            graphics.DrawRectangle(brush, box);
        }
        else if (pen is not null)
        {
            graphics.DrawRectangle(pen, box);
        }
    }

    /// <inheritdoc />
    public override void DrawEllipse(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode)
    {
        XPen? pen = Pen(stroke, thickness, null, LineJoin.Miter);
        XBrush? brush = Brush(fill);
        var box = ToRect(rect);
        if (brush is not null && pen is not null)
        {
            graphics.DrawEllipse(pen, brush, box);
        }
        else if (brush is not null)
        {
            graphics.DrawEllipse(brush, box);
        }
        else if (pen is not null)
        {
            graphics.DrawEllipse(pen, box);
        }
    }

    /// <inheritdoc />
    public override void DrawText(
        ScreenPoint p, string text, OxyColor fill, string? fontFamily, double fontSize, double fontWeight, double rotate,
        HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
    {
        if (string.IsNullOrEmpty(text) || Brush(fill) is not { } brush)
        {
            return;
        }
        XFont font = Font(fontFamily, fontSize, fontWeight);
        string[] lines = prepareText(text).Split('\n');
        double lineHeight = font.GetHeight();
        double[] widths = lines.Select(line => graphics.MeasureString(line, font).Width).ToArray();
        double width = widths.Max();
        double height = lineHeight * lines.Length;

        // OxyPlot anchors text at p and rotates it about p (degrees clockwise, y pointing down, as here).
        XGraphicsState state = graphics.Save();
        graphics.TranslateTransform(p.X, p.Y);
        if (rotate != 0)
        {
            graphics.RotateTransform(rotate);
        }
        double left = halign switch
        {
            HorizontalAlignment.Center => -width / 2,
            HorizontalAlignment.Right => -width,
            _ => 0,
        };
        double top = valign switch
        {
            VerticalAlignment.Middle => -height / 2,
            VerticalAlignment.Bottom => -height,
            _ => 0,
        };
        // OxyPlot passes double.MaxValue for an unlimited side; a clip path with such numbers hides the text.
        if (maxSize is { } limit && (width > limit.Width || height > limit.Height))
        {
            graphics.IntersectClip(new XRect(left, top, Math.Min(width, limit.Width), Math.Min(height, limit.Height)));
        }
        for (int i = 0; i < lines.Length; i++)
        {
            double x = left + halign switch
            {
                HorizontalAlignment.Center => (width - widths[i]) / 2,
                HorizontalAlignment.Right => width - widths[i],
                _ => 0,
            };
            graphics.DrawString(lines[i], font, brush, x, top + (i * lineHeight), XStringFormats.TopLeft);
        }
        graphics.Restore(state);
    }

    /// <inheritdoc />
    public override OxySize MeasureText(string text, string? fontFamily, double fontSize, double fontWeight)
    {
        if (string.IsNullOrEmpty(text))
        {
            return OxySize.Empty;
        }
        XFont font = Font(fontFamily, fontSize, fontWeight);
        // Measure what will be drawn: a character the font lacks is drawn as a replacement mark.
        string prepared = prepareText(text);
        var key = new MeasureKey(prepared, font.FontFamily.Name, fontSize, font.Bold);
        if (Measured.TryGetValue(key, out OxySize size))
        {
            return size;
        }
        string[] lines = prepared.Split('\n');
        double width = lines.Max(line => graphics.MeasureString(line, font).Width);
        size = new OxySize(width, font.GetHeight() * lines.Length);
        // Charts measure the same few strings (tick labels, titles) over and over, in every chart of every
        // page: the sizes come from the font files alone, so they are kept, up to a bound.
        if (Measured.Count >= MostMeasuredKept)
        {
            Measured.Clear();
        }
        Measured[key] = size;
        return size;
    }

    private readonly record struct MeasureKey(string Text, string Family, double Size, bool Bold);

    private const int MostMeasuredKept = 8192;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MeasureKey, OxySize> Measured = new();

    /// <inheritdoc />
    protected override void SetClip(OxyRect clippingRectangle)
    {
        clipState = graphics.Save();
        graphics.IntersectClip(ToRect(clippingRectangle));
    }

    /// <inheritdoc />
    protected override void ResetClip()
    {
        if (clipState is not null)
        {
            graphics.Restore(clipState);
            clipState = null;
        }
    }

    private XFont Font(string? family, double size, double weight)
    {
        string face = string.Equals(family, DejaVuFonts.SansMono, StringComparison.OrdinalIgnoreCase) ? DejaVuFonts.SansMono : DejaVuFonts.Sans;
        bool bold = weight >= BoldWeight;
        if (!fonts.TryGetValue((face, size, bold), out XFont? font))
        {
            font = new XFont(face, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            fonts[(face, size, bold)] = font;
        }
        return font;
    }

    private static XPen? Pen(OxyColor color, double thickness, double[]? dashArray, LineJoin lineJoin)
    {
        if (!color.IsVisible() || thickness <= 0)
        {
            return null;
        }
        var pen = new XPen(ToColor(color), thickness)
        {
            LineJoin = lineJoin switch
            {
                LineJoin.Round => XLineJoin.Round,
                LineJoin.Bevel => XLineJoin.Bevel,
                _ => XLineJoin.Miter,
            },
        };
        if (dashArray is { Length: > 0 })
        {
            // Both OxyPlot and PDFsharp give dash lengths in multiples of the stroke width.
            pen.DashPattern = dashArray;
        }
        return pen;
    }

    private static XSolidBrush? Brush(OxyColor color) => color.IsVisible() ? new XSolidBrush(ToColor(color)) : null;

    private static XColor ToColor(OxyColor color) => XColor.FromArgb(color.A, color.R, color.G, color.B);

    private static XRect ToRect(OxyRect rect) => new(rect.Left, rect.Top, rect.Width, rect.Height);

    private static XPoint[] ToPoints(IList<ScreenPoint> points)
    {
        var result = new XPoint[points.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new XPoint(points[i].X, points[i].Y);
        }
        return result;
    }
}
