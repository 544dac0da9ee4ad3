using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Calendar;

public sealed class FeedModel(CalendarFeedService feeds) : PageModel
{
    public CalendarFeedResponse Feed { get; private set; } = new(false, false, null);

    /// <summary>Shown once, right after rotating: the secret is not stored and cannot be shown again.</summary>
    public string? NewUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        Feed = await feeds.GetAsync(User.UserId(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        Feed = await feeds.RotateAsync(User.UserId(), $"{Request.Scheme}://{Request.Host}", ct);
        NewUrl = Feed.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostNamesAsync(bool includeClientNames, CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        await feeds.ChangeAsync(User.UserId(), includeClientNames, ct);
        TempData["Flash"] = includeClientNames ? "Client names now appear in your feed." : "Your feed shows only \"Appointment\".";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        await feeds.TurnOffAsync(User.UserId(), ct);
        TempData["Flash"] = "Your calendar feed is off; its address no longer works.";
        return RedirectToPage();
    }
}
