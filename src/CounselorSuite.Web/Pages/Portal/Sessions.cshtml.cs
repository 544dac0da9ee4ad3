using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Portal;

public sealed class SessionsModel(AppDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public List<MySessionResponse> Upcoming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return Forbid();
        }
        (Upcoming, _) = await SessionsApi.MySessionsAsync(db, User.UserId(), clock.GetUtcNow(), 1, 100, ct);
        await audit.WriteAsync(new AuditEntry(AuditActions.SessionsListed, "User", User.UserId(), [User.UserId()]), ct);
        return Page();
    }
}
