using System.Text.RegularExpressions;

using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Input;
namespace CounselorSuite.Web.Infrastructure.Pages;

/// <summary>
/// The one place where the app's enums become the words people read on pages. Enum names are code
/// ("NoShow", "InProgress") and stay in the API and the database; pages call <see cref="Display(Enum)"/>,
/// or <see cref="Display{TEnum}(string?)"/> for the many records that carry the name as a string.
/// The portal speaks to clients and says some things differently (<see cref="ForClient(OccurrenceState)"/>).
/// </summary>
public static partial class Words
{
    public static string Display(this Enum value) =>
        CaseWords(value) ?? HomeworkWords(value) ?? ContentWords(value) ?? Spaced(value.ToString());

    /// <summary>Sessions, cases, notes and the documents made for them.</summary>
    private static string? CaseWords(Enum value) => value switch
    {
        SessionStatus s => s switch
        {
            SessionStatus.NoShow => "No-show",
            SessionStatus.Attended => "Attended",
            SessionStatus.Cancelled => "Cancelled",
            _ => "Scheduled",
        },
        SessionCanceller c => c switch
        {
            SessionCanceller.Counselor => "the counselor",
            SessionCanceller.Client => "the client",
            _ => "the practice",
        },
        ExportStatus e => e switch
        {
            ExportStatus.Queued => "Waiting to start",
            ExportStatus.Running => "Being prepared",
            ExportStatus.Ready => "Ready",
            _ => "Could not be made",
        },
        HandoutStatus h => h switch
        {
            HandoutStatus.Queued => "Waiting to start",
            HandoutStatus.Running => "Being made",
            HandoutStatus.Ready => "Ready",
            _ => "Could not be made",
        },
        CaseKind k => k switch
        {
            CaseKind.Individual => "Individual",
            CaseKind.Couple => "Couple",
            _ => "Family",
        },
        ConfidentialityAgreement a => a switch
        {
            ConfidentialityAgreement.NoSecrets => "No secrets",
            ConfidentialityAgreement.LimitedSecrets => "Limited secrets",
            ConfidentialityAgreement.FullConfidentiality => "Full confidentiality",
            _ => "Not recorded yet",
        },
        HandoutPaper p => p == HandoutPaper.A4 ? "A4" : "US Letter",
        NoteTemplate t => t switch
        {
            NoteTemplate.DAP => "DAP",
            NoteTemplate.SOAP => "SOAP",
            _ => "Free text",
        },
        NoteState s => s == NoteState.Draft ? "Draft" : "Signed",
        _ => null,
    };

    /// <summary>Homework: assignments, their occurrences, reminders and safety alerts.</summary>
    private static string? HomeworkWords(Enum value) => value switch
    {
        RecurrenceEvery r => r == RecurrenceEvery.Day ? "day" : "week",
        AssignmentKind k => k == AssignmentKind.Measure ? "Questionnaire" : "Exercise",
        AssignmentStatus s => s switch
        {
            AssignmentStatus.Paused => "Paused",
            AssignmentStatus.Cancelled => "Cancelled",
            _ => "Active",
        },
        OccurrenceState s => s switch
        {
            OccurrenceState.Assigned => "To do",
            OccurrenceState.InProgress => "Started",
            OccurrenceState.Submitted => "Submitted",
            OccurrenceState.Reviewed => "Reviewed",
            OccurrenceState.Overdue => "Overdue",
            _ => "Cancelled",
        },
        JointDecision d => d == JointDecision.Agreed ? "agreed to do it together" : "chose to do it separately",
        SafetyAlertStatus s => s == SafetyAlertStatus.Open ? "Open" : "Resolved",
        SafetyAlertSource s => s == SafetyAlertSource.Draft ? "a saved draft" : "a sent answer",
        ReminderKind r => r == ReminderKind.DueSoon ? "Due soon" : "Overdue",
        _ => null,
    };

    /// <summary>What exercises and questionnaires are about, and how they ask.</summary>
    private static string? ContentWords(Enum value) => value switch
    {
        ExerciseTheme t => t.DisplayName(),
        ExerciseSuitability s => s.DisplayName(),
        ProgressDimension d => d.DisplayName(),
        PromptKind k => k switch
        {
            PromptKind.Text => "Free text",
            PromptKind.Scale => "Scale",
            PromptKind.Checklist => "Checklist (any)",
            PromptKind.YesNo => "Yes or no",
            _ => "Choice (one)",
        },
        Features.Measures.ScoreMethod m => m == Features.Measures.ScoreMethod.Sum ? "Sum of the answers" : "Average of the answers",
        _ => null,
    };

    /// <summary>
    /// Words for an enum carried as its name in a string (response records do). A name the enum does
    /// not know is shown spaced out rather than as code.
    /// </summary>
    public static string Display<TEnum>(string? name) where TEnum : struct, Enum =>
        EnumNames.TryParse<TEnum>(name, out var value) ? value.Display() : Spaced(name ?? "");

    /// <summary>How a client reads the state of their own task in the portal: what they have to do, not our workflow.</summary>
    public static string ForClient(this OccurrenceState state) => state switch
    {
        OccurrenceState.Assigned => "To do",
        OccurrenceState.InProgress => "Started",
        OccurrenceState.Overdue => "Past its date",
        OccurrenceState.Submitted => "Sent",
        OccurrenceState.Reviewed => "Feedback received",
        _ => "Cancelled",
    };

    public static string ForClient(string? state) =>
        EnumNames.TryParse<OccurrenceState>(state, out var value) ? value.ForClient() : Spaced(state ?? "");

    /// <summary>A role as people say it: "Practice admin", "Counselor", "Client".</summary>
    public static string Role(string? role) => role switch
    {
        Roles.PracticeAdmin => "Practice admin",
        null => "",
        _ => Spaced(role),
    };

    /// <summary>"NoShow" → "No show": the fallback for a name no switch above knows yet.</summary>
    public static string Spaced(string name)
    {
        var spaced = PascalBoundary().Replace(name, " ${upper}").Trim();
        return spaced.Length <= 1 ? spaced : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])(?<upper>[A-Z])", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PascalBoundary();
}
