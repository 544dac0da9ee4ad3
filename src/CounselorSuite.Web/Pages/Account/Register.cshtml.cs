using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>
/// The page form of POST /api/auth/register-practice: the same rules and the same answer whether or not the
/// email has an account; the mailed link leads to <see cref="ConfirmRegistrationModel"/>.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class RegisterModel(PracticeRegistration registration) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["practiceName"] = "PracticeName", ["adminEmail"] = "Email", ["adminDisplayName"] = "DisplayName",
        ["timeZone"] = "TimeZone", ["locale"] = "Locale",
    };

    [BindProperty] public RegisterInput Input { get; set; } = new();
    public string? Message { get; private set; }
    public string? MailedTo { get; private set; }

    public sealed class RegisterInput
    {
        public string? PracticeName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? TimeZone { get; set; }
        public string Locale { get; set; } = TimeZones.DefaultLocale;
    }

    public void OnGet() => MailedTo = TempData["RegistrationMailedTo"] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Message = "You are signed in. Sign out first to register a new practice.";
            return Page();
        }
        var outcome = await registration.RequestAsync(
            new RegisterPracticeRequest(Input.PracticeName, Input.Email, null, Input.DisplayName,
                Input.TimeZone ?? "", Input.Locale), // the API falls back to UTC; on the page a zone is always chosen
            $"{Request.Scheme}://{Request.Host}", ct);
        if (outcome is RegistrationOutcome.Invalid invalid)
        {
            ModelState.AddFieldErrors(invalid.Errors, rename: Fields);
            return Page();
        }
        // Post-redirect-get: a reload does not send the mail again.
        TempData["RegistrationMailedTo"] = Input.Email!.Trim();
        return RedirectToPage();
    }
}
