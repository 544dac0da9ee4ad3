using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Clients;

/// <summary>One client's progress for their counselor (every case the counselor shares with them); anyone else: 404.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public ClientProgressView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? range, CancellationToken ct)
    {
        var view = await ProgressPages.ClientAsync(db, clock, User, id, range, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "csv", ct) ?? NotFound();

    public async Task<IActionResult> OnGetJsonAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "json", ct) ?? NotFound();
}
