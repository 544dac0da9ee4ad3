using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.CounselorHome;

/// <summary>A list on the home page: its first rows and how many there are in all ("and 3 more").</summary>
public sealed record Bounded<T>(IReadOnlyList<T> Items, int Total)
{
    public int More => Math.Max(0, Total - Items.Count);
}

public sealed record HomeAlert(Guid Id, Guid CaseId, string CaseTitle, Guid OccurrenceId, string ClientName, DateTimeOffset RaisedAt, bool FromDraft);

public sealed record HomeSession(
    Guid Id, Guid CaseId, string CaseTitle, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status,
    IReadOnlyList<string> Attendees, int Handouts, int HandoutsReady, Guid? HandoutBatchId)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

public sealed record CaseListRow(Guid Id, string Title, CaseKind Kind, IReadOnlyList<string> Clients, DateTimeOffset LastActivity);

/// <summary>
/// The home page's reads of alerts, sessions and cases. Each list is one statement that projects what the page
/// shows, cut to a few rows, with its total counted in the same statement, added to the page's batch (one round
/// trip for every list); "the user's cases" is always
/// <see cref="CaseAccess.ManagedBy"/> (a counselor's own, an admin's all).
/// </summary>
public static class HomeQueries
{
    public const int AlertsShown = 10;
    public const int SessionsShown = 30;
    public const int CasesShown = 50;

    public static IQueryable<Guid> CaseIdsOf(AppDbContext db, ClaimsPrincipal user) => db.Cases.ManagedBy(user).Select(c => c.Id);

    public static IQueryable<SafetyAlert> OpenAlerts(AppDbContext db, ClaimsPrincipal user)
    {
        var cases = CaseIdsOf(db, user);
        return db.SafetyAlerts.Where(a => a.Status == SafetyAlertStatus.Open && cases.Contains(a.CaseId));
    }

    /// <summary>Open safety alerts, newest first: who and in which case, never what they answered (a list of <see cref="HomeAttention"/>).</summary>
    public static IQueryable<AttentionRow> AlertRows(AppDbContext db, ClaimsPrincipal user)
    {
        var open = OpenAlerts(db, user);
        return (
                from a in open.AsNoTracking()
                join c in db.Cases on a.CaseId equals c.Id
                join u in db.Users on a.ClientId equals u.Id
                orderby a.RaisedAt descending, a.Id
                select new AttentionRow
                {
                    List = AttentionRow.Alerts, Id = a.Id, CaseId = a.CaseId, CaseTitle = c.Title, ClientName = u.DisplayName, At = a.RaisedAt,
                    Title = null, OccurrenceId = a.OccurrenceId, Number = a.Source == SafetyAlertSource.Draft ? 1 : 0, Total = open.Count(),
                })
            .Take(AlertsShown);
    }

    /// <summary>Sessions starting in [from, until), cancelled ones left out, soonest first, with who attends and the handouts made for them.</summary>
    public static Batched<Bounded<HomeSession>> Sessions(QueryBatch batch, AppDbContext db, ClaimsPrincipal user, DateTimeOffset from, DateTimeOffset until)
    {
        var cases = CaseIdsOf(db, user);
        var coming = db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= from && s.StartsAt < until && s.Status != SessionStatus.Cancelled && cases.Contains(s.CaseId));
        return batch.Add(coming
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Take(SessionsShown)
            .Select(s => new
            {
                s.Id, s.CaseId, s.StartsAt, s.DurationMinutes, s.Status,
                CaseTitle = db.Cases.Where(c => c.Id == s.CaseId).Select(c => c.Title).First(),
                Attendees = s.Attendees.Join(db.Users, a => a.ClientId, u => u.Id, (a, u) => u.DisplayName).OrderBy(n => n).ToList(),
                Handouts = db.Handouts.Count(h => h.SessionId == s.Id),
                Ready = db.Handouts.Count(h => h.SessionId == s.Id && h.Status == HandoutStatus.Ready),
                Batch = db.Handouts.Where(h => h.SessionId == s.Id).OrderByDescending(h => h.CreatedAt).Select(h => (Guid?)h.BatchId).FirstOrDefault(),
                Total = coming.Count(),
            }),
            rows => new Bounded<HomeSession>(rows.Select(r => new HomeSession(r.Id, r.CaseId, r.CaseTitle, r.StartsAt, r.DurationMinutes, r.Status,
                r.Attendees, r.Handouts, r.Ready, r.Batch)).ToList(), rows.FirstOrDefault()?.Total ?? 0));
    }

    /// <summary>
    /// The user's open cases, by title, that match <paramref name="search"/> (a part of the title or of a client's
    /// name), with their clients and when anything last happened in them: homework assigned, worked on or
    /// reviewed, a session held, or the case opened.
    /// </summary>
    public static Batched<Bounded<CaseListRow>> Cases(QueryBatch batch, AppDbContext db, ClaimsPrincipal user, string? search, DateTimeOffset now)
    {
        var cases = db.Cases.AsNoTracking().ManagedBy(user).Where(c => !c.IsClosed);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            cases = cases.Where(c => EF.Functions.ILike(c.Title, pattern, "\\")
                || c.Clients.Any(x => db.Users.Any(u => u.Id == x.ClientId && EF.Functions.ILike(u.DisplayName, pattern, "\\"))));
        }
        return batch.Add(cases
            .OrderBy(c => c.Title).ThenBy(c => c.Id)
            .Take(CasesShown)
            .Select(c => new
            {
                c.Id, c.Title, c.Kind, c.CreatedAt,
                Clients = c.Clients.OrderBy(x => x.AddedAt).Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => u.DisplayName).ToList(),
                Worked = db.Occurrences.Where(o => o.CaseId == c.Id).Max(o => (DateTimeOffset?)o.UpdatedAt),
                Met = db.Sessions.Where(s => s.CaseId == c.Id && s.StartsAt <= now && s.Status != SessionStatus.Cancelled).Max(s => (DateTimeOffset?)s.StartsAt),
                Total = cases.Count(),
            }),
            rows => new Bounded<CaseListRow>(rows.Select(r => new CaseListRow(r.Id, r.Title, r.Kind, r.Clients,
                new[] { r.CreatedAt, r.Worked ?? r.CreatedAt, r.Met ?? r.CreatedAt }.Max())).ToList(), rows.FirstOrDefault()?.Total ?? 0));
    }

    /// <summary>What a person typed, matched literally by LIKE (its % and _ are not wildcards).</summary>
    public static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

public sealed record ResolvedAlert(Guid Id, Guid CaseId, string CaseTitle, string ClientName, DateTimeOffset RaisedAt, DateTimeOffset ResolvedAt,
    string? ResolvedBy, string? Note);

/// <summary>The alerts page's list of alerts resolved lately.</summary>
public static class ResolvedAlerts
{
    public const int Days = 30;
    public const int Shown = 50;

    public static Task<List<ResolvedAlert>> RecentAsync(AppDbContext db, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var cases = HomeQueries.CaseIdsOf(db, user);
        var since = now.AddDays(-Days);
        return (
                from a in db.SafetyAlerts.AsNoTracking()
                where a.Status == SafetyAlertStatus.Resolved && a.ResolvedAt >= since && cases.Contains(a.CaseId)
                join c in db.Cases on a.CaseId equals c.Id
                join u in db.Users on a.ClientId equals u.Id
                orderby a.ResolvedAt descending, a.Id
                select new ResolvedAlert(a.Id, a.CaseId, c.Title, u.DisplayName, a.RaisedAt, a.ResolvedAt!.Value,
                    db.Users.Where(r => r.Id == a.ResolvedBy).Select(r => r.DisplayName).FirstOrDefault(), a.ResolutionNote))
            .Take(Shown)
            .ToListAsync(ct);
    }
}
