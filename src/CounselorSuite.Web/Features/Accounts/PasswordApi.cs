using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Features.Accounts;

public sealed record ForgotPasswordRequest(string? Email);
public sealed record ForgotPasswordResponse(string Message);
public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The API's side of <see cref="PasswordResets"/>: what the sign-in, security and case pages do.</summary>
public static class PasswordApi
{
    public const string ForgotAnswer = "If an account signs in with that address, we have sent it a link to choose a new password. The link works for 30 minutes.";

    public static IEndpointRouteBuilder MapPasswordApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(AccountsApi.AuthRateLimit).AllowAnonymous();
        auth.MapPost("/forgot-password", Forgot).WithName("ForgotPassword")
            .WithSummary("Mails the account a link to choose a new password (30 minutes, once); 202 whether or not the email has an account");
        auth.MapPost("/reset-password", Reset).WithName("ResetPassword")
            .WithSummary("A new password with the mailed link's token; every session of the account ends");
        app.MapPost("/api/me/password", Change).WithTags("Accounts").WithName("ChangePassword").RequireAuthorization(ApiAuth.Policy)
            .WithSummary("Changes the caller's password with the current one: every other session ends, and the answer holds new tokens for this one");
        app.MapPost("/api/clients/{id:guid}/setup-code", IssueSetupCode).WithTags("Accounts").WithName("IssueSetupCode")
            .RequireAuthorization(ApiAuth.Staff)
            .WithSummary("A new one-time setup code (7 days) for a client of your case who signs in with a username; shown once");
        return app;
    }

    private static async Task<Results<Accepted<ForgotPasswordResponse>, ValidationProblem>> Forgot(
        ForgotPasswordRequest request, HttpContext http, PasswordResets resets, CancellationToken ct)
    {
        var errors = new FieldErrors().ValidateEmail(request.Email, "email");
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await resets.RequestAsync(request.Email, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        return TypedResults.Accepted((string?)null, new ForgotPasswordResponse(ForgotAnswer));
    }

    private static async Task<Results<NoContent, ValidationProblem>> Reset(ResetPasswordRequest request, PasswordResets resets, CancellationToken ct) =>
        await resets.ResetAsync(request.Token, request.NewPassword, ct) switch
        {
            PasswordOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Results<Ok<ApiTokenResponse>, ValidationProblem>> Change(
        ChangePasswordRequest request, HttpContext http, PasswordResets resets, ApiTokens tokens, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        var outcome = await resets.ChangeAsync(http.User, request.CurrentPassword, request.NewPassword, ct);
        if (outcome is not PasswordOutcome.Changed changed)
        {
            return ((PasswordOutcome.Invalid)outcome).Errors.ToProblem();
        }
        return TypedResults.Ok(await tokens.IssueAsync(await signIn.CreateUserPrincipalAsync(changed.User), null, ct));
    }

    private static async Task<Results<Created<SetupCodeIssued>, NotFound>> IssueSetupCode(
        Guid id, HttpContext http, PasswordResets resets, CancellationToken ct) =>
        await resets.IssueSetupCodeAsync(http.User, id, ct) is { } issued
            ? TypedResults.Created("/account/setup", issued)
            : TypedResults.NotFound();
}
