using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>One item's page: what the client or counselor reads of it, in as few round trips as its dependencies allow.</summary>
public static partial class HomeworkQueries
{
    public static ExerciseVersionResponse ToResponse(ExerciseVersion v, bool forClient) => new(
        v.ExerciseId, v.Id, v.Version, v.Title, v.Summary, v.Instructions, v.Steps, v.Joint, v.SafetyScreening, v.PointsToResources,
        // Which answers count as danger is the counselors' business, not something to show the client (or whoever reads over their shoulder).
        v.Prompts.Select(p => PromptResponse.From(forClient ? p with { Safety = null } : p)).ToList());

    /// <summary>
    /// The detail behind GET /api/assignments/{id}, for a client or a counselor of the case (an admin gets
    /// states only, through the case list). Marks the client's unread feedback as read.
    /// </summary>
    public static async Task<AssignmentDetail> DetailAsync(AppDbContext db, HomeworkTarget target, Guid callerId, DateTimeOffset now, CancellationToken ct)
    {
        if (target.Role == HomeworkRole.Client)
        {
            return (await ClientItemAsync(db, target, callerId, now, ct)).Detail;
        }
        var a = target.Assignment;
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == a.ExerciseVersionId, ct);
        // Through the items' ids: submissions have no index on their assignment, and the scan read the whole table.
        var scope = target.Occurrence is { } only
            ? db.Submissions.AsNoTracking().Where(s => s.OccurrenceId == only.Id)
            : db.Submissions.AsNoTracking().Where(s => db.Occurrences.Where(o => o.AssignmentId == a.Id).Select(o => o.Id).Contains(s.OccurrenceId));
        var all = await SubmissionViewsAsync(db, scope, callerId, onlyOwnReviews: false, ct);
        var states = (await AssignmentAsync(db, a.Id, now, ct))!.Clients;
        return new AssignmentDetail(target.Occurrence?.Id ?? a.Id, a.Id, a.CaseId, a.Status.ToString(), a.Note, RecurrenceOf(a), a.Joint,
            ToResponse(version, false), target.Occurrence is { } o ? ToResponse(o, a.Status, now) : null,
            await HomeworkAccess.JointAvailableAsync(db, a, ct), null, null, all, states);
    }

    /// <summary>A client's view of one item, and the exercise version it was read with (the portal page builds its form from it).</summary>
    public sealed record ClientItem(AssignmentDetail Detail, ExerciseVersion Version);

    /// <summary>
    /// A client's own item: the item, its draft, the client's submission of it with the counselor's feedback,
    /// and what the other clients shared for the same step (never a screening, never the feedback on it: that
    /// is the counselor's word to its writer). Read by key, in the same few queries however long the
    /// assignment's history. Marks the feedback read.
    /// </summary>
    public static async Task<ClientItem> ClientItemAsync(AppDbContext db, HomeworkTarget target, Guid callerId, DateTimeOffset now, CancellationToken ct)
    {
        var a = target.Assignment;
        var occurrence = target.Occurrence!;
        // The step's items (one per client) through the assignment's unique index, then their submissions through
        // theirs. Not an OR over the assignment's submissions: that had no index to use and read the whole table.
        var step = db.Occurrences.Where(o => o.AssignmentId == a.Id && o.Sequence == occurrence.Sequence).Select(o => o.Id);
        // Everything else the page reads of the item, in one round trip.
        var batch = new QueryBatch(db);
        var versionRead = batch.FirstOrDefault(db.ExerciseVersions.AsNoTracking().Where(v => v.Id == a.ExerciseVersionId));
        var draftRead = batch.FirstOrDefault(db.Drafts.AsNoTracking().Where(d => d.OccurrenceId == occurrence.Id));
        var answersRead = SubmissionViews(batch, db, VisibleOfStep(db, step, occurrence.Id, callerId), callerId, onlyOwnReviews: true);
        var decisionRead = !a.Joint ? null : batch.FirstOrDefault(db.JointConsents.AsNoTracking()
            .Where(c => c.AssignmentId == a.Id && c.ClientId == callerId).Select(c => (JointDecision?)c.Decision));
        var availableRead = HomeworkAccess.JointAvailable(batch, db, a);
        await batch.SendAsync(ct);
        return await ClientItemOfAsync(db, a, occurrence, versionRead.Value!, draftRead.Value, answersRead.Value, decisionRead?.Value, availableRead.Value, now, ct);
    }

    /// <summary>A client's own item, and whether its case has other clients (the page says who can read what).</summary>
    public sealed record OwnItem(ClientItem Item, bool Partners);

    /// <summary>
    /// The portal page of a client's own item by its id, in one round trip (two statements): the item with its
    /// assignment, version, draft, joint state and partners, and the answers the client may read with their
    /// feedback (as <see cref="ClientItemAsync"/>). Null when <paramref name="id"/> is not an item of the caller
    /// open to them now: the page then resolves it the other ways (an assignment's id, a partner's shared item).
    /// What was read for an id that is not the caller's is dropped unseen.
    /// </summary>
    public static async Task<OwnItem?> OwnItemAsync(AppDbContext db, Guid id, Guid callerId, DateTimeOffset now, CancellationToken ct)
    {
        // The step's items through the item's own row, so that the answers go in the same batch as the item.
        var step = db.Occurrences.Where(x => db.Occurrences.Any(o => o.Id == id && o.AssignmentId == x.AssignmentId && o.Sequence == x.Sequence)).Select(x => x.Id);
        var visible = VisibleOfStep(db, step, id, callerId);
        var batch = new QueryBatch(db);
        var itemRead = batch.FirstOrDefault(
            (from o in db.Occurrences.AsNoTracking()
             where o.Id == id && o.ClientId == callerId && o.AvailableAt <= now
             join a in db.Assignments.AsNoTracking() on o.AssignmentId equals a.Id
             // The caller's part in the case, as HomeworkAccess.RoleInCaseAsync asks it of a client.
             where db.CaseClients.Any(cc => cc.CaseId == a.CaseId && cc.ClientId == callerId)
             join v in db.ExerciseVersions.AsNoTracking() on a.ExerciseVersionId equals v.Id
             join d in db.Drafts.AsNoTracking() on o.Id equals d.OccurrenceId into drafts
             from d in drafts.DefaultIfEmpty()
             select new OwnItemRow
             {
                 Occurrence = o, Assignment = a, Version = v, Draft = d,
                 Decision = db.JointConsents.Where(c => c.AssignmentId == a.Id && c.ClientId == callerId).Select(c => (JointDecision?)c.Decision).FirstOrDefault(),
                 // HomeworkAccess.JointAvailable's two conditions.
                 Agreed = db.JointConsents.Count(j => j.AssignmentId == a.Id && j.Decision == JointDecision.Agreed && a.ClientIds.Contains(j.ClientId)),
                 AlertOpen = db.SafetyAlerts.Any(x => x.CaseId == a.CaseId && x.Status == SafetyAlertStatus.Open),
                 Partners = db.CaseClients.Any(cc => cc.CaseId == a.CaseId && cc.ClientId != callerId),
             }));
        var answersRead = SubmissionViews(batch, db, visible, callerId, onlyOwnReviews: true);
        await batch.SendAsync(ct);
        if (itemRead.Value is not { } row)
        {
            return null;
        }
        var assignment = row.Assignment;
        var available = !assignment.Joint || (row.Agreed >= assignment.ClientIds.Length && !row.AlertOpen);
        var item = await ClientItemOfAsync(db, assignment, row.Occurrence, row.Version, row.Draft, answersRead.Value, assignment.Joint ? row.Decision : null,
            available, now, ct);
        return new OwnItem(item, row.Partners);
    }

    /// <summary>The submissions of a step a client may read: their own item's, and what the other clients shared (never a screening).</summary>
    private static IQueryable<Submission> VisibleOfStep(AppDbContext db, IQueryable<Guid> step, Guid occurrenceId, Guid callerId) =>
        db.Submissions.AsNoTracking().Where(s => step.Contains(s.OccurrenceId)
            && (s.OccurrenceId == occurrenceId
                || (s.ClientId != callerId && !s.Screening && db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null))));

    /// <summary>The client's view of their item once read; marks the feedback on their submission read.</summary>
    private static async Task<ClientItem> ClientItemOfAsync(AppDbContext db, Assignment a, Occurrence occurrence, ExerciseVersion version, Draft? draft,
        List<SubmissionView> answers, JointDecision? decision, bool available, DateTimeOffset now, CancellationToken ct)
    {
        if (answers.FirstOrDefault(s => s.Mine && s.Reviews.Count > 0) is { } reviewed)
        {
            await db.Reviews.Where(r => r.SubmissionId == reviewed.Id && r.SeenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SeenAt, now), ct);
        }
        var detail = new AssignmentDetail(occurrence.Id, a.Id, a.CaseId, a.Status.ToString(), a.Note, RecurrenceOf(a), a.Joint, ToResponse(version, true),
            ToResponse(occurrence, a.Status, now), available,
            decision switch { JointDecision.Agreed => "Agree", JointDecision.Declined => "Decline", _ => null },
            draft is null ? null : new DraftView(draft.Version, draft.UpdatedAt, AnswerRules.Deserialize(draft.Answers)),
            answers, null);
        return new ClientItem(detail, version);
    }

    // Classes, not anonymous types, so the queries can leave their method (EF Core matches members by name).
    private sealed class OwnItemRow
    {
        public required Occurrence Occurrence { get; init; }
        public required Assignment Assignment { get; init; }
        public required ExerciseVersion Version { get; init; }
        public Draft? Draft { get; init; }
        public JointDecision? Decision { get; init; }
        public int Agreed { get; init; }
        public bool AlertOpen { get; init; }
        public bool Partners { get; init; }
    }

    /// <summary>
    /// A partner's shared submission, read through its own occurrence id: only when shared, never a
    /// screening. Null (404) otherwise.
    /// </summary>
    public static async Task<AssignmentDetail?> SharedDetailAsync(AppDbContext db, Guid occurrenceId, Guid callerId, DateTimeOffset now, CancellationToken ct) =>
        (await SharedItemAsync(db, occurrenceId, callerId, now, ct))?.Detail;

    /// <summary>The same, with the version read, for the portal page.</summary>
    public static async Task<ClientItem?> SharedItemAsync(AppDbContext db, Guid occurrenceId, Guid callerId, DateTimeOffset now, CancellationToken ct)
    {
        var occurrence = await db.Occurrences.AsNoTracking().FirstOrDefaultAsync(o => o.Id == occurrenceId
            && o.ClientId != callerId
            && db.CaseClients.Any(cc => cc.CaseId == o.CaseId && cc.ClientId == callerId), ct);
        if (occurrence is null)
        {
            return null;
        }
        var shared = db.Submissions.AsNoTracking().Where(s => s.OccurrenceId == occurrence.Id && !s.Screening
            && db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null));
        // The reviews are the counselor's words to the writer, not to the partner: none are read.
        var answers = await SubmissionViewsAsync(db, shared, callerId, onlyOwnReviews: true, ct);
        if (answers.Count == 0)
        {
            return null;
        }
        var a = await db.Assignments.AsNoTracking().FirstAsync(x => x.Id == occurrence.AssignmentId, ct);
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == a.ExerciseVersionId, ct);
        return new ClientItem(new AssignmentDetail(occurrence.Id, a.Id, a.CaseId, a.Status.ToString(), null, null, a.Joint, ToResponse(version, true),
            ToResponse(occurrence, a.Status, now), true, null, null, answers, null), version);
    }

    /// <param name="onlyOwnReviews">For a client: feedback is read for the caller's own submissions only.</param>
    private static async Task<List<SubmissionView>> SubmissionViewsAsync(AppDbContext db, IQueryable<Submission> query, Guid callerId,
        bool onlyOwnReviews, CancellationToken ct)
    {
        var batch = new QueryBatch(db);
        var views = SubmissionViews(batch, db, query, callerId, onlyOwnReviews);
        await batch.SendAsync(ct);
        return views.Value;
    }

    /// <summary>The submissions with their feedback, as one statement of the batch (the feedback a small list joined to each).</summary>
    private static Batched<List<SubmissionView>> SubmissionViews(QueryBatch batch, AppDbContext db, IQueryable<Submission> query, Guid callerId,
        bool onlyOwnReviews) =>
        batch.Add(
            (from s in query
             join o in db.Occurrences.AsNoTracking() on s.OccurrenceId equals o.Id
             orderby o.Sequence, s.SubmittedAt
             select new SubmissionRow
             {
                 Id = s.Id, OccurrenceId = s.OccurrenceId, ClientId = s.ClientId, Sequence = o.Sequence, SubmittedAt = s.SubmittedAt, Answers = s.Answers,
                 Screening = s.Screening,
                 Shared = db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null),
                 Partners = db.CaseClients.Any(cc => cc.CaseId == s.CaseId && cc.ClientId != s.ClientId),
                 Reviews = (from r in db.Reviews.AsNoTracking()
                            where r.SubmissionId == s.Id && (!onlyOwnReviews || s.ClientId == callerId)
                            join u in db.Users.AsNoTracking() on r.ReviewerId equals u.Id
                            orderby r.At
                            select new ReviewView(r.Id, r.Comment, r.ReviewerId, u.DisplayName, r.At)).ToList(),
             }).AsSingleQuery(),
            rows => rows.Select(r => new SubmissionView(r.Id, r.OccurrenceId, r.ClientId, r.Sequence, r.SubmittedAt, r.Shared,
                    !r.Screening && r.Partners, r.ClientId == callerId, AnswerRules.Deserialize(r.Answers), r.Reviews))
                .ToList());

    private sealed class SubmissionRow
    {
        public Guid Id { get; init; }
        public Guid OccurrenceId { get; init; }
        public Guid ClientId { get; init; }
        public int Sequence { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string Answers { get; init; } = "";
        public bool Screening { get; init; }
        public bool Shared { get; init; }
        public bool Partners { get; init; }
        public List<ReviewView> Reviews { get; init; } = [];
    }
}
