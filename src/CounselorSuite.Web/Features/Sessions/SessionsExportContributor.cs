using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

/// <summary>The sessions the client was booked into: when, where and what became of them. Never notes.</summary>
internal sealed class SessionsExportContributor(AppDbContext db) : IClientDataExportContributor
{
    public async Task ContributeAsync(ClientExportContext export, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Attendees.Any(a => a.ClientId == export.ClientId))
            .OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.CaseId, s.StartsAt, s.DurationMinutes, Status = s.Status.ToString(), s.Location, s.VideoLink,
                CancelledBy = s.CancelledBy.ToString(), s.CancelledAt,
            })
            .ToListAsync(ct);
        export.AddJson("sessions.json", sessions);
    }
}
