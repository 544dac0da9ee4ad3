using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Domain;

public static class Roles
{
    public const string PracticeAdmin = "PracticeAdmin";
    public const string Counselor = "Counselor";
    public const string Client = "Client";

    public static readonly Guid PracticeAdminId = Guid.Parse("0193a0a0-0000-7000-8000-000000000001");
    public static readonly Guid CounselorId = Guid.Parse("0193a0a0-0000-7000-8000-000000000002");
    public static readonly Guid ClientId = Guid.Parse("0193a0a0-0000-7000-8000-000000000003");

    public static bool IsStaff(IEnumerable<string> roles) => roles.Any(r => r is PracticeAdmin or Counselor);
}

/// <summary>A person with an account. Belongs to exactly one practice; never shared by two people.</summary>
public sealed class AppUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid PracticeId { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The person's own time zone (an IANA id); null follows the practice's.</summary>
    public string? TimeZone { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>, IInstallationWide;

public sealed class AppUserRole : IdentityUserRole<Guid>, ITenantOwned
{
    public Guid PracticeId { get; set; }
}

public sealed class AppUserClaim : IdentityUserClaim<Guid>, ITenantOwned
{
    public Guid PracticeId { get; set; }
}

public sealed class AppUserLogin : IdentityUserLogin<Guid>, ITenantOwned
{
    public Guid PracticeId { get; set; }
}

public sealed class AppUserToken : IdentityUserToken<Guid>, ITenantOwned
{
    public Guid PracticeId { get; set; }
}

public sealed class AppRoleClaim : IdentityRoleClaim<Guid>, IInstallationWide;

/// <summary>
/// The installation-wide sign-in directory: a login name (an email or a username) belongs to one
/// account in one practice. Sign-in reads it before any practice is known; nothing else does.
/// </summary>
public sealed class LoginName : IInstallationWide
{
    public required string NormalizedName { get; set; }
    public Guid PracticeId { get; set; }
    public Guid UserId { get; set; }
}

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
