using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>Reads of homework for the API and the pages. Who may read what is decided by the caller (HomeworkAccess).</summary>
public static partial class HomeworkQueries
{
    private sealed record VersionInfo(Guid Id, int Version, string Title);

    public static async Task<AssignmentResponse?> AssignmentAsync(AppDbContext db, Guid assignmentId, DateTimeOffset now, CancellationToken ct) =>
        (await AssignmentsAsync(db, db.Assignments.Where(a => a.Id == assignmentId), now, ct)).FirstOrDefault();

    public static async Task<Page<AssignmentResponse>> CaseAssignmentsAsync(AppDbContext db, Guid caseId, DateTimeOffset now, int skip, int take, CancellationToken ct)
    {
        var query = db.Assignments.Where(a => a.CaseId == caseId);
        var total = await query.CountAsync(ct);
        return new Page<AssignmentResponse>(await AssignmentsAsync(db, NewestFirst(query, skip, take), now, ct), total);
    }

    /// <summary>Assignments with every client's occurrences: four queries whatever the number of assignments.</summary>
    private static async Task<List<AssignmentResponse>> AssignmentsAsync(AppDbContext db, IQueryable<Assignment> query, DateTimeOffset now, CancellationToken ct)
    {
        var (assignments, versions, consents) = await HeadsAsync(db, query, ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => ids.Contains(o.AssignmentId))
            .OrderBy(o => o.Sequence).ToListAsync(ct);
        return assignments.Select(a =>
        {
            var version = versions[a.ExerciseVersionId];
            var clients = a.ClientIds.Select(clientId =>
            {
                var mine = occurrences.Where(o => o.AssignmentId == a.Id && o.ClientId == clientId).ToList();
                return new ClientStatesResponse(clientId, mine.Select(o => ToResponse(o, a.Status, now)).ToList(), AdherenceOf(mine, now),
                    JointDecisionOf(a, clientId, consents));
            }).ToList();
            return new AssignmentResponse(a.Id, a.CaseId, a.Kind.ToString(), a.ExerciseId, a.ExerciseVersionId, version.Version, version.Title,
                a.Joint, a.ClientIds, a.Note, RecurrenceOf(a), a.StartsAt, a.FirstDueAt, a.Status.ToString(), a.CreatedAt, clients);
        }).ToList();
    }

    private sealed record Heads(List<Assignment> Assignments, Dictionary<Guid, VersionInfo> Versions, List<JointConsent> Consents);

    /// <summary>The assignments themselves with their versions' titles and the clients' joint decisions: three queries.</summary>
    private static async Task<Heads> HeadsAsync(AppDbContext db, IQueryable<Assignment> query, CancellationToken ct)
    {
        var assignments = await query.AsNoTracking().ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var versionIds = assignments.Select(a => a.ExerciseVersionId).Distinct().ToList();
        var versions = await db.ExerciseVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new VersionInfo(v.Id, v.Version, v.Title)).ToDictionaryAsync(v => v.Id, ct);
        var consents = await db.JointConsents.AsNoTracking().Where(c => ids.Contains(c.AssignmentId)).ToListAsync(ct);
        return new Heads(assignments, versions, consents);
    }

    private static IQueryable<Assignment> NewestFirst(IQueryable<Assignment> query, int skip, int take) =>
        query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take);

    private static RecurrenceResponse? RecurrenceOf(Assignment a) => a.Every is { } every ? new RecurrenceResponse(every.ToString(), a.Count) : null;

    private static string? JointDecisionOf(Assignment a, Guid clientId, IEnumerable<JointConsent> consents) =>
        a.Joint ? consents.FirstOrDefault(c => c.AssignmentId == a.Id && c.ClientId == clientId)?.Decision.ToString() ?? "Undecided" : null;

    /// <summary>How many of each client's items of an assignment the case page lists; the assignment's own page has them all.</summary>
    public const int LatestPerClient = 5;

    /// <summary>How many of a client's items of an assignment, not among the latest listed, are in a state (as a person sees it).</summary>
    public sealed record StateCount(string State, int Count);

    /// <summary>One client's latest items of an assignment (in step order) and how many of their other items are in each state.</summary>
    public sealed record ClientLatest(Guid ClientId, IReadOnlyList<OccurrenceResponse> Latest, IReadOnlyList<StateCount> Others, string? JointDecision)
    {
        public int OthersTotal => Others.Sum(o => o.Count);
    }

    /// <summary>An assignment as the case page lists it: what was assigned, and each client's latest items.</summary>
    public sealed record AssignmentSummary(
        Guid Id, string ExerciseTitle, int ExerciseVersion, bool Joint, string Status, RecurrenceResponse? Recurrence, DateTimeOffset? DueAt,
        int Steps, IReadOnlyList<ClientLatest> Clients);

    /// <summary>How many steps the assignment page shows at a time.</summary>
    public const int StepsPerPage = 10;

    public static int PageOfStep(int step) => (step - 1) / StepsPerPage + 1;

    /// <summary>One page of an assignment's steps: every client's item of each step, and what they submitted.</summary>
    /// <param name="FirstStep">The first step this page covers; <paramref name="LastStep"/> the last.</param>
    /// <param name="StepCount">Steps in the whole assignment.</param>
    /// <param name="Steps">The steps on this page that have items, in order.</param>
    public sealed record AssignmentStepsPage(
        int Page, int Pages, int FirstStep, int LastStep, int StepCount, IReadOnlyList<int> Steps, IReadOnlyList<OccurrenceResponse> Occurrences,
        IReadOnlyList<SubmissionView> Answers);

    /// <summary>
    /// The steps of one page of an assignment, for its counselors: <see cref="StepsPerPage"/> steps, each client's
    /// item of them and every submission of those items, read by step in the database. Without a page asked for,
    /// the page of the latest step already open (what a counselor coming from the case page wants to read).
    /// </summary>
    public static async Task<AssignmentStepsPage> StepsAsync(AppDbContext db, Assignment a, Guid callerId, DateTimeOffset now, int? page, CancellationToken ct)
    {
        var stepCount = Math.Max(a.Count, 1);
        var pages = Pager.PagesFor(stepCount, StepsPerPage);
        if (page is null)
        {
            var open = await db.Occurrences.Where(o => o.AssignmentId == a.Id && o.AvailableAt <= now).MaxAsync(o => (int?)o.Sequence, ct);
            page = open is { } step ? PageOfStep(step) : 1;
        }
        var current = Math.Clamp(page.Value, 1, pages);
        var first = (current - 1) * StepsPerPage + 1;
        var last = Math.Min(first + StepsPerPage - 1, stepCount);
        var occurrences = await db.Occurrences.AsNoTracking()
            .Where(o => o.AssignmentId == a.Id && o.Sequence >= first && o.Sequence <= last)
            .OrderBy(o => o.Sequence).ToListAsync(ct);
        var ids = occurrences.Select(o => o.Id).ToList();
        var answers = await SubmissionViewsAsync(db, db.Submissions.AsNoTracking().Where(s => ids.Contains(s.OccurrenceId)), callerId,
            onlyOwnReviews: false, ct);
        return new AssignmentStepsPage(current, pages, first, last, stepCount, occurrences.Select(o => o.Sequence).Distinct().ToList(),
            occurrences.Select(o => ToResponse(o, a.Status, now)).ToList(), answers);
    }

    public static OccurrenceResponse ToResponse(Occurrence o, AssignmentStatus status, DateTimeOffset now) => new(
        o.Id, o.ClientId, o.Sequence, o.AvailableAt, o.DueAt, HomeworkAccess.StateAt(o.State, o.DueAt, status, now).ToString(),
        o.SubmittedAt, o.ReviewedAt);

    /// <summary>Share of occurrences already due that were submitted by their due date (cancelled ones and those without a due date left out).</summary>
    public static AdherenceResponse AdherenceOf(IEnumerable<Occurrence> occurrences, DateTimeOffset now)
    {
        var figure = Adherence.Overall(occurrences.Where(o => o.State != OccurrenceState.Cancelled && o.DueAt is not null)
            .Select(o => new DueOccurrence(o.DueAt!.Value, o.SubmittedAt)), now);
        return ToResponse(figure);
    }

    private static AdherenceResponse ToResponse(AdherenceFigure figure) => new(figure.Due, figure.OnTime, figure.Late, figure.Share);

    /// <summary>One page of a client's items, the total, and the client's unread feedback across all items.</summary>
    public sealed record MyAssignmentsPage(IReadOnlyList<MyAssignmentItem> Items, int Total, int NewFeedback);

    /// <summary>The start of a client's list: the first open items, the latest done ones, and how many there are of each.</summary>
    public sealed record MyHomeworkStart(IReadOnlyList<MyAssignmentItem> Open, int OpenTotal, IReadOnlyList<MyAssignmentItem> Done, int DoneTotal, int NewFeedback);

    // The sections of a client's list, in the order the portal shows them.
    private const int DueSoonSection = 0;
    private const int OverdueSection = 1;
    private const int DoneSection = 2;

    /// <summary>One of a client's items with what the list shows of its assignment (a class: EF Core orders and filters by its members).</summary>
    private sealed class MyRow
    {
        public required Occurrence Occurrence { get; init; }
        public AssignmentStatus Status { get; init; }
        public bool Joint { get; init; }
        public int Count { get; init; }
        public string? Note { get; init; }
        public Guid[] ClientIds { get; init; } = [];
        public Guid VersionId { get; init; }
        public int Section { get; init; }
    }

    /// <summary>
    /// A client's items, each with its section: open (soonest due first), overdue, or done. Items not open yet,
    /// cancelled items never submitted, cases they left, and (while an assignment is paused) items that would
    /// have opened since are left out.
    /// </summary>
    /// <remarks>
    /// From the client's cases to their assignments to the client's items of each (the unique index on
    /// assignment, client, step): a few dozen index reads for years of items, where starting from the items
    /// made PostgreSQL look up an assignment per item.
    /// </remarks>
    private static IQueryable<MyRow> MyRows(AppDbContext db, Guid clientId, DateTimeOffset now) =>
        from a in db.Assignments.AsNoTracking()
        where db.CaseClients.Any(cc => cc.CaseId == a.CaseId && cc.ClientId == clientId)
        join o in db.Occurrences.AsNoTracking() on a.Id equals o.AssignmentId
        where o.ClientId == clientId && o.AvailableAt <= now && o.State != OccurrenceState.Cancelled
            && (o.State == OccurrenceState.Submitted || o.State == OccurrenceState.Reviewed
                || a.Status != AssignmentStatus.Paused || o.AvailableAt <= a.PausedAt)
        select new MyRow
        {
            Occurrence = o, Status = a.Status, Joint = a.Joint, Count = a.Count, Note = a.Note, ClientIds = a.ClientIds,
            VersionId = a.ExerciseVersionId,
            // Overdue as HomeworkAccess.StateAt has it: open items (Assigned, InProgress) past due while the assignment runs.
            Section = o.State == OccurrenceState.Submitted || o.State == OccurrenceState.Reviewed ? DoneSection
                : a.Status == AssignmentStatus.Active && o.DueAt < now ? OverdueSection
                : DueSoonSection,
        };

    /// <summary>The portal's order as an ORDER BY: by section; open items by due date (none last), done items latest first.</summary>
    private static IOrderedQueryable<MyRow> InPortalOrder(IQueryable<MyRow> rows) =>
        rows.OrderBy(r => r.Section)
            .ThenBy(r => r.Section == DoneSection ? null : r.Occurrence.DueAt)
            .ThenByDescending(r => r.Section == DoneSection ? r.Occurrence.SubmittedAt : null)
            .ThenBy(r => r.Occurrence.Id);

    /// <summary>
    /// The client's items in the order the portal shows them: open (soonest due first), overdue, then done
    /// (latest first). Only the requested page is read, ordered and cut in the database, so a client with
    /// hundreds of missed daily items or years of done ones costs what a new one does. Titles, share and joint
    /// flags come with the page's rows (<see cref="Listed"/>); everything is one batch.
    /// </summary>
    public static async Task<MyAssignmentsPage> MyAssignmentsAsync(AppDbContext db, Guid clientId, DateTimeOffset now,
        int skip, int take, CancellationToken ct)
    {
        var rows = MyRows(db, clientId, now);
        var batch = new QueryBatch(db);
        var total = batch.Add(rows.GroupBy(r => r.Occurrence.PracticeId).Select(g => g.Count()), counts => counts.FirstOrDefault());
        var page = batch.List(Listed(db, InPortalOrder(rows).Skip(skip).Take(take)));
        var unseen = batch.List(UnseenFeedback(db, clientId));
        await batch.SendAsync(ct);
        return new MyAssignmentsPage(Items(page.Value, unseen.Value, now), total.Value, unseen.Value.Count);
    }

    /// <summary>The first <paramref name="open"/> open items (overdue after the others) and the latest <paramref name="done"/> done ones.</summary>
    /// <remarks>
    /// Two statements in the caller's <paramref name="batch"/>: both lists as one (with the counts of both and each
    /// row's title and flags), and the client's unread feedback.
    /// </remarks>
    public static async Task<MyHomeworkStart> MyHomeworkStartAsync(AppDbContext db, Guid clientId, DateTimeOffset now, int open, int done,
        CancellationToken ct, QueryBatch? batch = null)
    {
        var rows = MyRows(db, clientId, now);
        batch ??= new QueryBatch(db);
        // Each list cut in its own order, then both in the portal's (open sections first): an empty list means none
        // of its kind, so the counts riding on the rows are never missed.
        var both = InPortalOrder(InPortalOrder(rows.Where(r => r.Section != DoneSection)).Take(open)
            .Concat(InPortalOrder(rows.Where(r => r.Section == DoneSection)).Take(done)));
        var listRead = batch.List(Listed(db, both).Select(l => new StartRow
        {
            Listed = l,
            OpenTotal = rows.Count(r => r.Section != DoneSection),
            DoneTotal = rows.Count(r => r.Section == DoneSection),
        }));
        var unseenRead = batch.List(UnseenFeedback(db, clientId));
        await batch.SendAsync(ct);
        var list = listRead.Value;
        var items = Items(list.Select(r => r.Listed).ToList(), unseenRead.Value, now);
        var openCount = list.Count(r => r.Listed.Row.Section != DoneSection);
        return new MyHomeworkStart(items[..openCount], list.FirstOrDefault()?.OpenTotal ?? 0, items[openCount..], list.FirstOrDefault()?.DoneTotal ?? 0,
            unseenRead.Value.Count);
    }

    /// <summary>A row of a list with what the list shows of it besides the item (a class: EF Core matches members by name).</summary>
    private sealed class ListedRow
    {
        public required MyRow Row { get; init; }
        public string? Title { get; init; }
        public bool Shared { get; init; }

        /// <summary>Of a joint item: how many of its clients agreed to it, and whether a safety alert of its case is open.</summary>
        public int Agreed { get; init; }
        public bool AlertOpen { get; init; }
    }

    private sealed class StartRow
    {
        public required ListedRow Listed { get; init; }
        public int OpenTotal { get; init; }
        public int DoneTotal { get; init; }
    }

    /// <summary>
    /// The rows a list shows, each with its title, whether it is shared and, if joint, the agreements and alerts that
    /// make it available: read for the rows the cut kept only, in the same statement (joined before the cut,
    /// PostgreSQL looked a title up for every item).
    /// </summary>
    private static IQueryable<ListedRow> Listed(AppDbContext db, IQueryable<MyRow> cut) =>
        cut.Select(r => new ListedRow
        {
            Row = r,
            Title = db.ExerciseVersions.Where(v => v.Id == r.VersionId).Select(v => v.Title).FirstOrDefault(),
            Shared = db.Submissions.Any(s => s.OccurrenceId == r.Occurrence.Id && db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null)),
            Agreed = r.Joint
                ? db.JointConsents.Count(c => c.AssignmentId == r.Occurrence.AssignmentId && c.Decision == JointDecision.Agreed
                    && db.Assignments.Any(a => a.Id == c.AssignmentId && a.ClientIds.Contains(c.ClientId)))
                : 0,
            AlertOpen = r.Joint && db.SafetyAlerts.Any(a => a.CaseId == r.Occurrence.CaseId && a.Status == SafetyAlertStatus.Open),
        });

    /// <summary>The client's items with feedback not read yet, one row per review.</summary>
    private static IQueryable<Guid> UnseenFeedback(AppDbContext db, Guid clientId) =>
        from r in db.Reviews.AsNoTracking()
        join sub in db.Submissions.AsNoTracking() on r.SubmissionId equals sub.Id
        where sub.ClientId == clientId && r.SeenAt == null
        select sub.OccurrenceId;

    /// <summary>The rows as list items.</summary>
    private static List<MyAssignmentItem> Items(List<ListedRow> rows, List<Guid> unseen, DateTimeOffset now) =>
        rows.Select(l =>
        {
            var (r, o) = (l.Row, l.Row.Occurrence);
            // A joint item opens once every one of its clients agreed and while no safety alert of the case is open.
            var available = !r.Joint || (l.Agreed == r.ClientIds.Distinct().Count() && !l.AlertOpen);
            return new MyAssignmentItem(o.Id, o.AssignmentId, o.CaseId, l.Title ?? "", o.DueAt, o.AvailableAt,
                HomeworkAccess.StateAt(o.State, o.DueAt, r.Status, now).ToString(), o.Sequence, r.Count, r.Joint, available, r.Note,
                unseen.Count(id => id == o.Id), l.Shared, o.SubmittedAt);
        }).ToList();

    public static SafetyAlertResponse ToResponse(SafetyAlert a) => new(
        a.Id, a.CaseId, a.ClientId, a.OccurrenceId, a.Source.ToString(), a.Status.ToString(), a.RaisedAt, a.ResolvedAt, a.ResolvedBy, a.ResolutionNote);
}
