using System.Security.Cryptography;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>
/// Sign-in takes as long for an email no account uses, and for a locked or disabled account (whose
/// password Identity does not check), as for a wrong password: the password is checked against a
/// dummy hash made by the same hasher, so it costs what a real check costs.
/// </summary>
public sealed class DummyPasswordCheck(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private static string? _hash;

    public void Run(string? password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
