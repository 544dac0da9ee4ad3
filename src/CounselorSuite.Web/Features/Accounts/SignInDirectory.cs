using CounselorSuite.Web.Domain;
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
        if (entry is null)
        {
            return false;
        }
        tenant.Set(entry.PracticeId);
        return true;
    }

    public Task<bool> IsTakenAsync(string loginName, CancellationToken ct)
    {
        var normalized = Normalize(loginName);
        return db.LoginNames.AnyAsync(l => l.NormalizedName == normalized, ct);
    }
}
