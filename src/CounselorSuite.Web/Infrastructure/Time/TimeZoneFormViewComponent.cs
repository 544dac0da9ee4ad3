using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Time;

public sealed record TimeZoneFormView(ZonePicker Picker, string Effective, string? Error);

/// <summary>The person's time zone form: their own zone, or the practice's.</summary>
public sealed class TimeZoneFormViewComponent(AppDbContext db, ReaderTimes times) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var settings = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.TimeZone, Practice = db.Practices.Where(p => p.Id == u.PracticeId).Select(p => p.TimeZone).First() })
            .FirstAsync(HttpContext.RequestAborted);
        var reader = await times.GetCurrentAsync(HttpContext.RequestAborted);
        var picker = new ZonePicker("TimeZone", "TimeZone", TimeZones.Canonical(settings.TimeZone), settings.Practice, false, reader.ZoneId);
        return View(new TimeZoneFormView(picker, reader.ZoneName, TempData["TimeZoneError"] as string));
    }
}
