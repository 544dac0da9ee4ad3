using System.Globalization;
using System.Net;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Pages;

namespace CounselorSuite.Web.Pages.Admin;

/// <summary>An action of the trail as the admin reads it, and the group the filter lists it under.</summary>
public sealed record AuditActionWords(string Action, string Phrase, string Group);

/// <summary>
/// The audit trail in people's words: each action as what the person did ("read a session note"),
/// the records' technical remarks as plain phrases, and addresses as places. The trail itself keeps
/// its codes (the CSV and the API are for tools); only pages read it through here. It lives with the audit
/// page rather than in Features/Audit because it knows every feature's actions and remarks (a session's
/// status change, a handout's pages), while every feature writes to the audit trail.
/// </summary>
public static class AuditWords
{
    private const string Security = "Sign-in and security";
    private const string Practice = "People and settings";
    private const string Sessions = "Sessions and notes";
    private const string Homework = "Homework";
    private const string Documents = "Handouts and data";

    public static readonly IReadOnlyList<AuditActionWords> Actions =
    [
        new(AuditActions.SignedIn, "signed in", Security),
        new(AuditActions.SignInFailed, "tried to sign in and was refused", Security),
        new(AuditActions.TwoFactorEnabled, "turned on two-step sign-in", Security),
        new(AuditActions.TwoFactorDisabled, "turned off two-step sign-in", Security),
        new(AuditActions.RecoveryCodesRegenerated, "made new recovery codes", Security),
        new(AuditActions.PasswordResetRequested, "asked for a link to choose a new password", Security),
        new(AuditActions.PasswordReset, "chose a new password from an emailed link or a new setup code", Security),
        new(AuditActions.PasswordChanged, "changed their password", Security),
        new(AuditActions.SetupCodeIssued, "gave a client a new setup code", Security),
        new(AuditActions.SignedOutEverywhere, "signed out on every device", Security),
        new(AuditActions.RefreshTokenReused, "had an app's used sign-in token presented again, so every session was ended", Security),
        new(AuditActions.AccountDisabled, "turned off a person's sign-in", Security),
        new(AuditActions.AccountEnabled, "turned a person's sign-in back on", Security),
        new(AuditActions.AuditSearched, "looked through the audit trail", Security),
        new(AuditActions.AuditExported, "downloaded the audit trail", Security),
        new(AuditActions.InvitationCreated, "sent an invitation", Practice),
        new(AuditActions.InvitationAccepted, "accepted an invitation", Practice),
        new(AuditActions.CounselorAddedToCase, "added a counselor to a case", Practice),
        new(AuditActions.CounselorRemovedFromCase, "removed a counselor from a case", Practice),
        new(AuditActions.PracticeSettingsChanged, "changed the practice's settings", Practice),
        new(AuditActions.ProfileRead, "looked at a client's profile", Practice),
        new(AuditActions.ProfileChanged, "changed a client's profile", Practice),
        new(AuditActions.SessionsListed, "looked at a list of sessions", Sessions),
        new(AuditActions.SessionRead, "opened a session", Sessions),
        new(AuditActions.SessionCreated, "booked a session", Sessions),
        new(AuditActions.SessionRescheduled, "moved a session", Sessions),
        new(AuditActions.SessionStatusChanged, "changed a session's status", Sessions),
        new(AuditActions.SessionReminderSent, "was sent a session reminder", Sessions),
        new(AuditActions.CalendarFeedRead, "had their calendar feed read by a calendar app", Sessions),
        new(AuditActions.CalendarFeedRotated, "made a new calendar feed address", Sessions),
        new(AuditActions.CalendarFeedChanged, "changed their calendar feed", Sessions),
        new(AuditActions.NotesListed, "looked at a case's notes", Sessions),
        new(AuditActions.NoteRead, "read a note", Sessions),
        new(AuditActions.NoteCreated, "started a note", Sessions),
        new(AuditActions.NoteUpdated, "changed a draft note", Sessions),
        new(AuditActions.NoteDeleted, "deleted a draft note", Sessions),
        new(AuditActions.NoteSigned, "signed a note", Sessions),
        new(AuditActions.NoteAddendumAdded, "added an addendum to a note", Sessions),
        new(AuditActions.NoteReleased, "released a note to a client", Sessions),
        new(HomeworkAudit.AssignmentCreated, "assigned homework", Homework),
        new(HomeworkAudit.AssignmentChanged, "changed an assignment", Homework),
        new(HomeworkAudit.AssignmentsListed, "looked at a list of homework", Homework),
        new(HomeworkAudit.AssignmentRead, "opened an assignment", Homework),
        new(HomeworkAudit.DraftSaved, "saved homework answers without sending", Homework),
        new(HomeworkAudit.Submitted, "sent homework answers", Homework),
        new(HomeworkAudit.Reviewed, "reviewed homework answers", Homework),
        new(HomeworkAudit.Shared, "shared homework answers with their partner", Homework),
        new(HomeworkAudit.Unshared, "stopped sharing homework answers", Homework),
        new(HomeworkAudit.JointDecided, "decided about doing an exercise together", Homework),
        new(HomeworkAudit.SafetyAlertRaised, "raised a safety alert by an answer", Homework),
        new(HomeworkAudit.SafetyAlertResolved, "resolved a safety alert", Homework),
        new(HomeworkAudit.SafetyAlertsListed, "looked at the safety alerts", Homework),
        new(HomeworkAudit.ReminderSent, "was sent a homework reminder", Homework),
        new(HandoutAuditActions.Created, "prepared a handout", Documents),
        new(HandoutAuditActions.Produced, "finished making a handout", Documents),
        new(HandoutAuditActions.Downloaded, "downloaded a handout", Documents),
        new(HandoutAuditActions.Retried, "tried making a handout again", Documents),
        new(AuditActions.ExportRequested, "asked for a copy of a client's data", Documents),
        new(AuditActions.ExportProduced, "finished a copy of a client's data", Documents),
        new(AuditActions.ExportRead, "looked at a client's data copies", Documents),
        new(AuditActions.ExportDownloaded, "downloaded a copy of a client's data", Documents),
        new(AuditActions.ClientErased, "erased a client's data", Documents),
    ];

    private static readonly Dictionary<string, AuditActionWords> ByAction = Actions.ToDictionary(a => a.Action, StringComparer.Ordinal);

    public static bool Knows(string action) => ByAction.ContainsKey(action);

    /// <summary>What the person did, as the middle of a sentence: "Sam Rivera" + "booked a session".</summary>
    public static string Phrase(string action) =>
        ByAction.TryGetValue(action, out var words) ? words.Phrase : Words.Spaced(action).ToLowerInvariant();

    /// <summary>Where a request came from: the machine itself reads as "this computer"; background work has no address.</summary>
    public static string Place(string? ipAddress) =>
        ipAddress is null ? "Not recorded"
        : IPAddress.TryParse(ipAddress, out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            ? "This computer"
            : ipAddress;

    /// <summary>
    /// A record's remark in words. Remarks are short codes ("Scheduled→Cancelled", "pages=2;bytes=9000",
    /// "counselor 0193…"); the ids in them are turned into names where the page knows the person.
    /// </summary>
    public static string? Detail(string? detail, Func<Guid, string?> nameOf)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }
        if (detail.Split('→') is [var from, var to])
        {
            return $"from {Words.Display<SessionStatus>(from)} to {Words.Display<SessionStatus>(to)}";
        }
        if (detail.Contains('='))
        {
            var parts = detail.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part => Pair(part, nameOf)).Where(p => p.Length > 0);
            return string.Join("; ", parts);
        }
        if (detail.Split(' ') is [var word, var id] && Guid.TryParse(id, out var guid))
        {
            return nameOf(guid) is { } name ? $"{word} {name}" : word;
        }
        return Remarks.TryGetValue(detail, out var words) ? words : detail;
    }

    private static readonly Dictionary<string, string> Remarks = new(StringComparer.Ordinal)
    {
        ["WrongPassword"] = "wrong password",
        ["WrongCredentials"] = "wrong name or password",
        ["LockedOut"] = "locked for a while after too many tries",
        ["TwoFactorNotSetUp"] = "two-step sign-in is required but not set up",
        ["Agreed"] = "agreed to do it together",
        ["Declined"] = "chose to do it separately",
        ["Pause"] = "paused",
        ["Resume"] = "resumed",
        ["Cancel"] = "cancelled",
        ["DueSoon"] = "due soon",
        ["Overdue"] = "overdue",
        ["logo"] = "new logo",
    };

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["userId"] = "person", ["clientId"] = "client", ["entityId"] = "record", ["entityType"] = "kind of record",
        ["nightBefore"] = "made the night before", ["password"] = "password protected",
    };

    private static string Pair(string part, Func<Guid, string?> nameOf)
    {
        var at = part.IndexOf('=');
        if (at < 0)
        {
            return Keys.GetValueOrDefault(part, Remarks.GetValueOrDefault(part, Words.Spaced(part).ToLowerInvariant()));
        }
        var (key, value) = (part[..at], part[(at + 1)..]);
        var name = Keys.GetValueOrDefault(key, Words.Spaced(key).ToLowerInvariant());
        return value switch
        {
            "True" or "true" => $"{name}: yes",
            "False" or "false" => $"{name}: no",
            _ when key == "bytes" && long.TryParse(value, CultureInfo.InvariantCulture, out var bytes) => $"size: {Math.Max(1, bytes / 1024)} KB",
            _ when Guid.TryParse(value, out var id) => $"{name}: {nameOf(id) ?? "a record no longer here"}",
            _ => $"{name}: {value}",
        };
    }
}
