using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Admin;

/// <summary>The practice's time zone and how it writes times. People who chose their own zone keep it.</summary>
public sealed class TimeModel(AppDbContext db, TimeSettingsCache cache) : PageModel
{
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public string? Locale { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new { p.TimeZone, p.Locale }).FirstOrDefaultAsync(ct);
        if (practice is null)
        {
            return NotFound();
        }
        TimeZone = practice.TimeZone;
        Locale = practice.Locale;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var zone = TimeZones.Canonical(TimeZone);
        if (zone is null)
        {
            ModelState.AddModelError(nameof(TimeZone), TimeSettingsValidation.ZoneMessage);
        }
        if (!TimeZones.IsLocale(Locale))
        {
            ModelState.AddModelError(nameof(Locale), TimeSettingsValidation.LocaleMessage);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var practice = await db.Practices.FirstAsync(p => p.Id == db.CurrentPracticeId, ct);
        practice.TimeZone = zone!;
        practice.Locale = Locale!;
        await db.SaveChangesAsync(ct);
        cache.ForgetPractice(practice.Id);
        TempData["Flash"] = $"The practice's time zone is {zone!.Replace('_', ' ')}.";
        return RedirectToPage();
    }
}
