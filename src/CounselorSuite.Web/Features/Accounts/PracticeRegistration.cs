using System.Text.Json;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace CounselorSuite.Web.Features.Accounts;

public abstract record RegistrationOutcome
{
    public sealed record Registered(Practice Practice, AppUser Admin) : RegistrationOutcome;
    public sealed record Invalid(FieldErrors Errors) : RegistrationOutcome;
    public sealed record EmailTaken : RegistrationOutcome;
    /// <summary>A confirmation mail went out (or, for an address with an account, a note saying so).</summary>
    public sealed record Mailed : RegistrationOutcome;
}

/// <summary>What a person asked for when registering, carried in the confirmation link until they confirm.</summary>
public sealed record PendingRegistration(string PracticeName, string Email, string DisplayName, string? TimeZone, string? Locale,
    DateTimeOffset ExpiresAt);

/// <summary>
/// Registers a practice with its first admin, in two steps so that the answer never tells whether an email
/// already has an account somewhere (issue 16): <see cref="RequestAsync"/> answers alike for every valid
/// request and mails either a confirmation link or, to an address that has an account, a note saying so;
/// <see cref="ConfirmAsync"/> takes the link's token and the password and creates the practice. The token
/// is the request itself, protected by the app's key ring and valid for <see cref="LinkLifetime"/>: no
/// table of pending registrations and no secret in it. It cannot make two practices, because the second
/// use finds the email taken. Both steps bind the unit of work to the new practice only once it exists.
/// </summary>
public sealed class PracticeRegistration(AppDbContext db, TenantContext tenant, AccountCreator accounts,
    Exercises.ExerciseLibrarySync exerciseLibrary, SignInDirectory directory, IMailSender mail, IConfiguration configuration,
    IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    public const string LinkNotValid = "This link has expired or is not complete. Register again to get a new one.";
    public const string AlreadyRegistered = "This practice is registered already. Sign in with its email and password.";

    // The expiry travels inside the protected payload and is checked against the app's TimeProvider, not
    // with a time-limited protector, which reads the system clock and so would disagree with the app's.
    private IDataProtector Protector => protection.CreateProtector("CounselorSuite.PracticeRegistration.v2");

    /// <summary>
    /// The first step: the same answer (<see cref="RegistrationOutcome.Mailed"/>) whether or not the email
    /// has an account; only invalid fields are told apart, and they do not depend on who exists.
    /// </summary>
    public async Task<RegistrationOutcome> RequestAsync(RegisterPracticeRequest request, string requestBaseUrl, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Require(request.PracticeName, "practiceName", 200, "Practice name")
            .ValidateEmail(request.AdminEmail, "adminEmail")
            .Require(request.AdminDisplayName, "adminDisplayName", 200, "Display name")
            .ValidateTimeSettings(request.TimeZone, request.Locale);
        if (errors.Any)
        {
            return new RegistrationOutcome.Invalid(errors);
        }
        var email = request.AdminEmail!.Trim();
        var baseUrl = Transport.LinkBase(configuration, requestBaseUrl);
        if (await directory.IsTakenAsync(email, ct))
        {
            // The person who owns the address learns what happened; the one who typed it learns nothing.
            await mail.SendAsync(new OutgoingMail(email, "About your registration",
                $"""
                Someone asked to register a new practice with this email address, which already has an account.
                Nothing was changed. To sign in, open:

                {baseUrl}/account/login

                If you forgot your password, choose "Forgot password" there. If it was not you, ignore this message.
                """), ct);
            return new RegistrationOutcome.Mailed();
        }
        var pending = new PendingRegistration(request.PracticeName!.Trim(), email, request.AdminDisplayName!.Trim(),
            request.TimeZone, request.Locale, clock.GetUtcNow().Add(LinkLifetime));
        var token = Protector.Protect(JsonSerializer.Serialize(pending));
        await mail.SendAsync(new OutgoingMail(email, "Confirm your email address",
            $"""
            To finish registering, confirm this address and choose your password:

            {baseUrl}/account/confirm-registration?token={Uri.EscapeDataString(token)}

            The link works for 24 hours. If you did not ask for this, ignore this message: nothing is created.
            """), ct);
        return new RegistrationOutcome.Mailed();
    }

    /// <summary>What a confirmation link asks for, or null when the link is not (or no longer) valid.</summary>
    public PendingRegistration? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<PendingRegistration>(Protector.Unprotect(token)) is { } pending
                && pending.ExpiresAt > clock.GetUtcNow() ? pending : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The second step: the link's token and the admin's password create the practice.</summary>
    public async Task<RegistrationOutcome> ConfirmAsync(string? token, string? password, CancellationToken ct)
    {
        if (Read(token) is not { } pending)
        {
            return new RegistrationOutcome.Invalid(new FieldErrors().Add("token", LinkNotValid));
        }
        return await RegisterAsync(new RegisterPracticeRequest(pending.PracticeName, pending.Email, password, pending.DisplayName,
            pending.TimeZone, pending.Locale), ct);
    }

    /// <summary>
    /// Creates the practice and its admin at once. For a confirmed link, and for tools that seed
    /// practices (the benchmarks); the public API and page go through <see cref="RequestAsync"/>.
    /// </summary>
    public async Task<RegistrationOutcome> RegisterAsync(RegisterPracticeRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Require(request.PracticeName, "practiceName", 200, "Practice name")
            .ValidateEmail(request.AdminEmail, "adminEmail")
            .Require(request.AdminDisplayName, "adminDisplayName", 200, "Display name")
            .Require(request.AdminPassword, "adminPassword", 256, "Password")
            .ValidateTimeSettings(request.TimeZone, request.Locale);
        if (errors.Any)
        {
            return new RegistrationOutcome.Invalid(errors);
        }

        var practice = new Practice
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Name = request.PracticeName!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            TimeZone = TimeZones.Canonical(request.TimeZone) ?? TimeZones.Utc,
            Locale = request.Locale ?? TimeZones.DefaultLocale,
        };
        tenant.Set(practice.Id);

        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        db.Practices.Add(practice);
        await db.SaveChangesAsync(ct);
        var result = await accounts.CreateAsync(
            new NewAccount(practice.Id, request.AdminEmail!, request.AdminEmail, request.AdminDisplayName!, request.AdminPassword!, Roles.PracticeAdmin), ct);
        switch (result)
        {
            case AccountCreation.NameTaken:
                return new RegistrationOutcome.EmailTaken();
            case AccountCreation.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    errors.Add("adminPassword", e.Description);
                }
                return new RegistrationOutcome.Invalid(errors);
        }
        var admin = ((AccountCreation.Created)result).User;
        // A new practice starts with the built-in exercise library.
        await exerciseLibrary.SyncAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationOutcome.Registered(practice, admin);
    }
}

public static class TwoFactorCodes
{
    /// <summary>
    /// What a person typed as a second factor, made comparable: a 6-digit authenticator code without
    /// spaces, or a recovery code in Identity's stored form "XXXXX-XXXXX" (upper case, dash restored).
    /// </summary>
    public static (bool IsAuthenticatorCode, string Code) Normalize(string typed)
    {
        var clean = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (clean.Length == 6 && clean.All(char.IsAsciiDigit))
        {
            return (true, clean);
        }
        return (false, clean.Length == 10 ? $"{clean[..5]}-{clean[5..]}" : clean);
    }
}
