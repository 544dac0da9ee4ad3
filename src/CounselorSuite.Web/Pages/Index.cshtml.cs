using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages;

/// <summary>The front door: each person goes to their own start page.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Account/Login");
        }
        if (User.IsAdmin() || User.IsCounselor())
        {
            return RedirectToPage("/Counselor/Index");
        }
        return RedirectToPage(User.IsClient() ? "/Portal/Index" : "/Account/Login");
    }
}
