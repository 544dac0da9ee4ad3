using System.Security.Claims;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.CounselorHome;

public sealed record ReviewItem(Guid OccurrenceId, Guid CaseId, string CaseTitle, string ClientName, string ExerciseTitle, DateTimeOffset SubmittedAt);

/// <summary>One client's overdue items in a case.</summary>
public sealed record OverdueClient(string Name, int Items);

public sealed record OverdueCase(Guid CaseId, string CaseTitle, IReadOnlyList<OverdueClient> Clients, DateTimeOffset OldestDue)
{
    public int Items => Clients.Sum(c => c.Items);
}

public enum ClientActivity { Sent, Started, Shared, Joined }

public sealed record ActivityItem(DateTimeOffset At, ClientActivity Kind, Guid CaseId, string CaseTitle, string ClientName, string? ExerciseTitle, Guid? OccurrenceId);

/// <summary>
/// The homework lists of the home page: what waits for review, what is overdue, and what clients did lately.
/// They say what and who, never an answer: the answers stay on the item's own page, behind its access rules.
/// </summary>
public static class HomeworkAttention
{
    public const int ReviewsShown = 10;
    public const int ActivityShown = 10;
    public const int ActivityDays = 14;

    /// <summary>How many (case, client) pairs with overdue items are read; a case list longer than this says so.</summary>
    public const int OverdueRowsRead = 200;

    /// <summary>Submitted items not yet reviewed, the longest waiting first (a list of <see cref="HomeAttention"/>).</summary>
    public static IQueryable<AttentionRow> ReviewRows(AppDbContext db, ClaimsPrincipal user)
    {
        var cases = HomeQueries.CaseIdsOf(db, user);
        var waiting = db.Occurrences.AsNoTracking().Where(o => o.State == OccurrenceState.Submitted && cases.Contains(o.CaseId));
        return (
                from o in waiting
                join a in db.Assignments on o.AssignmentId equals a.Id
                join v in db.ExerciseVersions on a.ExerciseVersionId equals v.Id
                join c in db.Cases on o.CaseId equals c.Id
                join u in db.Users on o.ClientId equals u.Id
                orderby o.SubmittedAt, o.Id
                select new AttentionRow
                {
                    List = AttentionRow.ToReview, Id = o.Id, CaseId = o.CaseId, CaseTitle = c.Title, ClientName = u.DisplayName, At = o.SubmittedAt!.Value,
                    Title = v.Title, OccurrenceId = o.Id, Number = 0, Total = waiting.Count(),
                })
            .Take(ReviewsShown);
    }

    /// <summary>
    /// Items past due, not sent, of running assignments (what the case page calls Overdue), counted per case and
    /// client in the database; the pairs with the most first (a list of <see cref="HomeAttention"/>).
    /// </summary>
    public static IQueryable<AttentionRow> OverdueRows(AppDbContext db, ClaimsPrincipal user, DateTimeOffset now)
    {
        var cases = HomeQueries.CaseIdsOf(db, user);
        var counts =
            from o in db.Occurrences
            where (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress) && o.DueAt < now && cases.Contains(o.CaseId)
            join a in db.Assignments on o.AssignmentId equals a.Id
            where a.Status == AssignmentStatus.Active
            group o by new { o.CaseId, o.ClientId } into g
            select new { g.Key.CaseId, g.Key.ClientId, Items = g.Count(), Oldest = g.Min(o => o.DueAt!.Value) };
        return (
                from g in counts
                join c in db.Cases on g.CaseId equals c.Id
                join u in db.Users on g.ClientId equals u.Id
                orderby g.Items descending, g.CaseId
                select new AttentionRow
                {
                    // Ids the list does not use, as typed fillers: a NULL inside a subquery is text to PostgreSQL, which
                    // the union with the other lists' uuids refuses.
                    List = AttentionRow.Overdue, Id = g.CaseId, CaseId = g.CaseId, CaseTitle = c.Title, ClientName = u.DisplayName, At = g.Oldest,
                    Title = null, OccurrenceId = g.ClientId, Number = g.Items, Total = 0,
                })
            .AsNoTracking()
            .Take(OverdueRowsRead);
    }

    /// <summary>The overdue (case, client) rows as the page lists them: per case, the cases with the most first.</summary>
    public static IReadOnlyList<OverdueCase> OverdueCases(IEnumerable<AttentionRow> rows) =>
        rows.GroupBy(r => (r.CaseId, r.CaseTitle))
            .Select(g => new OverdueCase(g.Key.CaseId, g.Key.CaseTitle,
                g.OrderByDescending(r => r.Number).ThenBy(r => r.ClientName).Select(r => new OverdueClient(r.ClientName, r.Number)).ToList(),
                g.Min(r => r.At)))
            .OrderByDescending(c => c.Items).ThenBy(c => c.OldestDue)
            .ToList();

    /// <summary>What clients did in the last <see cref="ActivityDays"/> days, newest first: four kinds of event (a list of <see cref="HomeAttention"/>).</summary>
    public static IQueryable<AttentionRow> RecentRows(AppDbContext db, ClaimsPrincipal user, DateTimeOffset now)
    {
        var cases = HomeQueries.CaseIdsOf(db, user);
        var since = now.AddDays(-ActivityDays);
        var sent =
            from o in db.Occurrences
            where o.SubmittedAt >= since && cases.Contains(o.CaseId)
            join a in db.Assignments on o.AssignmentId equals a.Id
            join v in db.ExerciseVersions on a.ExerciseVersionId equals v.Id
            select new ActivityRow { At = o.SubmittedAt!.Value, Kind = ClientActivity.Sent, CaseId = o.CaseId, ClientId = o.ClientId, Title = v.Title, OccurrenceId = o.Id };
        // A draft's first save turns the item InProgress, and its UpdatedAt then stays until it is sent.
        var started =
            from o in db.Occurrences
            where o.State == OccurrenceState.InProgress && o.UpdatedAt >= since && cases.Contains(o.CaseId)
            join a in db.Assignments on o.AssignmentId equals a.Id
            join v in db.ExerciseVersions on a.ExerciseVersionId equals v.Id
            select new ActivityRow { At = o.UpdatedAt, Kind = ClientActivity.Started, CaseId = o.CaseId, ClientId = o.ClientId, Title = v.Title, OccurrenceId = o.Id };
        var shared =
            from sh in db.Shares
            where sh.WithdrawnAt == null && sh.SharedAt >= since
            join s in db.Submissions on sh.SubmissionId equals s.Id
            where cases.Contains(s.CaseId)
            join v in db.ExerciseVersions on s.ExerciseVersionId equals v.Id
            select new ActivityRow { At = sh.SharedAt, Kind = ClientActivity.Shared, CaseId = s.CaseId, ClientId = s.ClientId, Title = v.Title, OccurrenceId = s.OccurrenceId };
        var joined =
            from i in db.Invitations
            where i.AcceptedAt >= since && i.AcceptedUserId != null && i.CaseId != null && cases.Contains(i.CaseId.Value)
            select new ActivityRow { At = i.AcceptedAt!.Value, Kind = ClientActivity.Joined, CaseId = i.CaseId!.Value, ClientId = i.AcceptedUserId!.Value, Title = null, OccurrenceId = null };
        return (
                from r in sent.Concat(started).Concat(shared).Concat(joined)
                join c in db.Cases on r.CaseId equals c.Id
                join u in db.Users on r.ClientId equals u.Id
                orderby r.At descending
                select new AttentionRow
                {
                    List = AttentionRow.Activity, Id = r.OccurrenceId, CaseId = r.CaseId, CaseTitle = c.Title, ClientName = u.DisplayName, At = r.At,
                    Title = r.Title, OccurrenceId = r.OccurrenceId, Number = (int)r.Kind, Total = 0,
                })
            .AsNoTracking()
            .Take(ActivityShown);
    }

    /// <summary>One event of any kind, in the one shape the union needs (a class: EF Core matches its members by name).</summary>
    private sealed class ActivityRow
    {
        public DateTimeOffset At { get; init; }
        public ClientActivity Kind { get; init; }
        public Guid CaseId { get; init; }
        public Guid ClientId { get; init; }
        public string? Title { get; init; }
        public Guid? OccurrenceId { get; init; }
    }
}
