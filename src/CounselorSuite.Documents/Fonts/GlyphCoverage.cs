using System.Buffers.Binary;
using System.Collections;

namespace CounselorSuite.Documents.Fonts;

/// <summary>
/// Which Unicode code points a TrueType font has a glyph for, read from its <c>cmap</c> table.
/// </summary>
/// <remarks>
/// PDFsharp draws a character the font lacks as glyph 0 (an empty box) without telling anyone, and its
/// own cmap reader is internal. Reading the table here lets the renderer report such characters instead.
/// Only the Unicode subtables matter: format 4 (the Basic Multilingual Plane) and format 12 (all planes).
/// </remarks>
internal sealed class GlyphCoverage
{
    private const int CodePointCount = 0x110000;
    private readonly BitArray covered = new(CodePointCount);

    private GlyphCoverage()
    {
    }

    public bool Covers(int codePoint) => codePoint is >= 0 and < CodePointCount && covered[codePoint];

    public static GlyphCoverage FromTrueType(ReadOnlySpan<byte> font)
    {
        var result = new GlyphCoverage();
        int cmap = FindTable(font, "cmap");
        if (cmap < 0)
        {
            throw new InvalidDataException("The font has no cmap table.");
        }

        int subtableCount = U16(font, cmap + 2);
        int bestOffset = -1;
        int bestRank = 0;
        for (int i = 0; i < subtableCount; i++)
        {
            int record = cmap + 4 + (i * 8);
            int rank = Rank(U16(font, record), U16(font, record + 2));
            if (rank > bestRank)
            {
                bestRank = rank;
                bestOffset = cmap + (int)U32(font, record + 4);
            }
        }
        if (bestOffset < 0)
        {
            throw new InvalidDataException("The font has no Unicode cmap subtable.");
        }

        switch (U16(font, bestOffset))
        {
            case 4:
                result.ReadFormat4(font, bestOffset);
                break;
            case 12:
                result.ReadFormat12(font, bestOffset);
                break;
            default:
                throw new InvalidDataException($"Unsupported cmap subtable format {U16(font, bestOffset)}.");
        }
        return result;
    }

    // Prefer the full-repertoire subtable (Windows UCS-4, format 12) over the BMP-only one.
    private static int Rank(int platform, int encoding) => (platform, encoding) switch
    {
        (3, 10) => 4,
        (0, 4) or (0, 6) => 3,
        (3, 1) => 2,
        (0, _) => 1,
        _ => 0,
    };

    private void ReadFormat4(ReadOnlySpan<byte> font, int table)
    {
        int segments = U16(font, table + 6) / 2;
        int endCodes = table + 14;
        int startCodes = endCodes + (segments * 2) + 2;
        int deltas = startCodes + (segments * 2);
        int rangeOffsets = deltas + (segments * 2);
        for (int s = 0; s < segments; s++)
        {
            int end = U16(font, endCodes + (s * 2));
            int start = U16(font, startCodes + (s * 2));
            int delta = U16(font, deltas + (s * 2));
            int rangeOffsetAt = rangeOffsets + (s * 2);
            int rangeOffset = U16(font, rangeOffsetAt);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    int glyphAt = rangeOffsetAt + rangeOffset + ((c - start) * 2);
                    glyph = U16(font, glyphAt);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                covered[c] = glyph != 0;
            }
        }
    }

    private void ReadFormat12(ReadOnlySpan<byte> font, int table)
    {
        long groups = U32(font, table + 12);
        for (long g = 0; g < groups; g++)
        {
            int group = table + 16 + (int)(g * 12);
            long start = U32(font, group);
            long end = Math.Min(U32(font, group + 4), CodePointCount - 1);
            long firstGlyph = U32(font, group + 8);
            for (long c = start; c <= end; c++)
            {
                covered[(int)c] = firstGlyph + (c - start) != 0;
            }
        }
    }

    private static int FindTable(ReadOnlySpan<byte> font, string tag)
    {
        int tableCount = U16(font, 4);
        for (int i = 0; i < tableCount; i++)
        {
            int record = 12 + (i * 16);
            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                return (int)U32(font, record + 8);
            }
        }
        return -1;
    }

    private static int U16(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt16BigEndian(font[at..]);

    private static long U32(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt32BigEndian(font[at..]);
}
