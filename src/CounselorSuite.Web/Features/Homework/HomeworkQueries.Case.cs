using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>The case page's homework section: its reads go in the section page's batch, with the case's header (issue 15).</summary>
public static partial class HomeworkQueries
{
    /// <summary>
    /// A case's assignments, newest first, with each client's latest <see cref="LatestPerClient"/> items and the
    /// others only counted, both in the database: a client with years of daily items costs what a new one does
    /// (three statements of the caller's batch whatever the history: the page's assignments with their titles, joint
    /// decisions and the case's total; the latest items; the counts). "Latest" is the items already open, newest
    /// first, then those still to come, soonest first, so a new assignment shows its first items and a running one
    /// what happened lately. The value is null when the page is past the end (see <see cref="LastCaseSummariesAsync"/>).
    /// </summary>
    public static Batched<Page<AssignmentSummary>?> CaseSummaries(QueryBatch batch, AppDbContext db, Guid caseId, DateTimeOffset now, int skip, int take)
    {
        var ofCase = db.Assignments.AsNoTracking().Where(a => a.CaseId == caseId);
        var page = NewestFirst(ofCase, skip, take);
        var headsRead = batch.List(
            (from a in page
             join v in db.ExerciseVersions.AsNoTracking() on a.ExerciseVersionId equals v.Id
             select new SummaryHead
             {
                 Assignment = a, Version = v.Version, Title = v.Title,
                 Consents = db.JointConsents.Where(c => c.AssignmentId == a.Id).ToList(),
                 Total = ofCase.Count(),
             }).AsSingleQuery());
        // The page's ids as a subquery, so these go in the same batch; written out in the lambda so that the offset
        // and size are parameters of the SQL, not constants of a statement per page number. A top-N per assignment
        // and client: EF Core makes it ROW_NUMBER() over the occurrences filtered inside (the ids filter is repeated
        // there, else the window runs over the whole practice's occurrences).
        var ofPage = db.Occurrences.AsNoTracking().Where(o => db.Assignments.Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).Select(a => a.Id).Contains(o.AssignmentId));
        var latestRead = batch.List(
            from k in ofPage.Select(o => new { o.AssignmentId, o.ClientId }).Distinct()
            from o in ofPage
                .Where(o => o.AssignmentId == k.AssignmentId && o.ClientId == k.ClientId)
                .OrderByDescending(o => o.AvailableAt <= now ? o.Sequence : -o.Sequence)
                .Take(LatestPerClient)
            select o);
        var countsRead = batch.List(ofPage
            .GroupBy(o => new { o.AssignmentId, o.ClientId, o.State, PastDue = o.DueAt != null && o.DueAt < now })
            .Select(g => new StateRow { AssignmentId = g.Key.AssignmentId, ClientId = g.Key.ClientId, State = g.Key.State, PastDue = g.Key.PastDue, Count = g.Count() }));
        return Batched<Page<AssignmentSummary>?>.From(() => headsRead.Value.Count == 0 && skip > 0 ? null
            : Summaries(headsRead.Value, latestRead.Value, countsRead.Value, now));
    }

    /// <summary>The last page of a case's assignments, for a page number past the end (an old link, assignments since cancelled).</summary>
    public static async Task<(Page<AssignmentSummary> Page, int Number)> LastCaseSummariesAsync(AppDbContext db, Guid caseId, DateTimeOffset now, int take,
        CancellationToken ct)
    {
        var number = Pager.PagesFor(await db.Assignments.CountAsync(a => a.CaseId == caseId, ct), take);
        var batch = new QueryBatch(db);
        var read = CaseSummaries(batch, db, caseId, now, (number - 1) * take, take);
        await batch.SendAsync(ct);
        return (read.Value ?? new Page<AssignmentSummary>([], 0), number);
    }

    private static Page<AssignmentSummary> Summaries(List<SummaryHead> heads, List<Occurrence> latest, List<StateRow> counts, DateTimeOffset now)
    {
        var items = heads.OrderByDescending(h => h.Assignment.CreatedAt).ThenByDescending(h => h.Assignment.Id).Select(h =>
        {
            var a = h.Assignment;
            var clients = a.ClientIds.Select(clientId =>
            {
                var shown = latest.Where(o => o.AssignmentId == a.Id && o.ClientId == clientId).OrderBy(o => o.Sequence)
                    .Select(o => ToResponse(o, a.Status, now)).ToList();
                var others = counts.Where(c => c.AssignmentId == a.Id && c.ClientId == clientId)
                    .GroupBy(c => HomeworkAccess.StateAt(c.State, c.PastDue, a.Status).ToString())
                    .Select(g => new StateCount(g.Key, g.Sum(c => c.Count) - shown.Count(o => o.State == g.Key)))
                    .Where(c => c.Count > 0)
                    .OrderByDescending(c => c.Count).ThenBy(c => c.State, StringComparer.Ordinal)
                    .ToList();
                return new ClientLatest(clientId, shown, others, JointDecisionOf(a, clientId, h.Consents));
            }).ToList();
            return new AssignmentSummary(a.Id, h.Title, h.Version, a.Joint, a.Status.ToString(), RecurrenceOf(a), a.FirstDueAt,
                Math.Max(a.Count, 1), clients);
        }).ToList();
        return new Page<AssignmentSummary>(items, heads.FirstOrDefault()?.Total ?? 0);
    }

    /// <summary>
    /// Per client of a case, in one statement of the caller's batch: whether they have sent a safety screening
    /// (<see cref="CaseScreening"/>), and their adherence over every assignment of the case, counted in the
    /// database (the figures of <see cref="AdherenceOf"/>; clients with nothing due yet are left out).
    /// </summary>
    public static Batched<CaseClientsHomework> CaseClients(QueryBatch batch, AppDbContext db, Guid caseId, DateTimeOffset now)
    {
        var screened = CaseScreening.ScreenedClients(db, caseId);
        var due = db.Occurrences.Where(o => o.CaseId == caseId && o.State != OccurrenceState.Cancelled && o.DueAt != null && o.DueAt <= now);
        return batch.Add(
            db.CaseClients.AsNoTracking().Where(cc => cc.CaseId == caseId).Select(cc => new
            {
                cc.ClientId,
                Screened = screened.Contains(cc.ClientId),
                Due = due.Count(o => o.ClientId == cc.ClientId),
                OnTime = due.Count(o => o.ClientId == cc.ClientId && o.SubmittedAt <= o.DueAt),
                Late = due.Count(o => o.ClientId == cc.ClientId && o.SubmittedAt > o.DueAt),
            }),
            rows => new CaseClientsHomework(
                rows.Where(r => !r.Screened).Select(r => r.ClientId).ToList(),
                rows.Where(r => r.Due > 0).ToDictionary(r => r.ClientId, r => ToResponse(new AdherenceFigure(null, r.Due, r.OnTime, r.Late)))));
    }

    /// <summary>What the homework section shows per client: who has not sent a safety screening, and adherence.</summary>
    public sealed record CaseClientsHomework(IReadOnlyList<Guid> Unscreened, IReadOnlyDictionary<Guid, AdherenceResponse> Adherence);

    // Classes, not anonymous types, so the queries can leave their method (EF Core matches members by name).
    private sealed class SummaryHead
    {
        public required Assignment Assignment { get; init; }
        public int Version { get; init; }
        public string Title { get; init; } = "";
        public List<JointConsent> Consents { get; init; } = [];
        public int Total { get; init; }
    }

    private sealed class StateRow
    {
        public Guid AssignmentId { get; init; }
        public Guid ClientId { get; init; }
        public OccurrenceState State { get; init; }
        public bool PastDue { get; init; }
        public int Count { get; init; }
    }
}
