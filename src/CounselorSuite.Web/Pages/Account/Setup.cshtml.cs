using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>
/// Where a client without an email address of their own turns a username and setup code into an account,
/// or, with a new code from their counselor, chooses a new password for it (every earlier session ends).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class SetupModel(AccountSetup setup, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public SetupInput Input { get; set; } = new();

    public sealed class SetupInput
    {
        public string? UserName { get; set; }
        public string? SetupCode { get; set; }
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // An invitation's code makes the account; a new code from the counselor sets an existing account's password.
        var outcome = await setup.SetUpAsync(new SetupCommand(Input.UserName, Input.SetupCode, Input.Password), ct);
        switch (outcome)
        {
            case AcceptOutcome.Accepted accepted:
                await signIn.SignInAsync(accepted.User, isPersistent: false);
                return RedirectToPage("/Index");
            case AcceptOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors);
                return Page();
            default:
                ModelState.AddModelError("Input.UserName", "This username already has an account. Sign in instead.");
                return Page();
        }
    }
}
