using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>The registration mail's link: shows what will be created, takes the password, signs the admin in.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class ConfirmRegistrationModel(PracticeRegistration registration, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public PendingRegistration? Pending { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet() => Pending = registration.Read(Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Pending = registration.Read(Token);
        switch (await registration.ConfirmAsync(Token, Password, ct))
        {
            case RegistrationOutcome.Registered done:
                await signIn.SignInAsync(done.Admin, isPersistent: false);
                TempData["Flash"] = $"Welcome. {done.Practice.Name} is registered.";
                return RedirectToPage("/Counselor/Index");
            case RegistrationOutcome.Invalid invalid:
                Problems = invalid.Errors.ToDictionary().SelectMany(e => e.Value).ToList();
                return Page();
            default:
                Problems = [PracticeRegistration.AlreadyRegistered];
                Pending = null;
                return Page();
        }
    }
}
