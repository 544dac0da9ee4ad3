using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// A handout's password between the request and the render: encrypted with a data-protection key that
/// expires, read once by the job, and erased when the PDF is made. The owner password is random and never kept.
/// </summary>
public sealed class HandoutPasswords(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("CounselorSuite.Handouts.Password.v1").ToTimeLimitedDataProtector();

    public string Protect(string password) => _protector.Protect(password, Lifetime);

    /// <summary>The password, or null when it can no longer be read (expired or keys lost).</summary>
    public string? Unprotect(string protectedPassword)
    {
        try
        {
            return _protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Four groups of four letters and digits without look-alikes, e.g. "k7mf-3qpx-…": easy to read aloud.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 4, 4)));
    }

    public static string RandomOwnerPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
