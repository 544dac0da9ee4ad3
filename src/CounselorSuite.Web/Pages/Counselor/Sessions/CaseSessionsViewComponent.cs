using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

public sealed record CaseSessionRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status, int Attendees, int Notes);

public sealed record CaseSessionsModel(IReadOnlyList<CaseSessionRow> Upcoming, IReadOnlyList<CaseSessionRow> Past, BookSessionForm Form);

/// <summary>
/// The case page's sessions section: what is booked, what happened, and the booking form. A view
/// component, so the sessions feature fills its slot on the case page without the page knowing its data.
/// </summary>
public sealed class CaseSessionsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var ct = HttpContext.RequestAborted;
        if (!await db.Cases.AsNoTracking().ManagedBy(HttpContext.User).AnyAsync(c => c.Id == caseId, ct))
        {
            return Content("");
        }
        var rows = await db.Sessions.AsNoTracking().Where(s => s.CaseId == caseId)
            .OrderByDescending(s => s.StartsAt)
            .Take(50)
            .Select(s => new CaseSessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Status, s.Attendees.Count,
                db.Notes.Count(n => n.SessionId == s.Id)))
            .ToListAsync(ct);
        var clients = await db.CaseClients.AsNoTracking().Where(x => x.CaseId == caseId)
            .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new { u.Id, u.DisplayName })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var form = new BookSessionForm { CaseId = caseId, CaseClients = clients.Select(c => (c.Id, c.DisplayName)).ToList() };
        return View("/Pages/Counselor/Sessions/_CaseSessions.cshtml", new CaseSessionsModel(
            rows.Where(r => r.StartsAt >= now).OrderBy(r => r.StartsAt).ToList(),
            rows.Where(r => r.StartsAt < now).ToList(),
            form));
    }
}
