using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// The client's own homework: every item assigned to them, their drafts and submissions with the
/// counselor's feedback, and the prompts they answered. Never a partner's writing, shared or not.
/// </summary>
internal sealed class HomeworkExportContributor(AppDbContext db) : IClientDataExportContributor
{
    public async Task ContributeAsync(ClientExportContext export, CancellationToken ct)
    {
        var clientId = export.ClientId;
        var occurrences = await (
                from o in db.Occurrences.AsNoTracking()
                where o.ClientId == clientId
                join a in db.Assignments.AsNoTracking() on o.AssignmentId equals a.Id
                join v in db.ExerciseVersions.AsNoTracking() on a.ExerciseVersionId equals v.Id
                orderby o.AvailableAt, o.Sequence
                select new { Occurrence = o, a.Note, a.Status, Version = v })
            .ToListAsync(ct);
        var ids = occurrences.Select(o => o.Occurrence.Id).ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.ClientId == clientId).ToListAsync(ct);
        var submissionIds = submissions.Select(s => s.Id).ToList();
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ClientId == clientId && ids.Contains(d.OccurrenceId)).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => submissionIds.Contains(r.SubmissionId)).OrderBy(r => r.At).ToListAsync(ct);
        var shares = await db.Shares.AsNoTracking().Where(s => submissionIds.Contains(s.SubmissionId)).OrderBy(s => s.SharedAt).ToListAsync(ct);

        export.AddJson("homework/items.json", occurrences.Select(x =>
        {
            var o = x.Occurrence;
            var submission = submissions.FirstOrDefault(s => s.OccurrenceId == o.Id);
            var draft = drafts.FirstOrDefault(d => d.OccurrenceId == o.Id);
            return new
            {
                o.Id, o.AssignmentId, o.CaseId, Exercise = x.Version.Title, ExerciseVersion = x.Version.Version, o.Sequence,
                o.AvailableAt, o.DueAt, State = o.State.ToString(), x.Note,
                Prompts = x.Version.Prompts.Select(p => new { p.Id, Kind = p.Kind.ToString(), p.Text, p.Min, p.Max, p.Options }),
                Draft = draft is null ? null : new { draft.UpdatedAt, Answers = AnswerRules.Deserialize(draft.Answers) },
                Submission = submission is null ? null : new
                {
                    submission.Id, submission.SubmittedAt, Answers = AnswerRules.Deserialize(submission.Answers),
                    Shares = shares.Where(s => s.SubmissionId == submission.Id).Select(s => new { s.SharedAt, s.WithdrawnAt }),
                    Feedback = reviews.Where(r => r.SubmissionId == submission.Id).Select(r => new { r.At, r.Comment }),
                },
            };
        }).ToList());
    }
}

/// <summary>
/// Erasure: the client's words go (drafts, submissions, feedback on them, shares, consents, reminders);
/// the scale answers stay as numbers for the practice's aggregates but no longer say whose they were or what
/// was written next to them. Items stay as rows (assignments of a case partner still point to them), emptied.
/// </summary>
internal sealed class HomeworkErasureContributor(AppDbContext db) : IClientErasureContributor
{
    public async Task EraseAsync(ClientErasureContext erasure, CancellationToken ct)
    {
        var clientId = erasure.ClientId;
        await db.Drafts.Where(d => d.ClientId == clientId).ExecuteDeleteAsync(ct);
        await db.Reviews.Where(r => db.Submissions.Any(s => s.Id == r.SubmissionId && s.ClientId == clientId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, "(erased)"), ct);
        await db.Shares.Where(sh => db.Submissions.Any(s => s.Id == sh.SubmissionId && s.ClientId == clientId)).ExecuteDeleteAsync(ct);
        await db.Submissions.Where(s => s.ClientId == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Answers, "[]").SetProperty(x => x.IdempotencyKey, (string?)null), ct);
        await db.SafetyAlerts.Where(a => a.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ResolutionNote, (string?)null), ct);
        await db.JointConsents.Where(c => c.ClientId == clientId).ExecuteDeleteAsync(ct);
        await db.Reminders.Where(r => db.Occurrences.Any(o => o.Id == r.OccurrenceId && o.ClientId == clientId)).ExecuteDeleteAsync(ct);
        await db.Occurrences.Where(o => o.ClientId == clientId && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OccurrenceState.Cancelled), ct);
    }
}

/// <summary>An exercise ever assigned (in any state) can be archived but not deleted.</summary>
internal sealed class HomeworkExerciseUsage(AppDbContext db) : IExerciseUsage
{
    public Task<bool> IsEverAssignedAsync(Guid exerciseId, CancellationToken ct) => db.Assignments.AnyAsync(a => a.ExerciseId == exerciseId, ct);
}
