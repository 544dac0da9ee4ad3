using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Homework;

public enum RecurrenceEvery { Day, Week }

/// <summary>
/// What an assignment hands out. Measure (progress): a measure's items, carried by a hidden exercise version
/// (MeasureForm, kept by Exercises), scored on submission.
/// </summary>
public enum AssignmentKind { Exercise, Measure }

public enum AssignmentStatus { Active, Paused, Cancelled }

/// <summary>
/// The state of one occurrence. Overdue is never stored: it is computed when read (past due, not
/// submitted, assignment active). InProgress means a draft exists.
/// </summary>
public enum OccurrenceState { Assigned, InProgress, Submitted, Reviewed, Overdue, Cancelled }

public enum JointDecision { Agreed, Declined }

public enum SafetyAlertStatus { Open, Resolved }

/// <summary>Where a danger answer was seen: in a saved draft (the client may never submit) or a submission.</summary>
public enum SafetyAlertSource { Draft, Submission }

public enum ReminderKind { DueSoon, Overdue }

/// <summary>
/// Homework given to a case: one pinned exercise version, for some or all of the case's clients, once or
/// recurring. Each client's each step is an <see cref="Occurrence"/> with its own state.
/// </summary>
public sealed class Assignment : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public AssignmentKind Kind { get; set; }
    public Guid ExerciseId { get; set; }

    /// <summary>The exact version assigned; never changes, even when the exercise gets new versions.</summary>
    public Guid ExerciseVersionId { get; set; }

    /// <summary>Copied from the version: done together, so every partner must agree first.</summary>
    public bool Joint { get; set; }
    public Guid[] ClientIds { get; set; } = [];
    public string? Note { get; set; }
    public RecurrenceEvery? Every { get; set; }
    public int Count { get; set; } = 1;
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? FirstDueAt { get; set; }
    public AssignmentStatus Status { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Occurrence> Occurrences { get; set; } = [];
}

/// <summary>One client's one step of an assignment: what the client works on, drafts, submits and gets feedback on.</summary>
public sealed class Occurrence : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }

    /// <summary>1 for a one-off; 1..Count for a recurring assignment.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Assigned, InProgress, Submitted, Reviewed or Cancelled (Overdue is computed).</summary>
    public OccurrenceState State { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The client's work in progress, kept on the server so another device or a reload restores it.</summary>
public sealed class Draft : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid OccurrenceId { get; set; }
    public Guid ClientId { get; set; }

    /// <summary>The answers as JSON (jsonb): a list of PromptAnswer.</summary>
    public required string Answers { get; set; }

    /// <summary>Goes up with every save; a save that names an older version is refused (no lost updates).</summary>
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a client submitted for one occurrence: at most one per occurrence, never changed afterwards.</summary>
public sealed class Submission : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid OccurrenceId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }
    public Guid ExerciseVersionId { get; set; }

    /// <summary>The answers as JSON (jsonb): a list of PromptAnswer.</summary>
    public required string Answers { get; set; }

    /// <summary>SHA-256 of the occurrence and its canonical answers: a repeat with the same body is the same submission.</summary>
    public required string AnswersHash { get; set; }

    /// <summary>The Idempotency-Key (or the page's per-form token) it was submitted with.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Contains an answer to a safety-screening prompt or exercise: never shown to a partner.</summary>
    public bool Screening { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>
/// One Scale answer of a submission, kept as a row so progress reads a client's time series per dimension
/// quickly (index on practice, client, dimension, answered_at).
/// </summary>
public sealed class ScaleAnswer : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid PromptId { get; set; }
    public Guid ClientId { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The dimension the prompt measures; null for a scale that measures none.</summary>
    public ProgressDimension? Dimension { get; set; }
    public int RawValue { get; set; }
    public int Min { get; set; }
    public int Max { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>From a safety-screening prompt or exercise: never shown to a partner, whatever was shared.</summary>
    public bool Screening { get; set; }
}

/// <summary>
/// One week of a client's scale answers on one dimension in one case: how many, their sum on 0-100, and the
/// first and last answer's time. Kept by the database itself (triggers on scale_answers, see
/// docs/decisions/0003-progress-rollups.md), so a chart of five years reads some 260 rows per dimension
/// instead of every answer. Weeks are ISO weeks in UTC (Monday to Sunday).
/// </summary>
public sealed class ScaleAnswerWeek : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid ClientId { get; set; }
    public Guid CaseId { get; set; }
    public ProgressDimension Dimension { get; set; }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly WeekOf { get; set; }

    public int Answers { get; set; }

    /// <summary>The sum of the week's answers normalised to 0-100.</summary>
    public double ValueSum { get; set; }

    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>The counselor's feedback on a submission.</summary>
public sealed class Review : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid ReviewerId { get; set; }
    public required string Comment { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>When the client first read it; null counts as new feedback.</summary>
    public DateTimeOffset? SeenAt { get; set; }
}

/// <summary>
/// The writer shared a submission with the other clients of the case. Withdrawing sets WithdrawnAt; a
/// new share is a new row, so the history stays.
/// </summary>
public sealed class Share : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>A partner's private yes or no to a joint assignment. The other partners never see it.</summary>
public sealed class JointConsent : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid ClientId { get; set; }
    public JointDecision Decision { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A danger answer, for the case's counselors only. Never shown to another client.</summary>
public sealed class SafetyAlert : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }
    public Guid OccurrenceId { get; set; }
    public Guid? SubmissionId { get; set; }
    public SafetyAlertSource Source { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public SafetyAlertStatus Status { get; set; }
    public string? ResolutionNote { get; set; }
    public Guid? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>
    /// When the counselors' "attention needed" mail went out; null until then. The alert row is its own
    /// outbox: written in the alert's transaction, sent by a retried job, swept up if that job was lost.
    /// </summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}

/// <summary>A reminder sent (or being sent): inserted before sending, one per occurrence and kind.</summary>
public sealed class Reminder : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid OccurrenceId { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// A scored measure: one per submission of a measure assignment. Written in the same save as the
/// submission (ScoredMeasureRows), never changed afterwards.
/// </summary>
public sealed class MeasureResult : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }
    public required string MeasureKey { get; set; }
    public int MeasureVersion { get; set; }
    public double Total { get; set; }

    /// <summary>The cut-off band's label the total falls in; null when the measure has no band there.</summary>
    public string? Band { get; set; }

    /// <summary>The band is one of concern (for example a distress range).</summary>
    public bool BandConcern { get; set; }

    /// <summary>Subscale scores as JSON (jsonb): a list of {key, title, score}.</summary>
    public required string Subscales { get; set; }
    public DateTimeOffset At { get; set; }
}
