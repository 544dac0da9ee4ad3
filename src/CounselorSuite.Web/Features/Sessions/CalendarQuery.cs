using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

public sealed record CalendarEntry(Guid Id, Guid CaseId, string CaseTitle, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status, string? Location);

public static class CalendarQuery
{
    /// <summary>The counselor's own sessions (cases they are on) starting in [from, until).</summary>
    public static Task<List<CalendarEntry>> ForCounselorAsync(AppDbContext db, Guid counselorId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= from && s.StartsAt < until
                && db.CaseCounselors.Any(cc => cc.CaseId == s.CaseId && cc.CounselorId == counselorId))
            .OrderBy(s => s.StartsAt)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new CalendarEntry(s.Id, s.CaseId, c.Title, s.StartsAt, s.DurationMinutes, s.Status, s.Location))
            .ToListAsync(ct);
}
