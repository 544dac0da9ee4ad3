using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Pages;

public sealed record PracticeLookView(
    Guid Id, string Name, string QuickExitUrl, int PortalInactivityMinutes, string HelpResources, string AccentColor, string ContactLine,
    string PortalName, string PortalFooter);

/// <summary>
/// The current practice's settings that layouts and pages show; read once per request, and not at all when the
/// session check read them already (<see cref="Auth.SessionFacts"/>).
/// </summary>
public sealed class PracticeLook(AppDbContext db, TenantContext tenant, IHttpContextAccessor http)
{
    private PracticeLookView? _loaded;

    public async Task<PracticeLookView?> GetAsync(CancellationToken ct)
    {
        if (_loaded is not null || !tenant.HasPractice)
        {
            return _loaded;
        }
        if (http.HttpContext is { } context && Auth.SessionFacts.Of(context)?.Look is { } known && known.Id == tenant.PracticeId)
        {
            return _loaded = known;
        }
        return _loaded = await db.Practices.AsNoTracking().Where(p => p.Id == tenant.PracticeId)
            .Select(p => new PracticeLookView(p.Id, p.Name, p.QuickExitUrl, p.PortalInactivityMinutes, p.HelpResources, p.AccentColor, p.ContactLine,
                p.PortalName, p.PortalFooter))
            .FirstOrDefaultAsync(ct);
    }
}
