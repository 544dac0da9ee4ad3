using System.Security.Claims;
using CounselorSuite.Web.Infrastructure.Auth;

namespace CounselorSuite.Web.Features.Cases;

/// <summary>
/// Who sees which case inside a practice: an admin sees all, a counselor the cases they are on, a
/// client the cases they are in. Every case query starts here; a case outside it answers 404.
/// </summary>
public static class CaseAccess
{
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        if (user.IsAdmin())
        {
            return cases;
        }
        if (user.IsCounselor())
        {
            return cases.Where(c => c.Counselors.Any(x => x.CounselorId == userId));
        }
        if (user.IsClient())
        {
            return cases.Where(c => c.Clients.Any(x => x.ClientId == userId));
        }
        return cases.Where(_ => false);
    }

    /// <summary>Cases the user works on as staff (admin or counselor of the case), never as a client.</summary>
    public static IQueryable<Case> ManagedBy(this IQueryable<Case> cases, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        if (user.IsAdmin())
        {
            return cases;
        }
        if (user.IsCounselor())
        {
            return cases.Where(c => c.Counselors.Any(x => x.CounselorId == userId));
        }
        return cases.Where(_ => false);
    }
}
