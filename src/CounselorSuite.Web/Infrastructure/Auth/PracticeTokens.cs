using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CounselorSuite.Web.Infrastructure.Auth;

/// <summary>
/// A token handed to someone who is not signed in yet (an invitation link, a refresh token, a password
/// reset link) is "practice id . secret". The practice part lets the anonymous request be bound to the
/// right practice before the token is looked up; only the secret's SHA-256 is stored, so a database dump
/// holds nothing usable.
/// </summary>
public static class PracticeTokens
{
    public static (string Token, string Hash) Create(Guid practiceId)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return ($"{practiceId:N}.{secret}", Hash(secret));
    }

    public static bool TryParse(string? token, out Guid practiceId, out string hash)
    {
        practiceId = Guid.Empty;
        hash = "";
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return false;
        }
        var parts = token.Trim().Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out practiceId) || parts[1].Length < 20)
        {
            return false;
        }
        hash = Hash(parts[1]);
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
