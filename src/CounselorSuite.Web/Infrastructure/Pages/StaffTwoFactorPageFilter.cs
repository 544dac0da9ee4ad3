using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Pages;

/// <summary>
/// When a practice requires two-factor sign-in for its staff, an admin or counselor who has not set it
/// up is sent to /account/security from every other page until they have. (The API refuses such a
/// login outright.) Account pages and error pages stay reachable, so they can enrol or sign out.
/// </summary>
public sealed class StaffTwoFactorPageFilter(AppDbContext db) : IAsyncPageFilter
{
    public const string SecurityPath = "/account/security";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && (user.IsAdmin() || user.IsCounselor())
            && !page.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase) && page != "/Error")
        {
            // The session check read these already (one statement for both); a session without it asks here.
            var facts = SessionFacts.Of(context.HttpContext);
            var userId = user.UserId();
            var missing = facts is not null
                ? !facts.TwoFactorEnabled && facts.PracticeRequiresStaffTwoFactor
                : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .AnyAsync(u => !u.TwoFactorEnabled && db.Practices.Any(p => p.Id == u.PracticeId && p.RequireStaffTwoFactor), context.HttpContext.RequestAborted);
            if (missing)
            {
                context.Result = new RedirectResult(SecurityPath);
                return;
            }
        }
        await next();
    }
}
