using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Invitations;

/// <param name="UserName">For a client with no email of their own: the username they will sign in with.
/// Exactly one of <paramref name="Email"/> and <paramref name="UserName"/>.</param>
public sealed record InviteCommand(string? Email, string? Role, string? DisplayName, Guid? CaseId, string? UserName = null);
public sealed record AcceptCommand(string? Token, string? Password, string? DisplayName);
public sealed record SetupCommand(string? UserName, string? SetupCode, string? Password, string? DisplayName = null);

public abstract record InviteOutcome
{
    /// <param name="SetupCode">Only for a username invitation: the one-time code, shown to the inviter once.</param>
    public sealed record Sent(Invitation Invitation, string AcceptUrl, string? SetupCode) : InviteOutcome;
    public sealed record Invalid(FieldErrors Errors) : InviteOutcome;
    public sealed record Forbidden : InviteOutcome;
    public sealed record CaseNotFound : InviteOutcome;
    public sealed record UserNameTaken : InviteOutcome;
}

public abstract record AcceptOutcome
{
    public sealed record Accepted(AppUser User) : AcceptOutcome;
    public sealed record Invalid(FieldErrors Errors) : AcceptOutcome;
    public sealed record EmailTaken : AcceptOutcome;
}

public enum RevokeOutcome { Revoked, NotFound, AlreadyAccepted }

/// <summary>What the accept page shows before the person chooses a password.</summary>
public sealed record InvitationPreview(string? DisplayName, string? PracticeName, string? Problem);
