using System.Globalization;
using System.Text;
using CounselorSuite.Documents.Fonts;

namespace CounselorSuite.Documents.Layout;

/// <summary>
/// Prepares text for drawing with DejaVu and records every character the font cannot draw.
/// </summary>
/// <remarks>
/// A missing character is replaced by U+FFFD (a visible "?" diamond) rather than PDFsharp's silent empty
/// glyph, and reported with where it occurs, so a counsellor learns that a word will not print.
/// </remarks>
internal sealed class GlyphGuard
{
    private const char Replacement = '\uFFFD';
    private readonly List<MissingCharacter> missing = [];
    private readonly HashSet<(int CodePoint, string Location)> reported = [];

    public IReadOnlyList<MissingCharacter> Missing => missing;

    public string Prepare(string text, bool bold, string location)
    {
        GlyphCoverage coverage = (bold ? DejaVuFonts.Bold : DejaVuFonts.Regular).Coverage;
        if (IsPlainPrintable(text, coverage))
        {
            return text;
        }

        // NFC first: PDFsharp does no glyph positioning, so "e" + a combining accent would print the accent
        // beside the letter; the precomposed "é" is one glyph DejaVu has.
        string composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(composed.Length);
        foreach (Rune rune in composed.EnumerateRunes())
        {
            switch (Classify(rune))
            {
                case RuneKind.LineBreak:
                    result.Append('\n');
                    break;
                case RuneKind.Space:
                    result.Append(' ');
                    break;
                case RuneKind.Invisible:
                    break;
                case RuneKind.Drawable when coverage.Covers(rune.Value):
                    result.Append(rune.ToString());
                    break;
                default:
                    Report(rune, location);
                    result.Append(Replacement);
                    break;
            }
        }
        return result.ToString();
    }

    private void Report(Rune rune, string location)
    {
        if (reported.Add((rune.Value, location)))
        {
            missing.Add(new MissingCharacter(rune.ToString(), rune.Value, location));
        }
    }

    private static bool IsPlainPrintable(string text, GlyphCoverage coverage)
    {
        foreach (char c in text)
        {
            if (c is < ' ' or > '~' && (c == '\t' || char.IsControl(c) || !coverage.Covers(c)))
            {
                return false;
            }
        }
        return true;
    }

    private enum RuneKind
    {
        Drawable,
        LineBreak,
        Space,
        Invisible,
    }

    // Soft hyphens, zero-width characters and emoji variation selectors only steer layout in other
    // renderers; drawn here they would each show up as a glyph or a replacement mark.
    private static RuneKind Classify(Rune rune) => rune.Value switch
    {
        '\n' or 0x2028 or 0x2029 => RuneKind.LineBreak,
        '\t' or '\r' => RuneKind.Space,
        0x00AD or (>= 0x200B and <= 0x200F) or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F) => RuneKind.Invisible,
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control => RuneKind.Invisible,
        _ => RuneKind.Drawable,
    };
}
