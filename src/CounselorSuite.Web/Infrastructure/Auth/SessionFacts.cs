using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Auth;

/// <summary>
/// What a page request needs to know about its signed-in user, read once per request in one statement:
/// the security stamp (a session whose stamp no longer matches is over: signed out, password changed,
/// two-factor switched, disabled by an admin, signed out everywhere), whether staff two-factor is
/// missing, the portal's inactivity time, the name pages greet them with, and their practice's look (the portal's
/// layout shows it on every page). Kept in the request for the page filters and pages that need it, so none of
/// them asks again.
/// </summary>
public sealed record SessionFacts(string? SecurityStamp, bool TwoFactorEnabled, bool PracticeRequiresStaffTwoFactor, int PortalInactivityMinutes,
    string DisplayName, Pages.PracticeLookView Look)
{
    private const string Key = "cs.session-facts";

    public static Task<SessionFacts?> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        (from u in db.Users.AsNoTracking()
         join p in db.Practices.AsNoTracking() on u.PracticeId equals p.Id
         where u.Id == userId
         select new SessionFacts(u.SecurityStamp, u.TwoFactorEnabled, p.RequireStaffTwoFactor, p.PortalInactivityMinutes, u.DisplayName,
             new Pages.PracticeLookView(p.Id, p.Name, p.QuickExitUrl, p.PortalInactivityMinutes, p.HelpResources, p.AccentColor, p.ContactLine,
                 p.PortalName, p.PortalFooter)))
        .FirstOrDefaultAsync(ct);

    public void KeepFor(HttpContext http) => http.Items[Key] = this;

    /// <summary>The facts this request's session was checked with, or null (not a cookie session).</summary>
    public static SessionFacts? Of(HttpContext http) => http.Items.TryGetValue(Key, out var facts) ? facts as SessionFacts : null;
}
