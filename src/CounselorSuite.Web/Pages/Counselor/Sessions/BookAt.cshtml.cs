using System.Globalization;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Sessions;

/// <summary>
/// Booking from an empty hour of the calendar: the time is known, the case is not yet. The counselor picks
/// one of their open cases and lands on that case's booking form with the time filled in.
/// </summary>
public sealed class BookAtModel(AppDbContext db) : PageModel
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty(SupportsGet = true)] public string? StartsAt { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CaseId { get; set; }

    public List<(Guid Id, string Title)> Cases { get; private set; } = [];
    public DateTime? When { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsCounselor() && !User.IsAdmin())
        {
            return Forbid();
        }
        When = DateTime.TryParseExact(StartsAt, InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) ? when : null;
        var cases = await db.Cases.AsNoTracking().ManagedBy(User).Where(c => !c.IsClosed).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        Cases = cases.Select(c => (c.Id, c.Title)).ToList();
        if (CaseId is { } chosen)
        {
            if (Cases.Any(c => c.Id == chosen))
            {
                return RedirectToPage("/Counselor/Sessions/Book", new { caseId = chosen, startsAt = When?.ToString(InputFormat, CultureInfo.InvariantCulture) });
            }
            Problem = "Choose one of your cases.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
