using CounselorSuite.Web.Features.Exercises;

using CounselorSuite.Web.Features.Notes;
namespace CounselorSuite.Web.Features.Homework;

public sealed record RecurrenceResponse(string Every, int Count);

public sealed record OccurrenceResponse(
    Guid Id, Guid ClientId, int Sequence, DateTimeOffset AvailableAt, DateTimeOffset? DueAt, string State,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt);

/// <param name="Share">Submitted by the due date, of those already due; null when nothing was due yet.</param>
public sealed record AdherenceResponse(int Due, int OnTime, int Late, double? Share);

/// <param name="JointDecision">For a joint assignment, the counselor sees each client's decision (the partners never do).</param>
public sealed record ClientStatesResponse(Guid ClientId, IReadOnlyList<OccurrenceResponse> Occurrences, AdherenceResponse Adherence, string? JointDecision);

/// <summary>An assignment as its counselors see it: each client's occurrences with their states, no answers.</summary>
public sealed record AssignmentResponse(
    Guid Id, Guid CaseId, string Kind, Guid ExerciseId, Guid ExerciseVersionId, int ExerciseVersion, string ExerciseTitle,
    bool Joint, IReadOnlyList<Guid> ClientIds, string? Note, RecurrenceResponse? Recurrence, DateTimeOffset StartsAt,
    DateTimeOffset? DueAt, string Status, DateTimeOffset CreatedAt, IReadOnlyList<ClientStatesResponse> Clients);

/// <summary>
/// One item of a client's homework. <c>Id</c> is the occurrence's id: use it with /api/assignments/{id},
/// /draft and /submit. <c>Available</c> is false for a joint exercise not yet agreed by everyone.
/// </summary>
public sealed record MyAssignmentItem(
    Guid Id, Guid AssignmentId, Guid CaseId, string ExerciseTitle, DateTimeOffset? DueAt, DateTimeOffset AvailableAt, string State,
    int Sequence, int Count, bool Joint, bool Available, string? Note, int NewFeedback, bool Shared, DateTimeOffset? SubmittedAt);

public sealed record DraftResponse(Guid Id, string State, int Version, DateTimeOffset UpdatedAt, bool ShowHelpResources);

/// <param name="ShowHelpResources">An answer signalled danger: show the practice's help resources now.</param>
public sealed record SubmitResponse(string State, DateTimeOffset SubmittedAt, Guid Id, Guid SubmissionId, bool ShowHelpResources);

public sealed record ReviewResponse(Guid Id, string State, DateTimeOffset ReviewedAt, Guid ReviewId);

public sealed record ShareResponse(Guid Id, bool Shared);

/// <param name="Available">Whether the exercise can be done now (everyone agreed, nothing holds it).</param>
public sealed record ConsentResponse(Guid Id, string Decision, bool Available);

public sealed record SafetyAlertResponse(
    Guid Id, Guid CaseId, Guid ClientId, Guid OccurrenceId, string Source, string Status, DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt, Guid? ResolvedBy, string? ResolutionNote);

public sealed record ExerciseVersionResponse(
    Guid Id, Guid VersionId, int Version, string Title, string Summary, string Instructions, IReadOnlyList<string> Steps,
    bool Joint, bool SafetyScreening, bool PointsToResources, IReadOnlyList<PromptResponse> Prompts);

public sealed record ReviewView(Guid Id, string Comment, Guid ReviewerId, string ReviewerName, DateTimeOffset At);

/// <param name="Mine">Written by the caller.</param>
/// <param name="Shared">The writer shares it with the other clients of the case.</param>
/// <param name="Shareable">It may be shared (not a safety screening, and someone to share with).</param>
public sealed record SubmissionView(
    Guid Id, Guid OccurrenceId, Guid ClientId, int Sequence, DateTimeOffset SubmittedAt, bool Shared, bool Shareable, bool Mine,
    IReadOnlyList<PromptAnswer> Answers, IReadOnlyList<ReviewView> Reviews);

public sealed record DraftView(int Version, DateTimeOffset UpdatedAt, IReadOnlyList<PromptAnswer> Answers);

/// <summary>
/// GET /api/assignments/{id}: the assignment with its pinned exercise version and the answers the caller may
/// see. A client sees their own draft and submission and what a partner shared (never a safety screening);
/// a counselor sees every submission (never drafts: work in progress is the client's).
/// </summary>
public sealed record AssignmentDetail(
    Guid Id, Guid AssignmentId, Guid CaseId, string Status, string? Note, RecurrenceResponse? Recurrence, bool Joint,
    ExerciseVersionResponse Exercise, OccurrenceResponse? Occurrence, bool Available, string? MyDecision, DraftView? Draft,
    IReadOnlyList<SubmissionView> Answers, IReadOnlyList<ClientStatesResponse>? Clients);
