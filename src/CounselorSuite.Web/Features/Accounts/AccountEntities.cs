using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>What a client needs beyond the account: their reminder wishes (their time zone is on the account).</summary>
public sealed class ClientProfile : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid UserId { get; set; }
    public bool RemindersEnabled { get; set; } = true;
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);
}

/// <summary>
/// A refresh token of the API, of which only the hash is kept. A refresh uses it up and issues the next
/// one of the same family; a used token presented again was copied, so its whole family is revoked.
/// </summary>
public sealed class RefreshToken : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid FamilyId { get; set; }
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The person's security stamp when it was issued: a sign-out or password change since refuses it.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public enum PasswordResetKind { Link, SetupCode }

/// <summary>
/// A way back in without the old password: a mailed link (30 minutes) or, for an account without email,
/// a setup code from the counselor (7 days). Only its hash is kept, and it works once.
/// </summary>
public sealed class PasswordReset : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public PasswordResetKind Kind { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was used, or replaced by a newer one; null while it works.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
