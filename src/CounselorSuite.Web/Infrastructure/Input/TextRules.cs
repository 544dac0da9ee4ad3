using System.Globalization;
using System.Text;

namespace CounselorSuite.Web.Infrastructure.Input;

/// <summary>
/// What text the app accepts from anyone: no control characters except tab and line breaks, no unpaired
/// surrogates and no Unicode noncharacters. PostgreSQL refuses NUL, and the PDF renderer refuses the rest
/// later, where the person who typed them can no longer be told. Checked once for every input
/// (<see cref="InputGuardMiddleware"/> for the API, <see cref="InputGuardPageFilter"/> for pages).
/// </summary>
public static class TextRules
{
    public const string Refused = "Contains a character that cannot be stored (a control or invalid character). Remove it and try again.";

    public static bool IsAcceptable(string? value)
    {
        if (value is null)
        {
            return true;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var code = char.ConvertToUtf32(c, value[++i]);
                if ((code & 0xFFFE) == 0xFFFE)
                {
                    return false; // U+1FFFE, U+1FFFF ... are noncharacters too
                }
                continue;
            }
            if (!IsAcceptable(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAcceptable(char c) => c switch
    {
        '\t' or '\n' or '\r' => true, // browsers send a textarea's line breaks as CR LF
        _ when char.IsControl(c) || char.IsSurrogate(c) => false,
        _ when c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' => false,
        _ => true,
    };

    /// <summary>
    /// Stricter, for secrets another program must read back exactly (PDF passwords): no invisible
    /// formatting such as right-to-left overrides, no private-use or unassigned characters.
    /// </summary>
    public static bool IsPlainSecret(string value) => IsAcceptable(value) && value.EnumerateRunes().All(r =>
        Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));
}
