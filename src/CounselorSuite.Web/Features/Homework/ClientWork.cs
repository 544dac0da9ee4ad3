using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// A client's work on their own item: drafts saved as they type, and the one submit, idempotent by key or
/// by answers. A danger answer raises a safety alert from either. Changes nothing when it fails.
/// </summary>
public sealed class ClientWork(AppDbContext db, IAuditLog audit, TimeProvider clock, SafetyAlertCommands alerts)
{
    public const int MaxIdempotencyKey = 200;

    private const string ChangedElsewhere =
        "These answers were changed elsewhere (another tab or device). Reload to see the latest before saving.";

    public async Task<Outcome<DraftResponse>> SaveDraftAsync(ClaimsPrincipal user, Guid id, DraftRequest request, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var mine = await HomeworkAccess.ClientItemAsync(db, user, id, now, ct);
        if (mine.Failure is { } failure)
        {
            return failure;
        }
        var (assignment, occurrence) = mine.Value!;
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == assignment.ExerciseVersionId, ct);
        var errors = new FieldErrors();
        var answers = AnswerRules.Validate(request.Answers, version.Prompts, errors);
        if (answers is null)
        {
            return Failure.Invalid(errors);
        }
        if (await WorkableAsync(assignment, occurrence, ct) is { } refused)
        {
            return refused;
        }

        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.OccurrenceId == occurrence.Id, ct);
        if (request.Version is { } expected && expected != (draft?.Version ?? 0))
        {
            return Failure.Conflict(ChangedElsewhere);
        }
        draft = WriteDraft(draft, occurrence, answers, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || HomeworkCommands.IsUniqueViolation(e))
        {
            // Two saves raced (two tabs); the other one won. Nothing of this one is stored: the page keeps the text.
            db.ChangeTracker.Clear();
            return Failure.Conflict(ChangedElsewhere);
        }

        // A measure's critical rules count as in a submit (a scale prompt cannot spell out "values" or "atOrAbove").
        var danger = AnswerRules.SignalsDanger(answers, version.Prompts)
            || await MeasureSubmissions.HitsCriticalRuleAsync(db, clock, version, answers, ct);
        if (danger)
        {
            // A client who is interrupted may never submit: a danger answer in a draft reaches the counselor too.
            await alerts.RaiseAsync(occurrence, null, SafetyAlertSource.Draft, now, ct);
        }
        return new DraftResponse(occurrence.Id, HomeworkAccess.StateAt(occurrence.State, occurrence.DueAt, assignment.Status, now).ToString(),
            draft.Version, draft.UpdatedAt, danger);
    }

    /// <summary>The draft with these answers (a new one when there was none); the item counts as started.</summary>
    private Draft WriteDraft(Draft? draft, Occurrence occurrence, List<PromptAnswer> answers, DateTimeOffset now)
    {
        if (draft is null)
        {
            draft = new Draft { PracticeId = occurrence.PracticeId, OccurrenceId = occurrence.Id, ClientId = occurrence.ClientId, Answers = "[]" };
            db.Drafts.Add(draft);
        }
        draft.Answers = AnswerRules.Serialize(answers);
        draft.Version++;
        draft.UpdatedAt = now;
        if (occurrence.State == OccurrenceState.Assigned)
        {
            occurrence.State = OccurrenceState.InProgress;
            occurrence.UpdatedAt = now;
        }
        audit.Add(new AuditEntry(HomeworkAudit.DraftSaved, "Occurrence", occurrence.Id, [occurrence.ClientId]));
        return draft;
    }

    public async Task<Outcome<SubmitResponse>> SubmitAsync(ClaimsPrincipal user, Guid id, SubmitRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var now = HomeworkCommands.Now(clock);
        var mine = await HomeworkAccess.ClientItemAsync(db, user, id, now, ct);
        if (mine.Failure is { } failure)
        {
            return failure;
        }
        var (assignment, occurrence) = mine.Value!;
        var errors = new FieldErrors();
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > MaxIdempotencyKey })
        {
            errors.Add("Idempotency-Key", $"An Idempotency-Key must be at most {MaxIdempotencyKey} characters.");
        }
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == assignment.ExerciseVersionId, ct);
        var answers = AnswerRules.Validate(request.Answers, version.Prompts, errors);
        if (answers is not null && answers.Count == 0)
        {
            errors.Add("answers", "Answer at least one prompt before submitting.");
        }
        if (answers is null || errors.Any)
        {
            return Failure.Invalid(errors);
        }
        var hash = AnswerRules.Hash(occurrence.Id, answers);

        // A repeat (same key, or no key and the same answers) gets the first answer; nothing is done twice.
        if (await RepeatAsync(occurrence, key, hash, version, ct) is { } repeat)
        {
            return repeat;
        }
        if (await WorkableAsync(assignment, occurrence, ct) is { } refused)
        {
            return refused;
        }
        if ((request.ExerciseVersion is { } number && number != version.Version)
            || (request.ExerciseVersionId is { } versionId && versionId != version.Id))
        {
            return Failure.Conflict($"These answers are for another version of the exercise; this item is version {version.Version}.");
        }

        // Progress: a measure is scored before anything is written; answers it cannot score change nothing.
        var measure = assignment.Kind == AssignmentKind.Measure
            ? await MeasureSubmissions.ScoreAsync(db, clock, version, answers, errors, ct)
            : null;
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        return await SaveSubmissionAsync(occurrence, version, answers, measure, key, hash, now, ct);
    }

    /// <summary>The submission, its scale answers and measure result, the state change and any alert, in one save.</summary>
    private async Task<Outcome<SubmitResponse>> SaveSubmissionAsync(Occurrence occurrence, ExerciseVersion version, List<PromptAnswer> answers,
        ScoredMeasure? measure, string? key, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var submission = AddSubmission(occurrence, version, answers, key, hash, now);
        // Progress: the measure's result (and dimension rows AddSubmission cannot write) in the same save.
        measure?.AddTo(db, submission, version.Prompts);
        occurrence.State = OccurrenceState.Submitted;
        occurrence.SubmittedAt = now;
        occurrence.UpdatedAt = now;
        // The draft has become the submission; keeping it would only be a second copy of the same words.
        // Removed in the same save, so a submission that fails leaves the draft where it was.
        if (await db.Drafts.FirstOrDefaultAsync(d => d.OccurrenceId == occurrence.Id, ct) is { } draft)
        {
            db.Drafts.Remove(draft);
        }
        // Progress: a measure's critical item raises the same safety alert as a danger answer.
        var danger = AnswerRules.SignalsDanger(answers, version.Prompts) || measure?.RaisesSafetyAlert == true;
        var alert = danger ? alerts.Add(occurrence, submission.Id, SafetyAlertSource.Submission, now) : null;
        audit.Add(new AuditEntry(HomeworkAudit.Submitted, "Submission", submission.Id, [occurrence.ClientId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || HomeworkCommands.IsUniqueViolation(e))
        {
            // Another request for the same occurrence (a double tap, a retry) got there first.
            db.ChangeTracker.Clear();
            return await RepeatAsync(occurrence, key, hash, version, ct)
                ?? Failure.Conflict("This item was already submitted with other answers.");
        }
        if (alert is not null)
        {
            alerts.NotifyCounselors(alert);
        }
        return new SubmitResponse(nameof(OccurrenceState.Submitted), now, occurrence.Id, submission.Id, danger);
    }

    private Submission AddSubmission(Occurrence occurrence, ExerciseVersion version, List<PromptAnswer> answers, string? key, string hash, DateTimeOffset now)
    {
        var submission = new Submission
        {
            PracticeId = occurrence.PracticeId, Id = Guid.CreateVersion7(now), OccurrenceId = occurrence.Id, AssignmentId = occurrence.AssignmentId,
            CaseId = occurrence.CaseId, ClientId = occurrence.ClientId, ExerciseVersionId = version.Id, Answers = AnswerRules.Serialize(answers),
            AnswersHash = hash, IdempotencyKey = key, Screening = AnswerRules.IsScreening(version, answers), SubmittedAt = now,
        };
        db.Submissions.Add(submission);
        foreach (var answer in answers.Where(a => a.Value is not null))
        {
            var prompt = version.Prompts.First(p => p.Id == answer.PromptId);
            db.ScaleAnswers.Add(new ScaleAnswer
            {
                PracticeId = submission.PracticeId, SubmissionId = submission.Id, PromptId = prompt.Id, ClientId = submission.ClientId,
                CaseId = submission.CaseId, Dimension = prompt.Dimension, RawValue = answer.Value!.Value, Min = prompt.Min!.Value,
                Max = prompt.Max!.Value, AnsweredAt = now, Screening = version.SafetyScreening || prompt.Safety is not null,
            });
        }
        return submission;
    }

    /// <summary>
    /// The answer to a request that was already done: the stored submission when the key (or, without a key,
    /// the answers) match; a failure when the key or occurrence was used for something else; null when new.
    /// </summary>
    private async Task<Outcome<SubmitResponse>?> RepeatAsync(Occurrence occurrence, string? key, string hash, ExerciseVersion version, CancellationToken ct)
    {
        if (key is not null)
        {
            var byKey = await db.Submissions.AsNoTracking().Where(s => s.ClientId == occurrence.ClientId && s.IdempotencyKey == key)
                .Select(s => new { s.Id, s.OccurrenceId, s.AnswersHash, s.SubmittedAt, s.Answers }).FirstOrDefaultAsync(ct);
            if (byKey is not null)
            {
                return byKey.AnswersHash == hash
                    ? new SubmitResponse(nameof(OccurrenceState.Submitted), byKey.SubmittedAt, byKey.OccurrenceId, byKey.Id,
                        AnswerRules.SignalsDanger(AnswerRules.Deserialize(byKey.Answers), version.Prompts))
                    : Failure.KeyReused;
            }
        }
        var existing = await db.Submissions.AsNoTracking().Where(s => s.OccurrenceId == occurrence.Id)
            .Select(s => new { s.Id, s.AnswersHash, s.SubmittedAt, s.Answers }).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }
        return existing.AnswersHash == hash
            ? new SubmitResponse(nameof(OccurrenceState.Submitted), existing.SubmittedAt, occurrence.Id, existing.Id,
                AnswerRules.SignalsDanger(AnswerRules.Deserialize(existing.Answers), version.Prompts))
            : Failure.Conflict("This item was already submitted. What you sent then is kept; it cannot be changed.");
    }

    /// <summary>Why the client cannot work on this occurrence now, or null when they can.</summary>
    private async Task<Failure?> WorkableAsync(Assignment assignment, Occurrence occurrence, CancellationToken ct)
    {
        if (assignment.Status == AssignmentStatus.Cancelled || occurrence.State == OccurrenceState.Cancelled)
        {
            return Failure.Conflict("This item was cancelled by your counselor.");
        }
        if (occurrence.State is OccurrenceState.Submitted or OccurrenceState.Reviewed)
        {
            return Failure.Conflict("This item was already submitted. What you sent then is kept; it cannot be changed.");
        }
        if (!await HomeworkAccess.JointAvailableAsync(db, assignment, ct))
        {
            return Failure.Conflict("This item is not available yet.");
        }
        return null;
    }
}
