using System.Security.Claims;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>The second step of a sign-in: a TOTP code, or a recovery code once the phone is lost.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, SignInDirectory directory) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await PendingUserIdAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Identity's interim cookie holds only the user id: find its practice before Identity loads the user.
        if (await PendingUserIdAsync() is not { } userId || !await directory.BindPracticeOfUserAsync(userId, ct))
        {
            return StartAgain();
        }
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 40)
        {
            Message = "Enter the code from your authenticator app or a recovery code.";
            return Page();
        }
        var (isAuthenticatorCode, code) = TwoFactorCodes.Normalize(Code);
        var result = isAuthenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(PageHelpers.SafeLocal(ReturnUrl));
        }
        Message = result.IsLockedOut ? LoginModel.LockedOut : "That code is not right. Check the time on your phone, or use a recovery code.";
        return Page();
    }

    private async Task<Guid?> PendingUserIdAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Succeeded && Guid.TryParse(pending.Principal.FindFirstValue(ClaimTypes.Name), out var id) ? id : null;
    }

    private IActionResult StartAgain()
    {
        TempData["Flash"] = "Your sign-in took too long. Sign in again.";
        return RedirectToPage("/Account/Login");
    }
}
