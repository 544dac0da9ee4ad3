using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Features.Accounts;

public enum AccessChange { Changed, NotFound, NotYourself }

public sealed record AccountAccessResponse(Guid UserId, bool Disabled);

/// <summary>
/// An admin turns a person's sign-in off (someone who left the practice, a lost phone) or back on. Off
/// means every session of theirs ends at once (the security stamp changes) and sign-in is refused until
/// it is turned on again; nothing of their work is touched.
/// </summary>
public sealed class AccountAccess(UserManager<AppUser> users, IAuditLog audit)
{
    /// <summary>A lockout this long is a disabled account, not the 15 minutes after wrong passwords.</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now.AddYears(50);

    public async Task<AccessChange> SetDisabledAsync(ClaimsPrincipal admin, Guid userId, bool disabled, CancellationToken ct)
    {
        if (userId == admin.UserId())
        {
            return AccessChange.NotYourself; // an admin cannot lock the practice out of its own settings by accident
        }
        // Found through the practice filter: another practice's person is not found.
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return AccessChange.NotFound;
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        await audit.WriteAsync(new AuditEntry(disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, "User", user.Id), ct);
        return AccessChange.Changed;
    }
}

public static class AccountAccessApi
{
    public static IEndpointRouteBuilder MapAccountAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users/{id:guid}").WithTags("Accounts").RequireAuthorization(ApiAuth.Admin);
        group.MapPost("/disable", (Guid id, HttpContext http, AccountAccess access, CancellationToken ct) => SetAsync(id, true, http, access, ct))
            .WithName("DisableAccount").WithSummary("Turns a person's sign-in off and ends every session of theirs (admin)");
        group.MapPost("/enable", (Guid id, HttpContext http, AccountAccess access, CancellationToken ct) => SetAsync(id, false, http, access, ct))
            .WithName("EnableAccount").WithSummary("Turns a person's sign-in back on (admin)");
        return app;
    }

    private static async Task<Results<Ok<AccountAccessResponse>, NotFound, ProblemHttpResult>> SetAsync(
        Guid id, bool disabled, HttpContext http, AccountAccess access, CancellationToken ct) =>
        await access.SetDisabledAsync(http.User, id, disabled, ct) switch
        {
            AccessChange.Changed => TypedResults.Ok(new AccountAccessResponse(id, disabled)),
            AccessChange.NotYourself => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "You cannot turn off your own sign-in. Ask another admin."),
            _ => TypedResults.NotFound(),
        };
}
