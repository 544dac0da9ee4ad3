using System.Security.Claims;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Web.Infrastructure.Auth;

/// <summary>
/// The API's revocation check: an access token carries its user's security stamp, and is refused once
/// the stamp has changed (sign-out, "sign out everywhere", a password change or reset, two-factor
/// switched, an admin turning sign-in off, a reused refresh token). The current stamp is cached for
/// <see cref="CacheFor"/>, so the hot path costs no database round trip; the instance where the stamp
/// changed forgets its copy at once, other instances within <see cref="CacheFor"/> (docs/security.md).
/// </summary>
public sealed class SecurityStamps(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static string Key(Guid userId) => $"security-stamp:{userId:N}";

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, HttpContext http, CancellationToken ct)
    {
        var (userId, practiceId) = (principal.UserId(), principal.PracticeIdOf());
        var services = http.RequestServices;
        var stamp = principal.FindFirstValue(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId == Guid.Empty || practiceId == Guid.Empty || string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        if (!cache.TryGetValue(Key(userId), out string? current))
        {
            var tenant = services.GetRequiredService<TenantContext>();
            if (tenant.HasPractice && tenant.PracticeId != practiceId)
            {
                return false;
            }
            tenant.Set(practiceId);
            var db = services.GetRequiredService<AppDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct) ?? "";
            cache.Set(Key(userId), current, CacheFor);
        }
        return string.Equals(stamp, current, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bearer scheme's first step: a token whose stamp is no longer current is refused here (401);
    /// any other token goes on to the handler, which refuses expired and forged ones itself.
    /// </summary>
    public static async Task CheckAccessTokenAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            return;
        }
        var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
        if (!await stamps.IsCurrentAsync(ticket.Principal, context.HttpContext, context.HttpContext.RequestAborted))
        {
            context.Fail("The access token was revoked.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
