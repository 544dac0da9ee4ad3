using System.Security.Claims;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Web.Infrastructure.Auth;

public static class PracticeClaims
{
    public const string PracticeId = "practice_id";
    public const string DisplayName = "display_name";

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid PracticeIdOf(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(PracticeId), out var id) ? id : Guid.Empty;

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.IsInRole(Roles.PracticeAdmin);
    public static bool IsCounselor(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Counselor);
    public static bool IsClient(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Client);
}

/// <summary>Adds the practice and display name to the principal, so every request knows its practice.</summary>
public sealed class PracticeClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<AppRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PracticeClaims.PracticeId, user.PracticeId.ToString()));
        identity.AddClaim(new Claim(PracticeClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
