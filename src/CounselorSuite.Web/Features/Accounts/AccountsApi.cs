using System.Net.Mail;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Accounts;

/// <param name="AdminPassword">Not taken in the first step (the link's page asks for it); kept for <see cref="PracticeRegistration.RegisterAsync"/>.</param>
/// <param name="TimeZone">Optional: the practice's IANA time zone (UTC when left out).</param>
/// <param name="Locale">Optional: how the practice writes times, one of <see cref="Infrastructure.Time.TimeZones.Locales"/> (en-US when left out).</param>
public sealed record RegisterPracticeRequest(string? PracticeName, string? AdminEmail, string? AdminPassword, string? AdminDisplayName,
    string? TimeZone = null, string? Locale = null);
public sealed record RegistrationMailedResponse(string Message);
public sealed record ConfirmRegistrationRequest(string? Token, string? AdminPassword);
public sealed record RegisterPracticeResponse(Guid PracticeId, Guid UserId);
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record MeResponse(Guid UserId, Guid PracticeId, string? Email, string DisplayName, IReadOnlyList<string> Roles);

public static class AccountsApi
{
    public const string AuthRateLimit = "auth";

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        // Signing in and registering are for people not signed in yet: anonymous on purpose, rate limited.
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(AuthRateLimit).AllowAnonymous();
        auth.MapPost("/register-practice", RegisterPractice).WithName("RegisterPractice")
            .WithSummary("Mails a link to confirm the address and finish registering; 202 whether or not the email has an account");
        auth.MapPost("/confirm-registration", ConfirmRegistration).WithName("ConfirmRegistration")
            .WithSummary("The mailed link's token and the admin's password: creates the practice and its first admin");
        auth.MapPost("/login", Login).WithName("Login");
        auth.MapPost("/refresh", Refresh).WithName("Refresh");

        app.MapPasswordApi();
        app.MapGet("/api/me", Me).WithTags("Accounts").WithName("Me").RequireAuthorization(ApiAuth.Policy);
        return app;
    }

    public static FieldErrors ValidateEmail(this FieldErrors errors, string? email, string field)
    {
        errors.Require(email, field, 256, "Email");
        if (!string.IsNullOrWhiteSpace(email) && !MailAddress.TryCreate(email.Trim(), out _))
        {
            errors.Add(field, "Email is not a valid address.");
        }
        return errors;
    }

    public const string RegistrationAnswer =
        "We have sent a message to that address. Open the link in it to confirm the address and finish registering; it works for 24 hours.";

    private static async Task<Results<Accepted<RegistrationMailedResponse>, ValidationProblem>> RegisterPractice(
        RegisterPracticeRequest request, HttpContext http, PracticeRegistration registration, CancellationToken ct) =>
        await registration.RequestAsync(request, $"{http.Request.Scheme}://{http.Request.Host}", ct) switch
        {
            RegistrationOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.Accepted((string?)null, new RegistrationMailedResponse(RegistrationAnswer)),
        };

    private static async Task<Results<Created<RegisterPracticeResponse>, ValidationProblem>> ConfirmRegistration(
        ConfirmRegistrationRequest request, PracticeRegistration registration, CancellationToken ct) =>
        await registration.ConfirmAsync(request.Token, request.AdminPassword, ct) switch
        {
            RegistrationOutcome.Registered done => TypedResults.Created("/api/me", new RegisterPracticeResponse(done.Practice.Id, done.Admin.Id)),
            RegistrationOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => new FieldErrors().Add("token", PracticeRegistration.AlreadyRegistered).ToProblem(),
        };

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn, SignInDirectory directory, AppDbContext db, IAuditLog audit,
        DummyPasswordCheck dummy, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Require(request.Email, "email", 256, "Email")
            .Require(request.Password, "password", 256, "Password");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // One answer, and as long a wait, for an unknown email, a wrong password and a locked or disabled account.
        var failed = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email or password is not right.");
        if (!await directory.BindPracticeOfAsync(request.Email!, ct))
        {
            dummy.Run(request.Password);
            return failed;
        }

        if (await TwoFactorEnrolment.IsMissingAsync(signIn.UserManager, db, request.Email!, ct) is { } unenrolled)
        {
            return await RefuseUnenrolledAsync(unenrolled, request, signIn, audit, dummy, failed, ct);
        }

        // Signing in "to" this scheme makes it answer with the API's tokens (ApiTokens).
        signIn.AuthenticationScheme = ApiTokenSignIn.Scheme;
        var result = await signIn.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A two-factor code is required.",
                    extensions: new Dictionary<string, object?> { ["requiresTwoFactor"] = true });
            }
            // Identity stores recovery codes as "XXXXX-XXXXX": stripping the dash would never match one.
            var (isAuthenticatorCode, code) = TwoFactorCodes.Normalize(request.TwoFactorCode);
            result = isAuthenticatorCode
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        }
        if (!result.RequiresTwoFactor)
        {
            await audit.RecordSignInAsync(request.Email!, result.Succeeded, result.Succeeded ? null : result.IsLockedOut ? "LockedOut" : "WrongCredentials", ct);
        }
        if (result.IsLockedOut)
        {
            dummy.Run(request.Password); // Identity did not check the password of a locked account
            return failed;
        }
        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }
        return failed;
    }

    /// <summary>
    /// A staff account of a practice that requires two-factor sign-in, without it set up: the API cannot enrol
    /// anyone, so a right password gets a 403 that says where to go, a wrong one the same answer as always.
    /// </summary>
    private static async Task<ProblemHttpResult> RefuseUnenrolledAsync(AppUser unenrolled, LoginRequest request,
        SignInManager<AppUser> signIn, IAuditLog audit, DummyPasswordCheck dummy, ProblemHttpResult failed, CancellationToken ct)
    {
        var check = await signIn.CheckPasswordSignInAsync(unenrolled, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            dummy.Run(request.Password);
        }
        await audit.RecordSignInAsync(request.Email!, succeeded: false, check.Succeeded ? "TwoFactorNotSetUp" : "WrongPassword", ct);
        return check.Succeeded
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Your practice requires two-factor sign-in. Set it up in the web app first, then sign in here.")
            : failed;
    }

    private static async Task<Results<Ok<ApiTokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, ApiTokens tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return new FieldErrors().Add("refreshToken", "Refresh token is required.").ToProblem();
        }
        return await tokens.RefreshAsync(request.RefreshToken, ct) is { } issued
            ? TypedResults.Ok(issued)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "This refresh token cannot be used (expired, used already, or signed out). Sign in again.");
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> Me(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var userId = http.User.UserId();
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.PracticeId, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (me is null)
        {
            return TypedResults.NotFound();
        }
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(ct);
        return TypedResults.Ok(new MeResponse(me.Id, me.PracticeId, me.Email, me.DisplayName, roles));
    }
}
