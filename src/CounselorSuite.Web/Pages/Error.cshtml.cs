using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages;

/// <summary>
/// The friendly page a browser sees for a bare error status outside /api (the status code pages
/// middleware runs the request again here, keeping the status). It answers any method, without an
/// antiforgery check, because a failed POST lands here too.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "Please try again in a moment.";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            400 => ("That did not work", "The form may have been open too long, or something in it was not accepted. Go back, reload the page and try again."),
            403 => ("No access", "Your account does not have access to this page."),
            404 => ("Page not found", "There is nothing here, or you do not have access to it."),
            429 => ("Too many attempts", "Too many attempts. Wait a minute and try again."),
            _ => (Heading, Explanation),
        };
    }
}
