using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.CaseFile;

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
    /// The header as one statement of the page's batch (the people as two small correlated lists, the rest as
    /// scalar subqueries); null when the reader does not manage the case: the sections answer 404 then.
    /// </summary>
    public static Batched<CaseHeader?> AddTo(QueryBatch batch, AppDbContext db, ClaimsPrincipal user, Guid caseId, DateTimeOffset now) =>
        batch.Add(Query(db, user, caseId, now).Take(1), rows => rows.FirstOrDefault() is { } row ? From(caseId, row) : null);

    private static IQueryable<Row> Query(AppDbContext db, ClaimsPrincipal user, Guid caseId, DateTimeOffset now)
    {
        var me = user.UserId();
        return db.Cases.AsNoTracking().ManagedBy(user).Where(c => c.Id == caseId)
            .Select(c => new Row
            {
                Title = c.Title,
                Kind = c.Kind,
                Confidentiality = c.Confidentiality,
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
                    .Select(s => new NextRow { Id = s.Id, StartsAt = s.StartsAt, DurationMinutes = s.DurationMinutes })
                    .FirstOrDefault(),
                OpenAlerts = db.SafetyAlerts.Count(a => a.CaseId == c.Id && a.Status == SafetyAlertStatus.Open),
                Mine = c.Counselors.Any(x => x.CounselorId == me),
            })
            // One statement: a case has a handful of people, so their cross product stays tiny.
            .AsSingleQuery();
    }

    private static CaseHeader From(Guid caseId, Row row) =>
        new(caseId, row.Title, row.Kind, row.Confidentiality, row.Clients, row.Counselors,
            row.Next is { } next ? new NextSession(next.Id, next.StartsAt, next.DurationMinutes) : null, row.OpenAlerts, row.Mine);

    // Classes, not anonymous types, so the query can leave this method (EF Core matches members by name).
    private sealed class Row
    {
        public string Title { get; init; } = "";
        public CaseKind Kind { get; init; }
        public ConfidentialityAgreement Confidentiality { get; init; }
        public List<CasePerson> Clients { get; init; } = [];
        public List<CasePerson> Counselors { get; init; } = [];
        public NextRow? Next { get; init; }
        public int OpenAlerts { get; init; }
        public bool Mine { get; init; }
    }

    private sealed class NextRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public int DurationMinutes { get; init; }
    }
}
