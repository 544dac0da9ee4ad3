using System.Security.Claims;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Cases;

public sealed record CasePerson(Guid Id, string DisplayName, string Login);

public sealed record NextSession(Guid Id, DateTimeOffset StartsAt, int DurationMinutes);

/// <summary>
/// What every section of the case page shows above its own content: who is in the case, its kind, its
/// counselors, the next session and how many safety alerts are open. Also what the sections themselves
/// need of the case (its agreement, whether the reader is one of its counselors), so no section asks again.
/// </summary>
public sealed record CaseHeader(
    Guid Id, string Title, CaseKind Kind, ConfidentialityAgreement Confidentiality,
    IReadOnlyList<CasePerson> Clients, IReadOnlyList<CasePerson> Counselors,
    NextSession? Next, int OpenAlerts, bool ReaderIsCounselor)
{
    public string NameOf(Guid clientId) => Clients.FirstOrDefault(c => c.Id == clientId)?.DisplayName ?? "A former client";

    /// <summary>
    /// The header in one statement (the people as two small correlated lists, the rest as scalar
    /// subqueries), or null when the reader does not manage the case: the sections answer 404 then.
    /// </summary>
    public static async Task<CaseHeader?> LoadAsync(AppDbContext db, ClaimsPrincipal user, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var me = user.UserId();
        var row = await db.Cases.AsNoTracking().ManagedBy(user).Where(c => c.Id == caseId)
            .Select(c => new
            {
                c.Title,
                c.Kind,
                c.Confidentiality,
                Clients = c.Clients.OrderBy(x => x.AddedAt)
                    .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new CasePerson(u.Id, u.DisplayName, u.Email ?? u.UserName ?? ""))
                    .ToList(),
                Counselors = c.Counselors.OrderBy(x => x.AddedAt)
                    .Join(db.Users, x => x.CounselorId, u => u.Id, (x, u) => new CasePerson(u.Id, u.DisplayName, u.Email ?? ""))
                    .ToList(),
                // The case's id as a parameter, not c.Id: EF Core then filters the sessions before ranking them,
                // where a correlation would rank every upcoming session of the practice.
                Next = db.Sessions.Where(s => s.CaseId == caseId && s.Status == SessionStatus.Scheduled && s.StartsAt >= now)
                    .OrderBy(s => s.StartsAt)
                    .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes })
                    .FirstOrDefault(),
                OpenAlerts = db.SafetyAlerts.Count(a => a.CaseId == c.Id && a.Status == SafetyAlertStatus.Open),
                Mine = c.Counselors.Any(x => x.CounselorId == me),
            })
            // One round trip: a case has a handful of people, so their cross product stays tiny.
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new CaseHeader(caseId, row.Title, row.Kind, row.Confidentiality, row.Clients, row.Counselors,
                row.Next is { } next ? new NextSession(next.Id, next.StartsAt, next.DurationMinutes) : null, row.OpenAlerts, row.Mine);
    }
}
