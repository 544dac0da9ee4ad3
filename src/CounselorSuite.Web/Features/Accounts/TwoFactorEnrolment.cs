using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Accounts;

public static class TwoFactorEnrolment
{
    /// <summary>
    /// The staff account behind a login name when its practice demands two-factor sign-in and the
    /// account has not set it up yet; otherwise null.
    /// </summary>
    public static async Task<AppUser?> IsMissingAsync(UserManager<AppUser> users, AppDbContext db, string loginName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(loginName.Trim());
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }
        var required = await db.Practices.Where(p => p.Id == user.PracticeId).Select(p => p.RequireStaffTwoFactor).FirstOrDefaultAsync(ct);
        if (!required)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        return Roles.IsStaff(roles) ? user : null;
    }
}
