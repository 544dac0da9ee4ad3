using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.DataRights;

/// <summary>Whose data rights a caller may exercise: their own (a client), or a client of a case they manage.</summary>
public static class ClientReach
{
    public static async Task<bool> CanReachAsync(AppDbContext db, ClaimsPrincipal user, Guid clientId, CancellationToken ct)
    {
        var isClient = await db.UserRoles.AnyAsync(r => r.UserId == clientId && r.RoleId == Roles.ClientId, ct);
        if (!isClient)
        {
            return false;
        }
        if (user.IsClient())
        {
            return user.UserId() == clientId;
        }
        return await db.Cases.ManagedBy(user).AnyAsync(c => c.Clients.Any(x => x.ClientId == clientId), ct)
            || (user.IsAdmin() && isClient);
    }
}
