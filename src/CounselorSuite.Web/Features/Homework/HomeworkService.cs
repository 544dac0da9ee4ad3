using System.Security.Claims;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Measures;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Every change to homework, shared by the API and the pages: assigning, drafts, submissions, reviews,
/// sharing, joint consent, due dates, pausing and cancelling, and safety alerts. Each command checks who
/// may do it, validates, and changes nothing when it fails.
/// </summary>
public sealed class HomeworkService(
    AppDbContext db, IAuditLog audit, INotificationSender notifications, TimeProvider clock, ILogger<HomeworkService> logger,
    IBackgroundJobClient jobs, UnitOfWork work)
{
    public const int MaxRecurrence = 60;
    public const int MaxNote = 2000;
    public const int MaxComment = 5000;
    public const int MaxIdempotencyKey = 200;

    // ---------------------------------------------------------------- assigning

    public async Task<Outcome<AssignmentResponse>> AssignAsync(ClaimsPrincipal user, AssignRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.CaseId is not { } caseId)
        {
            return Failure.Invalid(errors.Add("caseId", "Say which case."));
        }
        var role = await HomeworkAccess.RoleInCaseAsync(db, user, caseId, ct);
        if (role is null or HomeworkRole.Client)
        {
            return Failure.NotFound;
        }
        if (role == HomeworkRole.Admin)
        {
            return Failure.Forbidden;
        }
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.IsClosed, c.Kind, Clients = c.Clients.OrderBy(x => x.AddedAt).Select(x => x.ClientId).ToList() })
            .FirstAsync(ct);

        ExerciseVersion? version = null;
        var archived = false;
        var kind = AssignmentKind.Exercise;
        if (request.ExerciseId is null && !string.IsNullOrWhiteSpace(request.MeasureKey))
        {
            // Progress: a measure is assigned through the hidden exercise version that carries its items.
            kind = AssignmentKind.Measure;
            version = (await MeasureForms.EnsureAsync(db, clock, request.MeasureKey.Trim(), request.MeasureVersion, ct))?.Version;
            if (version is null)
            {
                errors.Add("measureKey", "This practice has no such measure.");
            }
        }
        else if (request.ExerciseId is not { } exerciseId)
        {
            errors.Add("exerciseId", "Choose an exercise.");
        }
        else
        {
            version = await db.CurrentVersionOf(exerciseId).AsNoTracking().FirstOrDefaultAsync(ct);
            archived = await db.Exercises.AnyAsync(e => e.Id == exerciseId && e.IsArchived, ct);
            if (version is null)
            {
                errors.Add("exerciseId", "This practice's library has no such exercise.");
            }
            else if (archived)
            {
                errors.Add("exerciseId", "This exercise is archived. Restore it to assign it.");
            }
        }

        List<Guid> clients;
        if (request.ClientIds is null || request.ClientIds.Count == 0)
        {
            clients = found.Clients;
            if (clients.Count == 0)
            {
                errors.Add("clientIds", "This case has no clients yet. Invite them first.");
            }
        }
        else
        {
            clients = request.ClientIds.Distinct().ToList();
            if (clients.Any(c => !found.Clients.Contains(c)))
            {
                errors.Add("clientIds", "Every client must be a client of this case.");
            }
        }

        var now = Now();
        var startsAt = request.StartsAt?.ToUniversalTime() ?? now;
        if (request.StartsAt is { } s && s < now.AddDays(-1))
        {
            errors.Add("startsAt", "The start cannot be in the past.");
        }
        if (request.DueAt is { } due && due <= now)
        {
            errors.Add("dueAt", "The due date must be in the future.");
        }
        else if (request.DueAt is { } due2 && due2 <= startsAt)
        {
            errors.Add("dueAt", "The due date must be after the start.");
        }

        RecurrenceEvery? every = null;
        var count = 1;
        if (request.Recurrence is { } recurrence)
        {
            if (!ExerciseVocabulary.TryParseName<RecurrenceEvery>(recurrence.Every, out var e))
            {
                errors.Add("recurrence.every", "Repeat every Day or Week.");
            }
            else
            {
                every = e;
            }
            if (recurrence.Count is not { } n || n < 1 || n > MaxRecurrence)
            {
                errors.Add("recurrence.count", $"Repeat 1 to {MaxRecurrence} times.");
            }
            else
            {
                count = n;
            }
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : ExerciseRules.Clean(request.Note);
        if (note is { Length: > MaxNote })
        {
            errors.Add("note", $"A note must be at most {MaxNote} characters.");
        }
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        if (request.ExerciseVersion is { } seen && seen != version!.Version)
        {
            return Failure.Conflict($"The exercise has changed since you opened it (now version {version.Version}). Look at it again, then assign.");
        }
        if (found.IsClosed)
        {
            return Failure.Conflict("This case is closed; reopen it to assign homework.");
        }

        var step = every switch { RecurrenceEvery.Day => TimeSpan.FromDays(1), RecurrenceEvery.Week => TimeSpan.FromDays(7), _ => TimeSpan.Zero };
        // A recurring assignment without a due date is due at the end of each step.
        var firstDue = request.DueAt?.ToUniversalTime() ?? (every is null ? null : startsAt + step);
        var assignment = new Assignment
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = kind,
            ExerciseId = version!.ExerciseId, ExerciseVersionId = version.Id, Joint = version.Joint && clients.Count > 1,
            ClientIds = clients.ToArray(), Note = note, Every = every, Count = count, StartsAt = startsAt, FirstDueAt = firstDue,
            Status = AssignmentStatus.Active, CreatedBy = user.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        for (var i = 0; i < count; i++)
        {
            // Step i opens when step i-1 is due, so a weekly exercise shows one item a week.
            var availableAt = i == 0 ? startsAt : firstDue!.Value + step * (i - 1);
            foreach (var client in clients)
            {
                assignment.Occurrences.Add(new Occurrence
                {
                    PracticeId = assignment.PracticeId, Id = Guid.CreateVersion7(now), AssignmentId = assignment.Id, CaseId = caseId,
                    ClientId = client, Sequence = i + 1, AvailableAt = availableAt, DueAt = firstDue is { } d ? d + step * i : null,
                    State = OccurrenceState.Assigned, UpdatedAt = now,
                });
            }
        }
        db.Assignments.Add(assignment);
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentCreated, "Assignment", assignment.Id, clients));
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync(clients, Notice.NewItem, ct);
        return await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct) ?? throw new InvalidOperationException("Just saved.");
    }

    // ---------------------------------------------------------------- the client's work

    public async Task<Outcome<DraftResponse>> SaveDraftAsync(ClaimsPrincipal user, Guid id, DraftRequest request, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (target is not { Role: HomeworkRole.Client, Occurrence: { } occurrence })
        {
            return target is null || !user.IsClient() ? Failure.NotFound : Failure.Forbidden;
        }
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == target.Assignment.ExerciseVersionId, ct);
        var errors = new FieldErrors();
        var answers = AnswerRules.Validate(request.Answers, version.Prompts, errors);
        if (answers is null)
        {
            return Failure.Invalid(errors);
        }
        if (await WorkableAsync(target.Assignment, occurrence, ct) is { } refused)
        {
            return refused;
        }

        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.OccurrenceId == occurrence.Id, ct);
        if (request.Version is { } expected && expected != (draft?.Version ?? 0))
        {
            return Failure.Conflict("These answers were changed elsewhere (another tab or device). Reload to see the latest before saving.");
        }
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
        {
            // Two saves raced (two tabs); the other one won. Nothing of this one is stored: the page keeps the text.
            db.ChangeTracker.Clear();
            return Failure.Conflict("These answers were changed elsewhere (another tab or device). Reload to see the latest before saving.");
        }

        // A measure's critical rules count as in a submit (a scale prompt cannot spell out "values" or "atOrAbove").
        var danger = AnswerRules.SignalsDanger(answers, version.Prompts)
            || await Progress.Measures.MeasureSubmissions.HitsCriticalRuleAsync(db, clock, version, answers, ct);
        if (danger)
        {
            // A client who is interrupted may never submit: a danger answer in a draft reaches the counselor too.
            await RaiseAlertAsync(occurrence, null, SafetyAlertSource.Draft, now, ct);
        }
        return new DraftResponse(occurrence.Id, HomeworkAccess.StateAt(occurrence.State, occurrence.DueAt, target.Assignment.Status, now).ToString(),
            draft.Version, draft.UpdatedAt, danger);
    }

    public async Task<Outcome<SubmitResponse>> SubmitAsync(ClaimsPrincipal user, Guid id, SubmitRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (target is not { Role: HomeworkRole.Client, Occurrence: { } occurrence })
        {
            return target is null || !user.IsClient() ? Failure.NotFound : Failure.Forbidden;
        }
        var errors = new FieldErrors();
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > MaxIdempotencyKey })
        {
            errors.Add("Idempotency-Key", $"An Idempotency-Key must be at most {MaxIdempotencyKey} characters.");
        }
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == target.Assignment.ExerciseVersionId, ct);
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
        if (await WorkableAsync(target.Assignment, occurrence, ct) is { } refused)
        {
            return refused;
        }
        if ((request.ExerciseVersion is { } number && number != version.Version)
            || (request.ExerciseVersionId is { } versionId && versionId != version.Id))
        {
            return Failure.Conflict($"These answers are for another version of the exercise; this item is version {version.Version}.");
        }

        // Progress: a measure is scored before anything is written; answers it cannot score change nothing.
        var measure = target.Assignment.Kind == AssignmentKind.Measure
            ? await MeasureSubmissions.ScoreAsync(db, clock, version, answers, errors, ct)
            : null;
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var screening = AnswerRules.IsScreening(version, answers);
        var submission = new Submission
        {
            PracticeId = occurrence.PracticeId, Id = Guid.CreateVersion7(now), OccurrenceId = occurrence.Id, AssignmentId = occurrence.AssignmentId,
            CaseId = occurrence.CaseId, ClientId = occurrence.ClientId, ExerciseVersionId = version.Id, Answers = AnswerRules.Serialize(answers),
            AnswersHash = hash, IdempotencyKey = key, Screening = screening, SubmittedAt = now,
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
        // Progress: the measure's result (and dimension rows the loop above cannot write) in the same save.
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
        SafetyAlert? alert = null;
        if (danger)
        {
            alert = NewAlert(occurrence, submission.Id, SafetyAlertSource.Submission, now);
            db.SafetyAlerts.Add(alert);
            audit.Add(new AuditEntry(HomeworkAudit.SafetyAlertRaised, "SafetyAlert", alert.Id, [occurrence.ClientId]));
        }
        audit.Add(new AuditEntry(HomeworkAudit.Submitted, "Submission", submission.Id, [occurrence.ClientId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // Another request for the same occurrence (a double tap, a retry) got there first.
            db.ChangeTracker.Clear();
            return await RepeatAsync(occurrence, key, hash, version, ct)
                ?? Failure.Conflict("This item was already submitted with other answers.");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RepeatAsync(occurrence, key, hash, version, ct)
                ?? Failure.Conflict("This item was already submitted with other answers.");
        }
        if (alert is not null)
        {
            NotifyCounselors(alert);
        }
        return new SubmitResponse(nameof(OccurrenceState.Submitted), now, occurrence.Id, submission.Id, danger);
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

    // ---------------------------------------------------------------- sharing and joint consent

    public async Task<Outcome<ShareResponse>> SetSharedAsync(ClaimsPrincipal user, Guid id, bool share, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (target is not { Role: HomeworkRole.Client, Occurrence: { } occurrence })
        {
            return target is null || !user.IsClient() ? Failure.NotFound : Failure.Forbidden;
        }
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.OccurrenceId == occurrence.Id, ct);
        if (submission is null)
        {
            return Failure.Conflict("Submit it first; then you can share it.");
        }
        var live = await db.Shares.FirstOrDefaultAsync(s => s.SubmissionId == submission.Id && s.WithdrawnAt == null, ct);
        if (share)
        {
            if (submission.Screening)
            {
                return Failure.Conflict("Answers to a private check-in stay between you and your counselor; they cannot be shared.");
            }
            if (!await db.CaseClients.AnyAsync(c => c.CaseId == occurrence.CaseId && c.ClientId != occurrence.ClientId, ct))
            {
                return Failure.Conflict("There is no one else in your sessions to share this with.");
            }
            if (live is null)
            {
                db.Shares.Add(new Share { PracticeId = submission.PracticeId, Id = Guid.CreateVersion7(now), SubmissionId = submission.Id, SharedAt = now });
                audit.Add(new AuditEntry(HomeworkAudit.Shared, "Submission", submission.Id, [occurrence.ClientId]));
            }
        }
        else if (live is not null)
        {
            live.WithdrawnAt = now;
            audit.Add(new AuditEntry(HomeworkAudit.Unshared, "Submission", submission.Id, [occurrence.ClientId]));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // shared twice at once: it is shared
        }
        return new ShareResponse(occurrence.Id, share);
    }

    public async Task<Outcome<ConsentResponse>> DecideJointAsync(ClaimsPrincipal user, Guid id, ConsentRequest request, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (target is not { Role: HomeworkRole.Client, Occurrence: { } occurrence })
        {
            return target is null || !user.IsClient() ? Failure.NotFound : Failure.Forbidden;
        }
        JointDecision decision;
        switch (request.Decision)
        {
            case "Agree" or "Agreed":
                decision = JointDecision.Agreed;
                break;
            case "Decline" or "Declined":
                decision = JointDecision.Declined;
                break;
            default:
                return Failure.Invalid(new FieldErrors().Add("decision", "Decision must be Agree or Decline."));
        }
        var assignment = target.Assignment;
        if (!assignment.Joint)
        {
            return Failure.Conflict("This is not a joint exercise; there is nothing to agree to.");
        }
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return Failure.Conflict("This item was cancelled by your counselor.");
        }
        var consent = await db.JointConsents.FirstOrDefaultAsync(c => c.AssignmentId == assignment.Id && c.ClientId == occurrence.ClientId, ct);
        if (consent is null)
        {
            consent = new JointConsent { PracticeId = assignment.PracticeId, AssignmentId = assignment.Id, ClientId = occurrence.ClientId };
            db.JointConsents.Add(consent);
        }
        consent.Decision = decision;
        consent.DecidedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.JointDecided, "Assignment", assignment.Id, [occurrence.ClientId]) { Detail = decision.ToString() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Your answer was just saved from another device. Reload to see it.");
        }
        return new ConsentResponse(occurrence.Id, decision == JointDecision.Agreed ? "Agree" : "Decline",
            await HomeworkAccess.JointAvailableAsync(db, assignment, ct));
    }

    // ---------------------------------------------------------------- the counselor's side

    public async Task<Outcome<ReviewResponse>> ReviewAsync(ClaimsPrincipal user, Guid id, ReviewRequest request, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        var errors = new FieldErrors();
        var comment = ExerciseRules.Clean(request.Comment);
        errors.Require(comment, "comment", MaxComment, "Comment");
        var assignment = target!.Assignment;
        var occurrence = target.Occurrence;
        if (occurrence is null)
        {
            var clientId = request.ClientId ?? (assignment.ClientIds.Length == 1 ? assignment.ClientIds[0] : (Guid?)null);
            if (clientId is null || !assignment.ClientIds.Contains(clientId.Value))
            {
                errors.Add("clientId", "Say whose submission you are reviewing (or use the item's own id).");
            }
            else
            {
                occurrence = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id && o.ClientId == clientId
                        && (o.State == OccurrenceState.Submitted || o.State == OccurrenceState.Reviewed))
                    .OrderByDescending(o => o.Sequence).FirstOrDefaultAsync(ct);
            }
        }
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        var submission = occurrence is null ? null : await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.OccurrenceId == occurrence.Id, ct);
        if (occurrence is null || submission is null)
        {
            return Failure.Conflict("Nothing has been submitted yet.");
        }
        var review = new Review { PracticeId = submission.PracticeId, Id = Guid.CreateVersion7(now), SubmissionId = submission.Id, ReviewerId = user.UserId(), Comment = comment, At = now };
        db.Reviews.Add(review);
        occurrence.State = OccurrenceState.Reviewed;
        occurrence.ReviewedAt = now;
        occurrence.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.Reviewed, "Submission", submission.Id, [occurrence.ClientId]));
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync([occurrence.ClientId], Notice.NewFeedback, ct);
        return new ReviewResponse(occurrence.Id, nameof(OccurrenceState.Reviewed), now, review.Id);
    }

    /// <summary>
    /// A new due date. With an occurrence id, for that item; with an assignment id, the first open item gets
    /// it and the later ones move by the same amount (each step keeps its length).
    /// </summary>
    public async Task<Outcome<AssignmentResponse>> ChangeDueAsync(ClaimsPrincipal user, Guid id, DueDateRequest request, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        if (request.DueAt is not { } dueAt || dueAt <= now)
        {
            return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be in the future."));
        }
        var assignment = target!.Assignment;
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return Failure.Conflict("This assignment was cancelled.");
        }
        dueAt = dueAt.ToUniversalTime();
        var open = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id
                && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress))
            .OrderBy(o => o.Sequence).ToListAsync(ct);
        if (target.Occurrence is { } one)
        {
            if (one.State is not (OccurrenceState.Assigned or OccurrenceState.InProgress))
            {
                return Failure.Conflict("This item was already submitted or cancelled.");
            }
            open = open.Where(o => o.Id == one.Id).ToList();
            if (dueAt <= one.AvailableAt)
            {
                return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be after the item opens."));
            }
            one.DueAt = dueAt;
            one.UpdatedAt = now;
        }
        else
        {
            if (open.Count == 0)
            {
                return Failure.Conflict("Every item of this assignment was already submitted.");
            }
            var first = open[0];
            var step = assignment.Every switch { RecurrenceEvery.Day => TimeSpan.FromDays(1), RecurrenceEvery.Week => TimeSpan.FromDays(7), _ => TimeSpan.Zero };
            foreach (var o in open)
            {
                var shift = first.DueAt is { } old ? dueAt - old : TimeSpan.Zero;
                var newDue = first.DueAt is null ? dueAt + step * (o.Sequence - first.Sequence) : o.DueAt!.Value + shift;
                if (o.Sequence > first.Sequence && first.DueAt is not null)
                {
                    o.AvailableAt += shift;
                }
                o.DueAt = newDue;
                o.UpdatedAt = now;
            }
            if (open.Any(o => o.DueAt <= o.AvailableAt))
            {
                db.ChangeTracker.Clear();
                return Failure.Invalid(new FieldErrors().Add("dueAt", "The due date must be after the item opens."));
            }
            if (first.Sequence == 1)
            {
                assignment.FirstDueAt = dueAt;
            }
        }
        assignment.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentChanged, "Assignment", assignment.Id, open.Select(o => o.ClientId).Distinct().ToList()) { Detail = "due date" });
        await db.SaveChangesAsync(ct);
        return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!;
    }

    public enum StatusChange { Pause, Resume, Cancel }

    /// <summary>
    /// Pause stops reminders, overdue and new items opening; resume moves the open items' dates on by the
    /// time paused. Cancel takes the open items off the clients' lists; what was submitted stays.
    /// </summary>
    public async Task<Outcome<AssignmentResponse>> ChangeStatusAsync(ClaimsPrincipal user, Guid id, StatusChange change, CancellationToken ct)
    {
        var now = Now();
        var target = await HomeworkAccess.ResolveAsync(db, user, id, now, ct);
        if (CounselorFailure(target, user) is { } failure)
        {
            return failure;
        }
        var assignment = target!.Assignment;
        if (assignment.Status == AssignmentStatus.Cancelled)
        {
            return change == StatusChange.Cancel
                ? (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!
                : Failure.Conflict("This assignment was cancelled.");
        }
        var open = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id
            && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress)).ToListAsync(ct);
        switch (change)
        {
            case StatusChange.Pause when assignment.Status == AssignmentStatus.Active:
                assignment.Status = AssignmentStatus.Paused;
                assignment.PausedAt = now;
                break;
            case StatusChange.Resume when assignment.Status == AssignmentStatus.Paused:
                var paused = now - (assignment.PausedAt ?? now);
                foreach (var o in open)
                {
                    if (o.AvailableAt > assignment.PausedAt)
                    {
                        o.AvailableAt += paused;
                    }
                    if (o.DueAt is { } due && due > assignment.PausedAt!.Value)
                    {
                        o.DueAt = due + paused;
                    }
                    o.UpdatedAt = now;
                }
                assignment.Status = AssignmentStatus.Active;
                assignment.PausedAt = null;
                break;
            case StatusChange.Cancel:
                assignment.Status = AssignmentStatus.Cancelled;
                assignment.CancelledAt = now;
                foreach (var o in open)
                {
                    o.State = OccurrenceState.Cancelled;
                    o.UpdatedAt = now;
                }
                break;
            default:
                return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!; // already so
        }
        assignment.UpdatedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.AssignmentChanged, "Assignment", assignment.Id, assignment.ClientIds) { Detail = change.ToString() });
        await db.SaveChangesAsync(ct);
        return (await HomeworkQueries.AssignmentAsync(db, assignment.Id, now, ct))!;
    }

    private static Failure? CounselorFailure(HomeworkTarget? target, ClaimsPrincipal user) => target?.Role switch
    {
        HomeworkRole.Counselor => null,
        HomeworkRole.Admin => Failure.Forbidden,
        HomeworkRole.Client => Failure.Forbidden,
        _ => user.IsClient() ? Failure.Forbidden : Failure.NotFound,
    };

    // ---------------------------------------------------------------- safety

    private SafetyAlert NewAlert(Occurrence occurrence, Guid? submissionId, SafetyAlertSource source, DateTimeOffset now) => new()
    {
        PracticeId = occurrence.PracticeId, Id = Guid.CreateVersion7(now), CaseId = occurrence.CaseId, ClientId = occurrence.ClientId,
        OccurrenceId = occurrence.Id, SubmissionId = submissionId, Source = source, RaisedAt = now, Status = SafetyAlertStatus.Open,
    };

    private async Task RaiseAlertAsync(Occurrence occurrence, Guid? submissionId, SafetyAlertSource source, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.SafetyAlerts.AnyAsync(a => a.OccurrenceId == occurrence.Id && a.Source == source, ct))
        {
            return;
        }
        var alert = NewAlert(occurrence, submissionId, source, now);
        db.SafetyAlerts.Add(alert);
        audit.Add(new AuditEntry(HomeworkAudit.SafetyAlertRaised, "SafetyAlert", alert.Id, [occurrence.ClientId]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // raised by a save running at the same moment
            return;
        }
        NotifyCounselors(alert);
    }

    /// <summary>
    /// The mail goes from a retried job enqueued once the alert has committed (the job runs on another
    /// connection); if this process dies before the enqueue, <see cref="SafetyAlertNotices.SweepAsync"/>
    /// finds the alert unsent and sends it.
    /// </summary>
    private void NotifyCounselors(SafetyAlert alert)
    {
        logger.LogInformation("A safety alert was raised for a case");
        var (practiceId, alertId) = (alert.PracticeId, alert.Id);
        work.AfterCommit(() => jobs.Enqueue<SafetyAlertNotices>(n => n.SendAsync(practiceId, alertId, CancellationToken.None)));
    }

    public async Task<Outcome<SafetyAlertResponse>> ResolveAlertAsync(ClaimsPrincipal user, Guid alertId, ResolveAlertRequest request, CancellationToken ct)
    {
        var alert = await db.SafetyAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct);
        var role = alert is null ? null : await HomeworkAccess.RoleInCaseAsync(db, user, alert.CaseId, ct);
        if (alert is null || role is null or HomeworkRole.Client)
        {
            return user.IsClient() ? Failure.Forbidden : Failure.NotFound;
        }
        if (role == HomeworkRole.Admin)
        {
            return Failure.Forbidden;
        }
        var note = ExerciseRules.Clean(request.Note);
        var errors = new FieldErrors().Require(note, "note", MaxNote, "A note on what was done");
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }
        if (alert.Status == SafetyAlertStatus.Resolved)
        {
            return Failure.Conflict("This alert was already resolved.");
        }
        var now = Now();
        alert.Status = SafetyAlertStatus.Resolved;
        alert.ResolutionNote = note;
        alert.ResolvedBy = user.UserId();
        alert.ResolvedAt = now;
        audit.Add(new AuditEntry(HomeworkAudit.SafetyAlertResolved, "SafetyAlert", alert.Id, [alert.ClientId]));
        await db.SaveChangesAsync(ct);
        return HomeworkQueries.ToResponse(alert);
    }

    /// <summary>The time, to the microsecond PostgreSQL keeps, so what a command answers equals what a later read gives.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    internal static bool IsUniqueViolation(Exception e) =>
        e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
        || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
