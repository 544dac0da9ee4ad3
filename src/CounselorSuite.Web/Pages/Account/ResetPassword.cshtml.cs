using CounselorSuite.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>The emailed link's page: choose a new password, then sign in with it.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await resets.ResetAsync(Token, Password, ct) is PasswordOutcome.Invalid invalid)
        {
            Problems = invalid.Errors.ToDictionary().SelectMany(e => e.Value).ToList();
            return Page();
        }
        TempData["Flash"] = "Your new password is set, and every earlier session of yours has ended. Sign in with it.";
        return RedirectToPage("/Account/Login");
    }
}
