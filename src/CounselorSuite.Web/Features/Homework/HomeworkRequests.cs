using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Features.Homework;

public sealed record RecurrenceRequest(string? Every, int? Count);

/// <param name="ExerciseVersion">Optional: the version the counselor looked at; a newer current version gives 409.</param>
/// <param name="MeasureKey">Progress: instead of exerciseId, a measure's key (GET /api/measures) to assign the measure.</param>
/// <param name="MeasureVersion">Progress: with measureKey, a version of the measure; the latest when left out.</param>
public sealed record AssignRequest(
    Guid? CaseId, Guid? ExerciseId, IReadOnlyList<Guid>? ClientIds, DateTimeOffset? DueAt, RecurrenceRequest? Recurrence,
    string? Note = null, DateTimeOffset? StartsAt = null, int? ExerciseVersion = null, string? MeasureKey = null, int? MeasureVersion = null);

/// <param name="Version">The draft version the client's page loaded (0 for none yet); a stale one gives 409. Leave out to overwrite.</param>
public sealed record DraftRequest(IReadOnlyList<AnswerRequest?>? Answers, int? Version = null);

/// <param name="ExerciseVersion">Optional: the version number the client answered; a mismatch with the pinned one gives 409.</param>
/// <param name="ExerciseVersionId">Optional: the same, as the version's id.</param>
public sealed record SubmitRequest(IReadOnlyList<AnswerRequest?>? Answers, int? ExerciseVersion = null, Guid? ExerciseVersionId = null);

/// <param name="ClientId">With an assignment id for more than one client: whose latest submission.</param>
public sealed record ReviewRequest(string? Comment, Guid? ClientId = null);

public sealed record ConsentRequest(string? Decision);

public sealed record DueDateRequest(DateTimeOffset? DueAt);

public sealed record ResolveAlertRequest(string? Note);

public static class HomeworkAudit
{
    public const string AssignmentCreated = "AssignmentCreated";
    public const string AssignmentChanged = "AssignmentChanged";
    public const string AssignmentsListed = "AssignmentsListed";
    public const string AssignmentRead = "AssignmentRead";
    public const string DraftSaved = "HomeworkDraftSaved";
    public const string Submitted = "HomeworkSubmitted";
    public const string Reviewed = "HomeworkReviewed";
    public const string Shared = "HomeworkShared";
    public const string Unshared = "HomeworkUnshared";
    public const string JointDecided = "JointConsentDecided";
    public const string SafetyAlertRaised = "SafetyAlertRaised";
    public const string SafetyAlertResolved = "SafetyAlertResolved";
    public const string SafetyAlertsListed = "SafetyAlertsListed";
    public const string ReminderSent = "HomeworkReminderSent";
}
