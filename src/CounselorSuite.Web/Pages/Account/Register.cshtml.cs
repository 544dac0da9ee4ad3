using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>The page form of POST /api/auth/register-practice: same rules, then the admin is signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class RegisterModel(PracticeRegistration registration, SignInManager<AppUser> signIn) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["practiceName"] = "PracticeName", ["adminEmail"] = "Email", ["adminDisplayName"] = "DisplayName", ["adminPassword"] = "Password",
        ["timeZone"] = "TimeZone", ["locale"] = "Locale",
    };

    [BindProperty] public RegisterInput Input { get; set; } = new();
    public string? Message { get; private set; }

    public sealed class RegisterInput
    {
        public string? PracticeName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? TimeZone { get; set; }
        public string Locale { get; set; } = TimeZones.DefaultLocale;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Message = "You are signed in. Sign out first to register a new practice.";
            return Page();
        }
        var outcome = await registration.RegisterAsync(
            new RegisterPracticeRequest(Input.PracticeName, Input.Email, Input.Password, Input.DisplayName,
                Input.TimeZone ?? "", Input.Locale), ct); // the API falls back to UTC; on the page a zone is always chosen
        switch (outcome)
        {
            case RegistrationOutcome.Registered done:
                await signIn.SignInAsync(done.Admin, isPersistent: false);
                TempData["Flash"] = $"Welcome. {done.Practice.Name} is registered.";
                return Redirect("/counselor");
            case RegistrationOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, rename: Fields);
                return Page();
            default:
                ModelState.AddModelError("Input.Email", "An account with this email already exists. Sign in instead.");
                return Page();
        }
    }
}
