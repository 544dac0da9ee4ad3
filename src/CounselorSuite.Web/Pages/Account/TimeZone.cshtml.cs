using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Account;

/// <summary>Saves the signed-in person's own time zone (the form sits on the security page).</summary>
[Authorize(Policy = PageAuth.SignedIn)]
public sealed class TimeZoneModel(AppDbContext db, TimeSettingsCache cache) : PageModel
{
    public const string FormId = "time-zone";

    /// <summary>An IANA id, or empty to follow the practice's zone.</summary>
    [BindProperty] public string? TimeZone { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Account/Security", null, FormId);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var chosen = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZones.Canonical(TimeZone);
        if (!string.IsNullOrWhiteSpace(TimeZone) && chosen is null)
        {
            TempData["TimeZoneError"] = TimeSettingsValidation.ZoneMessage;
            return RedirectToPage("/Account/Security", null, FormId);
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return NotFound();
        }
        user.TimeZone = chosen;
        await db.SaveChangesAsync(ct);
        cache.ForgetPerson(userId);
        TempData["Flash"] = chosen is null
            ? "Times are now shown in your practice's time zone."
            : $"Times are now shown in {chosen.Replace('_', ' ')} time.";
        return RedirectToPage("/Account/Security", null, FormId);
    }
}
