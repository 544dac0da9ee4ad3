using System.Security.Claims;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Auth;

/// <summary>
/// Identity's EF store, adapted to keys that start with practice_id: Identity looks rows up by key
/// with FindAsync(userId, ...), which a composite key cannot answer, so those look-ups become queries
/// (the practice filter supplies the practice), and new rows are stamped with the user's practice.
/// A new security stamp also drops the cached one that access tokens are checked against.
/// </summary>
public sealed class PracticeUserStore(AppDbContext context, SecurityStamps stamps, Tenancy.UnitOfWork work, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, AppDbContext, Guid, AppUserClaim, AppUserRole, AppUserLogin, AppUserToken, AppRoleClaim>(context, describer)
{
    public override async Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken cancellationToken = default)
    {
        await base.SetSecurityStampAsync(user, stamp, cancellationToken);
        var userId = user.Id;
        stamps.Forget(userId);
        // Again once the new stamp is committed: a request reading the old one meanwhile may have cached it.
        work.AfterCommit(() => stamps.Forget(userId));
    }

    public override Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Guid.TryParse(userId, out var id)
            ? Context.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : Task.FromResult<AppUser?>(null);
    }

    protected override Task<AppUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Context.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    protected override Task<AppUserRole?> FindUserRoleAsync(Guid userId, Guid roleId, CancellationToken cancellationToken) =>
        Context.UserRoles.FirstOrDefaultAsync(r => r.UserId == userId && r.RoleId == roleId, cancellationToken);

    protected override Task<AppUserToken?> FindTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.UserTokens.FirstOrDefaultAsync(
            t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);

    protected override AppUserRole CreateUserRole(AppUser user, AppRole role) =>
        new() { PracticeId = user.PracticeId, UserId = user.Id, RoleId = role.Id };

    protected override AppUserClaim CreateUserClaim(AppUser user, Claim claim)
    {
        var userClaim = new AppUserClaim { PracticeId = user.PracticeId, UserId = user.Id };
        userClaim.InitializeFromClaim(claim);
        return userClaim;
    }

    protected override AppUserLogin CreateUserLogin(AppUser user, UserLoginInfo login) => new()
    {
        PracticeId = user.PracticeId, UserId = user.Id, LoginProvider = login.LoginProvider,
        ProviderKey = login.ProviderKey, ProviderDisplayName = login.ProviderDisplayName,
    };

    protected override AppUserToken CreateUserToken(AppUser user, string loginProvider, string name, string? value) => new()
    {
        PracticeId = user.PracticeId, UserId = user.Id, LoginProvider = loginProvider, Name = name, Value = value,
    };
}
