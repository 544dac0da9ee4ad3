using CounselorSuite.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>Asks for a link to choose a new password; the answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address you sign in with.");
            return Page();
        }
        await resets.RequestAsync(Email, $"{Request.Scheme}://{Request.Host}", ct);
        return RedirectToPage(new { sent = true });
    }
}
