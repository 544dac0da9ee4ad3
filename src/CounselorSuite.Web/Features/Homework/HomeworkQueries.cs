using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Exercises;
using Adherence = CounselorSuite.Web.Features.Progress.Analysis.Adherence;
using Occurrence = CounselorSuite.Web.Domain.Occurrence;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>Reads of homework for the API and the pages. Who may read what is decided by the caller (HomeworkAccess).</summary>
public static class HomeworkQueries
{
    private sealed record VersionInfo(Guid Id, int Version, string Title);

    public static async Task<AssignmentResponse?> AssignmentAsync(AppDbContext db, Guid assignmentId, DateTimeOffset now, CancellationToken ct) =>
        (await AssignmentsAsync(db, db.Assignments.Where(a => a.Id == assignmentId), now, ct)).FirstOrDefault();

    public static async Task<Page<AssignmentResponse>> CaseAssignmentsAsync(AppDbContext db, Guid caseId, DateTimeOffset now, int skip, int take, CancellationToken ct)
    {
        var query = db.Assignments.Where(a => a.CaseId == caseId);
        var total = await query.CountAsync(ct);
        var page = query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take);
        return new Page<AssignmentResponse>(await AssignmentsAsync(db, page, now, ct), total);
    }

    /// <summary>Assignments with every client's occurrences: four queries whatever the number of assignments.</summary>
    private static async Task<List<AssignmentResponse>> AssignmentsAsync(AppDbContext db, IQueryable<Assignment> query, DateTimeOffset now, CancellationToken ct)
    {
        var assignments = await query.AsNoTracking().ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var versionIds = assignments.Select(a => a.ExerciseVersionId).Distinct().ToList();
        var versions = await db.ExerciseVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new VersionInfo(v.Id, v.Version, v.Title)).ToDictionaryAsync(v => v.Id, ct);
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => ids.Contains(o.AssignmentId))
            .OrderBy(o => o.Sequence).ToListAsync(ct);
        var consents = await db.JointConsents.AsNoTracking().Where(c => ids.Contains(c.AssignmentId)).ToListAsync(ct);
        return assignments.Select(a =>
        {
            var version = versions[a.ExerciseVersionId];
            var clients = a.ClientIds.Select(clientId =>
            {
                var mine = occurrences.Where(o => o.AssignmentId == a.Id && o.ClientId == clientId).ToList();
                var decision = consents.FirstOrDefault(c => c.AssignmentId == a.Id && c.ClientId == clientId)?.Decision.ToString();
                return new ClientStatesResponse(clientId, mine.Select(o => ToResponse(o, a.Status, now)).ToList(), AdherenceOf(mine, now),
                    a.Joint ? decision ?? "Undecided" : null);
            }).ToList();
            return new AssignmentResponse(a.Id, a.CaseId, a.Kind.ToString(), a.ExerciseId, a.ExerciseVersionId, version.Version, version.Title,
                a.Joint, a.ClientIds, a.Note, a.Every is { } every ? new RecurrenceResponse(every.ToString(), a.Count) : null,
                a.StartsAt, a.FirstDueAt, a.Status.ToString(), a.CreatedAt, clients);
        }).ToList();
    }

    public static OccurrenceResponse ToResponse(Occurrence o, AssignmentStatus status, DateTimeOffset now) => new(
        o.Id, o.ClientId, o.Sequence, o.AvailableAt, o.DueAt, HomeworkAccess.StateAt(o.State, o.DueAt, status, now).ToString(),
        o.SubmittedAt, o.ReviewedAt);

    /// <summary>Share of occurrences already due that were submitted by their due date (cancelled ones and those without a due date left out).</summary>
    public static AdherenceResponse AdherenceOf(IEnumerable<Occurrence> occurrences, DateTimeOffset now)
    {
        var figure = Adherence.Overall(occurrences.Where(o => o.State != OccurrenceState.Cancelled && o.DueAt is not null)
            .Select(o => new Progress.Analysis.Occurrence(o.DueAt!.Value, o.SubmittedAt)), now);
        return new AdherenceResponse(figure.Due, figure.OnTime, figure.Late, figure.Share);
    }

    /// <summary>Adherence per client over every assignment of a case.</summary>
    public static async Task<Dictionary<Guid, AdherenceResponse>> CaseAdherenceAsync(AppDbContext db, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => o.CaseId == caseId).ToListAsync(ct);
        return occurrences.GroupBy(o => o.ClientId).ToDictionary(g => g.Key, g => AdherenceOf(g, now));
    }

    /// <summary>
    /// A client's homework: what is open (soonest due first), then what is overdue, then what is done (newest
    /// first). Items not open yet, cancelled items never submitted, and cases they left are not listed.
    /// </summary>
    /// <summary>One page of a client's items, the total, and the client's unread feedback across all items.</summary>
    public sealed record MyAssignmentsPage(IReadOnlyList<MyAssignmentItem> Items, int Total, int NewFeedback);

    private static readonly OccurrenceState[] DoneStates = [OccurrenceState.Submitted, OccurrenceState.Reviewed];

    /// <summary>
    /// The client's items in the order the portal shows them: open (soonest due first), overdue, then done
    /// (latest first). Open items are few and are read whole; done items grow with every week of homework,
    /// so only the requested page of them is read, in the database (a client with years of daily items
    /// costs the same as a new one). Feedback and share flags are read for the page's items only.
    /// </summary>
    public static async Task<MyAssignmentsPage> MyAssignmentsAsync(AppDbContext db, Guid clientId, DateTimeOffset now,
        int skip, int take, CancellationToken ct)
    {
        var mine =
            from o in db.Occurrences.AsNoTracking()
            join a in db.Assignments.AsNoTracking() on o.AssignmentId equals a.Id
            join v in db.ExerciseVersions.AsNoTracking() on a.ExerciseVersionId equals v.Id
            where o.ClientId == clientId && o.AvailableAt <= now && o.State != OccurrenceState.Cancelled
                && db.CaseClients.Any(cc => cc.CaseId == o.CaseId && cc.ClientId == clientId)
            select new { Occurrence = o, a.Status, a.PausedAt, a.Joint, a.Count, a.Note, a.CaseId, a.ClientIds, v.Title };

        var open = (await mine.Where(r => !DoneStates.Contains(r.Occurrence.State)).ToListAsync(ct))
            // While paused, items that would have opened since do not appear.
            .Where(r => r.Status != AssignmentStatus.Paused || r.Occurrence.AvailableAt <= r.PausedAt)
            .Select(r => (Row: r, State: HomeworkAccess.StateAt(r.Occurrence.State, r.Occurrence.DueAt, r.Status, now)))
            .OrderBy(x => x.State == OccurrenceState.Overdue ? 1 : 0)
            .ThenBy(x => x.Row.Occurrence.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.Row.Occurrence.Id)
            .ToList();
        var doneQuery = mine.Where(r => DoneStates.Contains(r.Occurrence.State));
        var doneTotal = await doneQuery.CountAsync(ct);
        var doneSkip = Math.Max(0, skip - open.Count);
        var doneTake = Math.Max(0, take - Math.Max(0, open.Count - skip));
        var done = doneTake == 0 ? [] : await doneQuery
            .OrderByDescending(r => r.Occurrence.SubmittedAt).ThenBy(r => r.Occurrence.Id)
            .Skip(doneSkip).Take(doneTake)
            .ToListAsync(ct);

        var page = open.Skip(skip).Take(take)
            .Concat(done.Select(r => (Row: r, State: HomeworkAccess.StateAt(r.Occurrence.State, r.Occurrence.DueAt, r.Status, now))))
            .ToList();
        var pageIds = page.Select(x => x.Row.Occurrence.Id).ToList();
        var unseen = await (
                from r in db.Reviews.AsNoTracking()
                join sub in db.Submissions.AsNoTracking() on r.SubmissionId equals sub.Id
                where sub.ClientId == clientId && r.SeenAt == null
                select sub.OccurrenceId)
            .ToListAsync(ct);
        var shared = await (
                from sh in db.Shares.AsNoTracking()
                join sub in db.Submissions.AsNoTracking() on sh.SubmissionId equals sub.Id
                where sh.WithdrawnAt == null && pageIds.Contains(sub.OccurrenceId)
                select sub.OccurrenceId)
            .ToListAsync(ct);

        var joint = page.Where(x => x.Row.Joint).ToList();
        var jointIds = joint.Select(x => x.Row.Occurrence.AssignmentId).Distinct().ToList();
        var agreed = jointIds.Count == 0 ? [] : await db.JointConsents.AsNoTracking()
            .Where(c => jointIds.Contains(c.AssignmentId) && c.Decision == JointDecision.Agreed)
            .Select(c => new { c.AssignmentId, c.ClientId }).ToListAsync(ct);
        var caseIds = joint.Select(x => x.Row.CaseId).Distinct().ToList();
        var alertCases = caseIds.Count == 0 ? [] : await db.SafetyAlerts.AsNoTracking()
            .Where(a => caseIds.Contains(a.CaseId) && a.Status == SafetyAlertStatus.Open)
            .Select(a => a.CaseId).Distinct().ToListAsync(ct);

        var items = page.Select(x =>
        {
            var (r, state) = x;
            var o = r.Occurrence;
            var available = !r.Joint || (r.ClientIds.All(c => agreed.Any(g => g.AssignmentId == o.AssignmentId && g.ClientId == c))
                && !alertCases.Contains(r.CaseId));
            return new MyAssignmentItem(o.Id, o.AssignmentId, o.CaseId, r.Title, o.DueAt, o.AvailableAt, state.ToString(), o.Sequence,
                r.Count, r.Joint, available, r.Note, unseen.Count(id => id == o.Id), shared.Contains(o.Id), o.SubmittedAt);
        }).ToList();
        return new MyAssignmentsPage(items, open.Count + doneTotal, unseen.Count);
    }

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
        var a = target.Assignment;
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == a.ExerciseVersionId, ct);
        var forClient = target.Role == HomeworkRole.Client;
        var recurrence = a.Every is { } every ? new RecurrenceResponse(every.ToString(), a.Count) : null;
        if (!forClient)
        {
            var scope = db.Submissions.AsNoTracking().Where(s => s.AssignmentId == a.Id);
            if (target.Occurrence is { } only)
            {
                scope = scope.Where(s => s.OccurrenceId == only.Id);
            }
            var all = await SubmissionViewsAsync(db, scope, callerId, ct);
            var states = (await AssignmentAsync(db, a.Id, now, ct))!.Clients;
            return new AssignmentDetail(target.Occurrence?.Id ?? a.Id, a.Id, a.CaseId, a.Status.ToString(), a.Note, recurrence, a.Joint,
                ToResponse(version, false), target.Occurrence is { } o ? ToResponse(o, a.Status, now) : null,
                await HomeworkAccess.JointAvailableAsync(db, a, ct), null, null, all, states);
        }

        var occurrence = target.Occurrence!;
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.OccurrenceId == occurrence.Id, ct);
        // Own submission, and what the other partners of the same step chose to share (never a screening).
        var visible = db.Submissions.AsNoTracking().Where(s => s.OccurrenceId == occurrence.Id
            || (s.AssignmentId == a.Id && s.ClientId != callerId && !s.Screening
                && db.Occurrences.Any(o => o.Id == s.OccurrenceId && o.Sequence == occurrence.Sequence)
                && db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null)));
        var answers = await SubmissionViewsAsync(db, visible, callerId, ct);
        var decision = await db.JointConsents.AsNoTracking().Where(c => c.AssignmentId == a.Id && c.ClientId == callerId)
            .Select(c => (JointDecision?)c.Decision).FirstOrDefaultAsync(ct);
        await db.Reviews.Where(r => r.SeenAt == null && db.Submissions.Any(s => s.Id == r.SubmissionId && s.OccurrenceId == occurrence.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SeenAt, now), ct);
        return new AssignmentDetail(occurrence.Id, a.Id, a.CaseId, a.Status.ToString(), a.Note, recurrence, a.Joint, ToResponse(version, true),
            ToResponse(occurrence, a.Status, now), await HomeworkAccess.JointAvailableAsync(db, a, ct),
            decision switch { JointDecision.Agreed => "Agree", JointDecision.Declined => "Decline", _ => null },
            draft is null ? null : new DraftView(draft.Version, draft.UpdatedAt, AnswerRules.Deserialize(draft.Answers)),
            answers, null);
    }

    /// <summary>
    /// A partner's shared submission, read through its own occurrence id: only when shared, never a
    /// screening. Null (404) otherwise.
    /// </summary>
    public static async Task<AssignmentDetail?> SharedDetailAsync(AppDbContext db, Guid occurrenceId, Guid callerId, DateTimeOffset now, CancellationToken ct)
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
        var answers = await SubmissionViewsAsync(db, shared, callerId, ct);
        if (answers.Count == 0)
        {
            return null;
        }
        var a = await db.Assignments.AsNoTracking().FirstAsync(x => x.Id == occurrence.AssignmentId, ct);
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == a.ExerciseVersionId, ct);
        return new AssignmentDetail(occurrence.Id, a.Id, a.CaseId, a.Status.ToString(), null, null, a.Joint, ToResponse(version, true),
            ToResponse(occurrence, a.Status, now), true, null, null,
            // The reviews are the counselor's words to the writer, not to the partner.
            answers.Select(s => s with { Reviews = [] }).ToList(), null);
    }

    private static async Task<List<SubmissionView>> SubmissionViewsAsync(AppDbContext db, IQueryable<Submission> query, Guid callerId, CancellationToken ct)
    {
        var rows = await (
                from s in query
                join o in db.Occurrences.AsNoTracking() on s.OccurrenceId equals o.Id
                orderby o.Sequence, s.SubmittedAt
                select new
                {
                    s.Id, s.OccurrenceId, s.ClientId, o.Sequence, s.SubmittedAt, s.Answers, s.Screening,
                    Shared = db.Shares.Any(sh => sh.SubmissionId == s.Id && sh.WithdrawnAt == null),
                    Partners = db.CaseClients.Any(cc => cc.CaseId == s.CaseId && cc.ClientId != s.ClientId),
                })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var reviews = await (
                from r in db.Reviews.AsNoTracking()
                where ids.Contains(r.SubmissionId)
                join u in db.Users.AsNoTracking() on r.ReviewerId equals u.Id
                orderby r.At
                select new { r.SubmissionId, View = new ReviewView(r.Id, r.Comment, r.ReviewerId, u.DisplayName, r.At) })
            .ToListAsync(ct);
        return rows.Select(r => new SubmissionView(r.Id, r.OccurrenceId, r.ClientId, r.Sequence, r.SubmittedAt, r.Shared,
                !r.Screening && r.Partners, r.ClientId == callerId, AnswerRules.Deserialize(r.Answers),
                reviews.Where(x => x.SubmissionId == r.Id).Select(x => x.View).ToList()))
            .ToList();
    }

    public static SafetyAlertResponse ToResponse(SafetyAlert a) => new(
        a.Id, a.CaseId, a.ClientId, a.OccurrenceId, a.Source.ToString(), a.Status.ToString(), a.RaisedAt, a.ResolvedAt, a.ResolvedBy, a.ResolutionNote);
}
