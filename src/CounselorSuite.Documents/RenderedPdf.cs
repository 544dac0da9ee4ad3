namespace CounselorSuite.Documents;

/// <summary>A rendered PDF and what the renderer could not do perfectly.</summary>
/// <param name="Bytes">The PDF file.</param>
/// <param name="PageCount">Number of pages.</param>
/// <param name="Warnings">Human-readable problems, e.g. characters the font cannot draw. Empty when all is well.</param>
/// <param name="MissingCharacters">The characters that were drawn as a replacement mark, with where they occur.</param>
public sealed record RenderedPdf(
    byte[] Bytes,
    int PageCount,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<MissingCharacter> MissingCharacters);

/// <summary>A character the font has no glyph for; it is printed as U+FFFD (�) so the gap stays visible.</summary>
/// <param name="Character">The character (one or two UTF-16 units).</param>
/// <param name="CodePoint">Its Unicode code point.</param>
/// <param name="Location">Where it occurs, e.g. "block 3 (paragraph) “Write 中 here…”".</param>
public sealed record MissingCharacter(string Character, int CodePoint, string Location)
{
    public override string ToString() => $"U+{CodePoint:X4} '{Character}' in {Location}";
}
