using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Invitations;

public sealed class Invitation : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }

    /// <summary>Null when the client has no email of their own and gets a setup code instead.</summary>
    public string? Email { get; set; }

    /// <summary>For email-less clients: the username chosen by the counselor.</summary>
    public string? UserName { get; set; }
    public required string Role { get; set; }
    public required string DisplayName { get; set; }
    public Guid? CaseId { get; set; }
    public Guid InvitedBy { get; set; }

    /// <summary>SHA-256 of the secret in the link; the secret itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
