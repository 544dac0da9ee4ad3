using System.Globalization;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.DataRights;

/// <summary>The client's account, profile and the cases they are in (without the other clients' details).</summary>
internal sealed class ProfileExportContributor(AppDbContext db) : IClientDataExportContributor
{
    public async Task ContributeAsync(ClientExportContext export, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == export.ClientId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.UserName, u.CreatedAt, u.TwoFactorEnabled, u.TimeZone })
            .FirstAsync(ct);
        var profile = await db.ClientProfiles.AsNoTracking().Where(p => p.UserId == export.ClientId)
            .Select(p => new { p.RemindersEnabled, p.QuietHoursStart, p.QuietHoursEnd })
            .FirstOrDefaultAsync(ct);
        export.AddJson("profile.json", new
        {
            user.Id, user.DisplayName, user.Email, user.UserName, user.CreatedAt, user.TwoFactorEnabled,
            user.TimeZone, profile?.RemindersEnabled,
            QuietHoursStart = profile?.QuietHoursStart.ToString("HH:mm", CultureInfo.InvariantCulture), QuietHoursEnd = profile?.QuietHoursEnd.ToString("HH:mm", CultureInfo.InvariantCulture),
        });

        var cases = await db.CaseClients.AsNoTracking().Where(cc => cc.ClientId == export.ClientId)
            .Join(db.Cases, cc => cc.CaseId, c => c.Id, (cc, c) => new
            {
                c.Id, c.Title, Kind = c.Kind.ToString(), Confidentiality = c.Confidentiality.ToString(), c.CreatedAt,
                JoinedAt = cc.AddedAt, c.IsClosed,
                Counselors = c.Counselors.Join(db.Users, x => x.CounselorId, u => u.Id, (x, u) => u.DisplayName).ToList(),
            })
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);
        export.AddJson("cases.json", cases);
    }
}
