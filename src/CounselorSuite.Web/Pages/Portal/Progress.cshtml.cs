using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Portal;

/// <summary>The client's own progress, phone-first: adherence, charts with their numbers, and the export.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, ReaderTimes times) : PageModel
{
    public ClientProgressView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? range, CancellationToken ct)
    {
        var view = await ProgressPages.ClientAsync(db, clock, User, User.UserId(), range, await ProgressPages.SettingsForAsync(times, ct), ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, User.UserId(), range, "csv", ct) ?? NotFound();

    public async Task<IActionResult> OnGetJsonAsync(string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, User.UserId(), range, "json", ct) ?? NotFound();
}
