using PdfSharp.Fonts;

namespace CounselorSuite.Documents.Fonts;

/// <summary>
/// Gives PDFsharp the DejaVu fonts on Linux, where it finds no fonts of its own.
/// </summary>
/// <remarks>
/// Italic is simulated (slanted) from the upright faces rather than taken from DejaVu's Oblique files:
/// DejaVu Sans Oblique is itself a mechanically slanted Sans, so the result looks the same, while every
/// embedded face adds about 17 KB to a document even when subset (PDFsharp keeps its full width table).
/// Any family other than DejaVu Sans Mono resolves to DejaVu Sans, so charts asking for "Segoe UI" or
/// "Arial" still draw, in the font the text was measured with.
/// </remarks>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        bool mono = string.Equals(familyName, DejaVuFonts.SansMono, StringComparison.OrdinalIgnoreCase);
        DejaVuFace face = (mono, bold) switch
        {
            (true, true) => DejaVuFonts.MonoBold,
            (true, false) => DejaVuFonts.MonoRegular,
            (false, true) => DejaVuFonts.Bold,
            (false, false) => DejaVuFonts.Regular,
        };
        return new FontResolverInfo(face.FaceName, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => DejaVuFonts.FindByFaceName(faceName)?.Bytes;
}
