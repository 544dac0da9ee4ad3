using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Features.Practices;

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
