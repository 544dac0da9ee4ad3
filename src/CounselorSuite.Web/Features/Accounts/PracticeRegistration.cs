using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Accounts;

public abstract record RegistrationOutcome
{
    public sealed record Registered(Practice Practice, AppUser Admin) : RegistrationOutcome;
    public sealed record Invalid(FieldErrors Errors) : RegistrationOutcome;
    public sealed record EmailTaken : RegistrationOutcome;
}

/// <summary>
/// Registers a practice with its first admin: the same rules for the API and the page. Binds the unit of
/// work to the new practice, so the caller can sign the admin in afterwards.
/// </summary>
public sealed class PracticeRegistration(AppDbContext db, TenantContext tenant, AccountCreator accounts,
    Exercises.ExerciseLibrarySync exerciseLibrary, TimeProvider clock)
{
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
