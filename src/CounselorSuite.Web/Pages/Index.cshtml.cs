using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages;

/// <summary>The front door: each person goes to their own start page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Redirect("/account/login");
        }
        if (User.IsAdmin() || User.IsCounselor())
        {
            return Redirect("/counselor");
        }
        return Redirect(User.IsClient() ? "/portal" : "/account/login");
    }
}
