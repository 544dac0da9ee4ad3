using CounselorSuite.Documents.Fonts;
using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Fonts, colours and spacing of a handout, in one place so the look can be tuned without touching layout code.</summary>
internal sealed class LayoutTheme
{
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> fonts = [];

    public LayoutTheme(RgbColor accent)
    {
        Accent = XColor.FromArgb(accent.R, accent.G, accent.B);
        AccentBrush = new XSolidBrush(Accent);
        // The note background: the accent mixed with 92 % white, light enough to print on any printer.
        NoteBackground = new XSolidBrush(XColor.FromArgb(Tint(accent.R), Tint(accent.G), Tint(accent.B)));
    }

    public const double BodySize = 10.5;
    public const double SmallSize = 8.5;
    public const double ScaleNumberSize = 9;

    /// <summary>Generous leading: handouts are read by people under stress, often printed small.</summary>
    public const double LineSpacing = 1.45;

    public const double ParagraphGap = 6;
    public const double ListItemGap = 3;
    public const double ListIndent = 18;
    public const double PromptGap = 12;
    public const double NoteGap = 10;
    public const double MediaGap = 8;

    public XColor Accent { get; }

    public XBrush AccentBrush { get; }

    public XBrush NoteBackground { get; }

    public XBrush TextBrush { get; } = new XSolidBrush(XColor.FromArgb(0x22, 0x22, 0x22));

    public XBrush MutedBrush { get; } = new XSolidBrush(XColor.FromArgb(0x66, 0x66, 0x66));

    public XPen RulePen { get; } = new(XColor.FromArgb(0x9A, 0x9A, 0x9A), 0.6);

    public XPen BoxPen { get; } = new(XColor.FromArgb(0x44, 0x44, 0x44), 0.8);

    public XFont Font(double size, bool bold = false, bool italic = false)
    {
        var key = (size, bold, italic);
        if (!fonts.TryGetValue(key, out XFont? font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(DejaVuFonts.Sans, size, style);
            fonts[key] = font;
        }
        return font;
    }

    public static double HeadingSize(int level) => level switch
    {
        1 => 19,
        2 => 14.5,
        _ => 12,
    };

    public static double HeadingGap(int level) => level switch
    {
        1 => 14,
        2 => 12,
        _ => 9,
    };

    public static double LineHeight(double size) => size * LineSpacing;

    private static byte Tint(byte channel) => (byte)(channel + ((255 - channel) * 0.92));
}
