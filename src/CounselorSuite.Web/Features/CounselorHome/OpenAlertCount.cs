using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.CounselorHome;

/// <summary>
/// How many safety alerts of the user's cases are open, for the main menu: counted at most once per request,
/// and not at all on a page that has counted them already (the home page tells it what it found).
/// </summary>
public sealed class OpenAlertCount(AppDbContext db)
{
    private int? _count;
    private Batched<int>? _batched;

    public void Known(int count) => _count = count;

    /// <summary>Counts them in the page's batch, so the menu costs no round trip of its own.</summary>
    public void AddTo(QueryBatch batch, System.Security.Claims.ClaimsPrincipal user)
    {
        if (_count is null && (user.IsCounselor() || user.IsAdmin()))
        {
            _batched = batch.Count(HomeQueries.OpenAlerts(db, user));
        }
    }

    public async Task<int> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        _count ??= _batched is { HasValue: true } batched ? batched.Value : await HomeQueries.OpenAlerts(db, user).CountAsync(ct);
}

/// <summary>The menu's link to the alerts page, with the open-alert count when there are any.</summary>
public sealed class AlertsMenuLinkViewComponent(OpenAlertCount alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var count = user.IsCounselor() || user.IsAdmin() ? await alerts.GetAsync(user, HttpContext.RequestAborted) : 0;
        return View("~/Pages/Shared/_AlertsMenuLink.cshtml", count);
    }
}
