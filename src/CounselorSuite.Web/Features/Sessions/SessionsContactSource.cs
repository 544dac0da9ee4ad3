using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

/// <summary>For the retention period: the start of the latest session the client was booked into and that was not cancelled.</summary>
internal sealed class SessionsContactSource(AppDbContext db) : IClientContactSource
{
    public Task<DateTimeOffset?> LastContactAsync(Guid clientId, CancellationToken ct) =>
        db.Sessions.Where(s => s.Attendees.Any(a => a.ClientId == clientId) && s.Status != SessionStatus.Cancelled)
            .MaxAsync(s => (DateTimeOffset?)s.StartsAt, ct);
}
