using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInDirectory directory, DummyPasswordCheck dummy) : PageModel
{
    /// <summary>The one answer for an unknown name, a wrong password and a locked or disabled account (issue 16).</summary>
    public const string NotRight = "The email, username or password is not right. After five wrong tries, wait 15 minutes.";

    /// <summary>Only for the two-factor step, reached with the right password.</summary>
    public const string LockedOut = "This account is locked for 15 minutes after too many failed attempts. Try again later.";

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public sealed class LoginInput
    {
        public string? LoginName { get; set; }
        public string? Password { get; set; }
    }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(PageHelpers.SafeLocal(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // This request is bound to the current account's practice; sign out and start afresh.
            await signIn.SignOutAsync();
            TempData["Flash"] = "You were signed out of the other account. Sign in again.";
            return RedirectToPage();
        }
        if (string.IsNullOrWhiteSpace(Input.LoginName) || string.IsNullOrEmpty(Input.Password))
        {
            Message = "Enter your email or username and your password.";
            return Page();
        }
        if (Input.LoginName.Length > 256 || Input.Password.Length > 256 || !await directory.BindPracticeOfAsync(Input.LoginName, ct))
        {
            dummy.Run(Input.Password);
            Message = NotRight;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.LoginName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = PageHelpers.SafeLocal(ReturnUrl) });
        }
        if (result.IsLockedOut)
        {
            dummy.Run(Input.Password); // Identity did not check the password of a locked account
            Message = NotRight;
            return Page();
        }
        if (result.Succeeded)
        {
            return LocalRedirect(PageHelpers.SafeLocal(ReturnUrl));
        }
        Message = NotRight;
        return Page();
    }
}
