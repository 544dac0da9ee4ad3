using System.Text;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>
/// Two-factor enrolment and management. The authenticator entry is named neutrally ("Secure portal" by
/// default): a client's phone may be looked at by the person they fear.
/// </summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IAuditLog audit, IConfiguration configuration,
    IUserStore<AppUser> store, PasswordResets resets) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not right. Check that the time on your phone is correct and try the newest code.";
            await LoadAsync(user, ct);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        // The fact only: never the shared key, the code or the recovery codes.
        await audit.WriteAsync(new AuditEntry(AuditActions.TwoFactorEnabled, "User", user.Id), ct);
        await signIn.RefreshSignInAsync(user);
        Message = "Two-factor sign-in is on.";
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled || !await ConfirmPasswordAsync(user))
        {
            await LoadAsync(user, ct);
            return Page();
        }
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await audit.WriteAsync(new AuditEntry(AuditActions.RecoveryCodesRegenerated, "User", user.Id), ct);
        Message = "New recovery codes are ready; the old ones no longer work.";
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user, ct);
        if (Required)
        {
            Error = "Your practice requires two-factor sign-in for staff, so it cannot be turned off.";
            return Page();
        }
        if (!await ConfirmPasswordAsync(user))
        {
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(new AuditEntry(AuditActions.TwoFactorDisabled, "User", user.Id), ct);
        await signIn.RefreshSignInAsync(user);
        Message = "Two-factor sign-in is off.";
        await LoadAsync(user, ct);
        return Page();
    }

    /// <summary>A new password, with the current one: this session goes on, every other one ends.</summary>
    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        switch (await resets.ChangeAsync(User, CurrentPassword, NewPassword, ct))
        {
            case PasswordOutcome.Changed changed:
                await signIn.RefreshSignInAsync(changed.User);
                Message = "Your password is changed. You stay signed in here; every other session has ended.";
                user = changed.User;
                break;
            case PasswordOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, prefix: "");
                Error = "Your password was not changed.";
                break;
        }
        await LoadAsync(user, ct);
        return Page();
    }

    /// <summary>Ends every session of this person, on every device and in every app, this one included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var wasClient = User.IsClient();
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(new AuditEntry(AuditActions.SignedOutEverywhere, "User", user.Id), ct);
        await signIn.SignOutAsync();
        if (wasClient)
        {
            return Redirect(Infrastructure.Pages.PageSetup.SignedOutPath);
        }
        TempData["Flash"] = "You are signed out on every device.";
        return RedirectToPage("/Account/Login");
    }

    private async Task<bool> ConfirmPasswordAsync(AppUser user)
    {
        if (!string.IsNullOrEmpty(Password) && Password.Length <= 256 && await users.CheckPasswordAsync(user, Password))
        {
            return true;
        }
        Error = "That password is not right.";
        return false;
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var isStaff = User.IsAdmin() || User.IsCounselor();
        Required = isStaff && await db.Practices.AnyAsync(p => p.Id == user.PracticeId && p.RequireStaffTwoFactor, ct);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) && store is IUserAuthenticatorKeyStore<AppUser> keys)
        {
            // A first key, not a reset: ResetAuthenticatorKeyAsync would change the security stamp and so
            // end this person's other sessions merely for opening this page.
            key = users.GenerateNewAuthenticatorKey();
            await keys.SetAuthenticatorKeyAsync(user, key, ct);
            await users.UpdateAsync(user);
        }
        SharedKey = Group(key ?? "");
        var issuer = configuration["App:AuthenticatorIssuer"] ?? "Secure portal";
        var label = Uri.EscapeDataString($"{issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
