using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST with an antiforgery token; the GET only shows the button. It ends the session on
/// the server: the user's security stamp changes, so a copy of this cookie (or any other session of the
/// person) opens nothing any more.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var wasClient = User.IsClient();
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        if (wasClient)
        {
            // Clients land on a neutral page that does not name the portal they were in.
            return Redirect(PageSetup.SignedOutPath);
        }
        TempData["Flash"] = "You are signed out.";
        return RedirectToPage("/Account/Login");
    }
}
