using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>What /api/auth/login and /api/auth/refresh answer.</summary>
public sealed record ApiTokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>
/// The API's tokens. An access token lives <see cref="AccessLifetime"/> and carries the security stamp
/// (<see cref="SecurityStamps"/> refuses it once that changed). A refresh token is single-use: each
/// refresh uses it up and issues the next one of the same family; a used one presented again is taken
/// for a copy, so its family is revoked and the person's security stamp changes, which ends every
/// session of theirs (we cannot tell which holder is the thief).
/// </summary>
public sealed class ApiTokens(
    AppDbContext db, TenantContext tenant, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<IdentityOptions> identity, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    /// <summary>New tokens for a signed-in principal: a new family, or the next token of <paramref name="familyId"/>.</summary>
    public async Task<ApiTokenResponse> IssueAsync(ClaimsPrincipal principal, Guid? familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (userId, practiceId) = (principal.UserId(), principal.PracticeIdOf());
        var (token, hash) = PracticeTokens.Create(practiceId);
        if (familyId is null)
        {
            // A new sign-in: the person's long-expired refresh tokens go.
            await db.RefreshTokens.Where(t => t.UserId == userId && t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        }
        db.RefreshTokens.Add(new RefreshToken
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), FamilyId = familyId ?? Guid.CreateVersion7(now), UserId = userId,
            TokenHash = hash, SecurityStamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "",
            IssuedAt = now, ExpiresAt = now + RefreshLifetime,
        });
        await db.SaveChangesAsync(ct);
        var protector = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var access = protector.Protect(new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = now + AccessLifetime }, $"{IdentityConstants.BearerScheme}:AccessToken"));
        return new ApiTokenResponse("Bearer", access, (long)AccessLifetime.TotalSeconds, token);
    }

    /// <returns>New tokens, or null for a token that is unknown, expired, revoked, used already or outlived a sign-out.</returns>
    public async Task<ApiTokenResponse?> RefreshAsync(string? refreshToken, CancellationToken ct)
    {
        if (!PracticeTokens.TryParse(refreshToken, out var practiceId, out var hash) || (tenant.HasPractice && tenant.PracticeId != practiceId))
        {
            return null;
        }
        tenant.Set(practiceId);
        var now = clock.GetUtcNow();
        var row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }
        // Of two requests with the same token, one uses it up; the other finds it used.
        var usedUp = await db.RefreshTokens.Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var user = await signIn.UserManager.FindByIdAsync(row.UserId.ToString());
        if (usedUp == 0)
        {
            await RevokeFamilyAsync(row, user, now, ct);
            return null;
        }
        if (user is null || user.SecurityStamp != row.SecurityStamp || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return null;
        }
        return await IssueAsync(await signIn.CreateUserPrincipalAsync(user), row.FamilyId, ct);
    }

    private async Task RevokeFamilyAsync(RefreshToken row, AppUser? user, DateTimeOffset now, CancellationToken ct)
    {
        await db.RefreshTokens.Where(t => t.FamilyId == row.FamilyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (user is not null)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.RefreshTokenReused, "User", row.UserId) { ActorId = row.UserId }, ct);
    }
}

/// <summary>
/// The sign-in scheme of /api/auth/login: SignInManager signs the person in "to" it (after the password
/// and, when on, the two-factor code), and it answers with <see cref="ApiTokens"/>' tokens.
/// </summary>
public sealed class ApiTokenSignIn(ApiTokens tokens) : IAuthenticationSignInHandler
{
    public const string Scheme = "cs-api-token";

    private HttpContext _http = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _http = context;
        return Task.CompletedTask;
    }

    public async Task SignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties) =>
        await _http.Response.WriteAsJsonAsync(await tokens.IssueAsync(user, null, _http.RequestAborted), _http.RequestAborted);

    public Task SignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;

    public Task<AuthenticateResult> AuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        _http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        _http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
