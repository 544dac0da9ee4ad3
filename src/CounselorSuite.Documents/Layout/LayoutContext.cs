using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Everything block layout needs for one document: measuring, styling, limits and the glyph report.</summary>
internal sealed class LayoutContext(XGraphics measure, LayoutTheme theme, double contentWidth, double contentHeight) : IDisposable
{
    private readonly List<IDisposable> keptAlive = [];

    public LayoutTheme Theme { get; } = theme;

    public TextWrapper Text { get; } = new(measure);

    public GlyphGuard Glyphs { get; } = new();

    public double ContentWidth { get; } = contentWidth;

    public double ContentHeight { get; } = contentHeight;

    /// <summary>Keeps a resource (an image) alive until the document has been written.</summary>
    public T KeepAlive<T>(T resource)
        where T : IDisposable
    {
        keptAlive.Add(resource);
        return resource;
    }

    public void Dispose()
    {
        foreach (IDisposable resource in keptAlive)
        {
            resource.Dispose();
        }
        measure.Dispose();
    }
}
