using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>
/// Finds which practice a login name (email or username) belongs to, and binds the unit of work to it,
/// so Identity can then load the account through the practice filter and row-level security.
/// </summary>
public sealed class SignInDirectory(AppDbContext db, TenantContext tenant, ILookupNormalizer normalizer)
{
    public string Normalize(string loginName) => normalizer.NormalizeName(loginName.Trim()) ?? "";

    /// <returns>false when no account has that name; the caller answers as for a wrong password.</returns>
    public async Task<bool> BindPracticeOfAsync(string loginName, CancellationToken ct)
    {
        var normalized = Normalize(loginName);
        var entry = await db.LoginNames.AsNoTracking().FirstOrDefaultAsync(l => l.NormalizedName == normalized, ct);
        // A unit of work already bound to another practice never switches: the caller answers as for
        // an unknown name.
        if (entry is null || (tenant.HasPractice && tenant.PracticeId != entry.PracticeId))
        {
            return false;
        }
        tenant.Set(entry.PracticeId);
        return true;
    }

    /// <summary>
    /// Binds the practice of an account known only by its id, as in the second step of a two-factor
    /// sign-in, where Identity's interim cookie carries the user id and nothing else. Ids are unique
    /// across the installation (UUID v7), so the directory entry names exactly one practice.
    /// </summary>
    public async Task<bool> BindPracticeOfUserAsync(Guid userId, CancellationToken ct)
    {
        var practiceId = await db.LoginNames.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => (Guid?)l.PracticeId).FirstOrDefaultAsync(ct);
        if (practiceId is not { } id)
        {
            return false;
        }
        if (tenant.HasPractice && tenant.PracticeId != id)
        {
            return false;
        }
        tenant.Set(id);
        return true;
    }

    public Task<bool> IsTakenAsync(string loginName, CancellationToken ct)
    {
        var normalized = Normalize(loginName);
        return db.LoginNames.AnyAsync(l => l.NormalizedName == normalized, ct);
    }
}
