using System.Collections.Concurrent;
using System.Security.Cryptography;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>
/// Sign-in takes as long for an email no account uses, and for a locked or disabled account (whose
/// password Identity does not check), as for a wrong password: the password is checked against a
/// dummy hash made by the same hasher, so it costs what a real check costs.
/// </summary>
public sealed class DummyPasswordCheck(IPasswordHasher<AppUser> hasher, IOptions<PasswordHasherOptions> options)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };

    // One dummy hash per hashing cost: a hash records its own round count, so a hash made by a host with other
    // settings (tests run hosts with one round and with the real count in one process) would cost the wrong time.
    private static readonly ConcurrentDictionary<int, string> Hashes = new();

    public void Run(string? password)
    {
        var hash = Hashes.GetOrAdd(options.Value.IterationCount,
            _ => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
        hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
