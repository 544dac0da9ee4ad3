using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>
/// The neutral page a client lands on after signing out or after the portal's inactivity timer. The
/// timer in the browser comes here by location.replace, so this GET signs out whoever is still signed
/// in: being signed out by a link is harmless, staying signed in on an unattended phone is not.
/// </summary>
[AllowAnonymous]
public sealed class SignedOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync();
        }
    }
}
