using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages;

/// <summary>
/// The portal's Help page: who to contact (the practice's own list once a client is signed in), the quick
/// exit, and how to keep visits out of a shared device's history. Open before sign-in too, so a client
/// locked out, or about to sign in with someone nearby, can read it; then it names no practice and no topic.
/// </summary>
[AllowAnonymous]
public sealed class HelpModel(PracticeLook look, MarkdownRenderer markdown) : PageModel
{
    public string PracticeHelpHtml { get; private set; } = "";
    public int? IdleMinutes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Never cached: the same address shows a practice's list to a signed-in client and nothing to others.
        Response.Headers.CacheControl = "no-store";
        if (User.Identity?.IsAuthenticated == true && await look.GetAsync(ct) is { } practice)
        {
            PracticeHelpHtml = markdown.ToHtml(practice.HelpResources);
            IdleMinutes = practice.PortalInactivityMinutes;
        }
    }
}
