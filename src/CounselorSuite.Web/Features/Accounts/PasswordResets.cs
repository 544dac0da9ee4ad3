using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Features.Accounts;

/// <summary>
/// "Forgot password" for accounts with an email address: a one-day link to choose a new password. The
/// answer to a request never says whether the address has an account, and the mail names neither the
/// practice nor what it does (a mailbox may be read by someone else). Accounts made with a username
/// have no address: their people ask their counselor, which the pages say.
/// </summary>
public sealed class PasswordResets(UserManager<AppUser> users, SignInDirectory directory, IMailSender mail, IConfiguration configuration, IAuditLog audit)
{
    public async Task RequestAsync(string? email, string requestBaseUrl, CancellationToken ct)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal)
            || !await directory.BindPracticeOfAsync(email, ct))
        {
            return;
        }
        var user = await users.FindByNameAsync(email);
        if (user?.Email is not { Length: > 0 } address)
        {
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = configuration["App:PublicBaseUrl"]?.TrimEnd('/') ?? requestBaseUrl.TrimEnd('/');
        var link = $"{baseUrl}/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
        await audit.WriteAsync(new AuditEntry(AuditActions.PasswordResetRequested, "User", user.Id), ct);
        await mail.SendAsync(new OutgoingMail(address, "Choose a new password",
            $"""
            Someone asked to choose a new password for your account.
            Open this link to choose one:

            {link}

            The link works once, for one day. If it was not you, ignore this message: your password stays as it is.
            """), ct);
    }

    /// <returns>null when the password is changed; otherwise what to tell the person.</returns>
    public async Task<IReadOnlyList<string>?> ResetAsync(Guid userId, string? token, string? password, CancellationToken ct)
    {
        const string Expired = "This link has expired or was used already. Ask for a new one.";
        if (string.IsNullOrEmpty(token) || !await directory.BindPracticeOfUserAsync(userId, ct)
            || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return [Expired];
        }
        var result = await users.ResetPasswordAsync(user, token, password ?? "");
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? [Expired]
                : result.Errors.Select(e => e.Description).ToList();
        }
        // Whoever was locked out by failed guesses is the person who just proved they read the mail.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(new AuditEntry(AuditActions.PasswordReset, "User", user.Id), ct);
        return null;
    }
}
