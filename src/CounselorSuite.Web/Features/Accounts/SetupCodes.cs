using System.Security.Cryptography;
using System.Text;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>
/// One-time setup codes for clients without an email address of their own: 12 characters from an
/// alphabet without look-alikes (no 0/O, 1/I), shown grouped as XXXX-XXXX-XXXX, read case-insensitively
/// and with or without the dashes. Only a hash is stored, as for link tokens.
/// </summary>
public static class SetupCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 12;

    public static (string Code, string Hash) Create()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        var code = new string(chars);
        return ($"{code[..4]}-{code[4..8]}-{code[8..]}", Hash(code));
    }

    public static bool TryHash(string? typed, out string hash)
    {
        hash = "";
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return false;
        }
        var clean = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (clean.Length != Length)
        {
            return false;
        }
        hash = Hash(clean);
        return true;
    }

    // Prefixed so a setup code's hash can never equal a link secret's hash.
    private static string Hash(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("setup-code:" + normalizedCode)));
}
