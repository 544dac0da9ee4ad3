using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token; the GET only shows the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var wasClient = User.IsClient();
        await signIn.SignOutAsync();
        if (wasClient)
        {
            // Clients land on a neutral page that does not name the portal they were in.
            return Redirect(PageSetup.SignedOutPath);
        }
        TempData["Flash"] = "You are signed out.";
        return Redirect("/account/login");
    }
}
