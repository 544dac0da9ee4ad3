using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Accounts;

public abstract record PasswordOutcome
{
    public sealed record Changed(AppUser User) : PasswordOutcome;
    public sealed record Invalid(FieldErrors Errors) : PasswordOutcome;
}

public sealed record SetupCodeIssued(string SetupCode, DateTimeOffset ExpiresAt);

/// <summary>
/// Choosing a new password. With the current one, on the security page. Without it: for an account with
/// an email address, a link mailed to it (<see cref="LinkLifetime"/>, once; only its hash is stored; the
/// answer never says whether the address has an account, and the mail names neither the practice nor
/// what it does); for an account made with a username, a new setup code from the counselor, handed over
/// in person (<see cref="SetupCodeLifetime"/>, once). Each way ends every other session of the person:
/// Identity changes the security stamp.
/// </summary>
public sealed class PasswordResets(
    AppDbContext db, TenantContext tenant, UserManager<AppUser> users, SignInDirectory directory,
    IMailSender mail, IConfiguration configuration, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SetupCodeLifetime = TimeSpan.FromDays(7);
    public const string LinkNotValid = "This link has expired or was used already. Ask for a new one.";
    private const string CodeNotValid = "This setup code has expired or was used already. Ask your counselor for a new one.";

    public async Task RequestAsync(string? email, string requestBaseUrl, CancellationToken ct)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal)
            || !await directory.BindPracticeOfAsync(email, ct))
        {
            return;
        }
        var user = await users.FindByNameAsync(email);
        if (user?.Email is not { Length: > 0 } address || AccountAccess.IsDisabled(user.LockoutEnd, clock.GetUtcNow()))
        {
            return;
        }
        var (token, hash) = PracticeTokens.Create(user.PracticeId);
        await IssueAsync(user.Id, PasswordResetKind.Link, LinkLifetime, hash, ct);
        var baseUrl = Transport.LinkBase(configuration, requestBaseUrl);
        await audit.WriteAsync(new AuditEntry(AuditActions.PasswordResetRequested, "User", user.Id), ct);
        await mail.SendAsync(new OutgoingMail(address, "Choose a new password",
            $"""
            Someone asked to choose a new password for your account.
            Open this link to choose one:

            {baseUrl}/account/reset-password?token={Uri.EscapeDataString(token)}

            The link works once, for 30 minutes. If it was not you, ignore this message: your password stays as it is.
            """), ct);
    }

    /// <summary>A new password with a mailed link's token.</summary>
    public async Task<PasswordOutcome> ResetAsync(string? token, string? password, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PracticeTokens.TryParse(token, out var practiceId, out var hash) || (tenant.HasPractice && tenant.PracticeId != practiceId))
        {
            return new PasswordOutcome.Invalid(errors.Add("token", LinkNotValid));
        }
        tenant.Set(practiceId);
        return await UseAsync(hash, PasswordResetKind.Link, null, password ?? "", "token", LinkNotValid, "newPassword", ct);
    }

    /// <summary>
    /// A username with a new setup code that a counselor gave for an account that exists; null when no
    /// such code matches, so the caller can try an invitation's code (<c>Invitations.AccountSetup</c>).
    /// </summary>
    public async Task<PasswordOutcome?> TryReissuedCodeAsync(string? userName, string? setupCode, string? password, CancellationToken ct)
    {
        if (userName is not { Length: > 0 and <= 64 } || password is not { Length: > 0 and <= 256 }
            || !SetupCodes.TryHash(setupCode, out var hash) || !await directory.BindPracticeOfAsync(userName, ct))
        {
            return null;
        }
        var normalized = directory.Normalize(userName);
        var userId = await db.LoginNames.AsNoTracking().Where(l => l.NormalizedName == normalized).Select(l => l.UserId).FirstAsync(ct);
        if (!await db.PasswordResets.AnyAsync(r => r.UserId == userId && r.TokenHash == hash && r.Kind == PasswordResetKind.SetupCode, ct))
        {
            return null;
        }
        return await UseAsync(hash, PasswordResetKind.SetupCode, userId, password, "setupCode", CodeNotValid, "password", ct);
    }

    /// <summary>
    /// A counselor of one of the client's cases (or an admin) gives a client who signs in with a username
    /// a new one-time setup code; it replaces any earlier one and is shown only now.
    /// </summary>
    public async Task<SetupCodeIssued?> IssueSetupCodeAsync(ClaimsPrincipal counselor, Guid clientId, CancellationToken ct)
    {
        var managed = db.Cases.ManagedBy(counselor).Select(k => k.Id);
        if (!await db.CaseClients.AnyAsync(c => c.ClientId == clientId && managed.Contains(c.CaseId), ct)
            || !await db.Users.AnyAsync(u => u.Id == clientId && u.Email == null, ct))
        {
            return null;
        }
        var (code, hash) = SetupCodes.Create();
        var expires = await IssueAsync(clientId, PasswordResetKind.SetupCode, SetupCodeLifetime, hash, ct);
        await audit.WriteAsync(new AuditEntry(AuditActions.SetupCodeIssued, "User", clientId, [clientId]), ct);
        return new SetupCodeIssued(code, expires);
    }

    public async Task<PasswordOutcome> ChangeAsync(ClaimsPrincipal signedIn, string? current, string? next, CancellationToken ct)
    {
        var errors = new FieldErrors().Require(current, "currentPassword", 256, "Current password").Require(next, "newPassword", 256, "New password");
        if (errors.Any)
        {
            return new PasswordOutcome.Invalid(errors);
        }
        if (await users.GetUserAsync(signedIn) is not { } user || !await users.CheckPasswordAsync(user, current!))
        {
            return new PasswordOutcome.Invalid(errors.Add("currentPassword", "That password is not right."));
        }
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                errors.Add("newPassword", e.Description);
            }
            return new PasswordOutcome.Invalid(errors);
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.PasswordChanged, "User", user.Id), ct);
        return new PasswordOutcome.Changed(user);
    }

    private async Task<DateTimeOffset> IssueAsync(Guid userId, PasswordResetKind kind, TimeSpan lifetime, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // One way back in at a time: a newer link or code replaces the older ones.
        await db.PasswordResets.Where(r => r.UserId == userId && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        db.PasswordResets.Add(new PasswordReset
        {
            PracticeId = tenant.PracticeId, Id = Guid.CreateVersion7(now), UserId = userId, Kind = kind,
            TokenHash = hash, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return now + lifetime;
    }

    private async Task<PasswordOutcome> UseAsync(string hash, PasswordResetKind kind, Guid? userId, string password,
        string field, string refused, string passwordField, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var reset = await db.PasswordResets.AsNoTracking()
            .FirstOrDefaultAsync(r => r.TokenHash == hash && r.Kind == kind && (userId == null || r.UserId == userId), ct);
        var user = reset is null ? null : await users.FindByIdAsync(reset.UserId.ToString());
        if (reset is null || reset.UsedAt is not null || reset.ExpiresAt <= now || user is null || AccountAccess.IsDisabled(user.LockoutEnd, now))
        {
            return new PasswordOutcome.Invalid(errors.Add(field, refused));
        }
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        // Of two uses at once, one claims the row; the other finds it used.
        if (await db.PasswordResets.Where(r => r.Id == reset.Id && r.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct) == 0)
        {
            return new PasswordOutcome.Invalid(errors.Add(field, refused));
        }
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            // A password the rules refuse: the claim goes back with the savepoint, so the link or code still works.
            foreach (var e in result.Errors)
            {
                errors.Add(passwordField, e.Description);
            }
            return new PasswordOutcome.Invalid(errors);
        }
        // Whoever was locked out by failed guesses is the person who just proved they read the mail (or met their counselor).
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(new AuditEntry(AuditActions.PasswordReset, "User", user.Id) { ActorId = user.Id, Detail = $"by={kind}" }, ct);
        await transaction.CommitAsync(ct);
        return new PasswordOutcome.Changed(user);
    }
}
