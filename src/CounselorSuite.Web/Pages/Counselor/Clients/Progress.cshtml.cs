using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Clients;

/// <summary>One client's progress for their counselor (every case the counselor shares with them); anyone else: 404.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, ReaderTimes times) : PageModel
{
    public ClientProgressView View { get; private set; } = null!;

    /// <summary>The case the counselor came from (its progress section), when it is one of theirs with this client.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? FromCase { get; set; }

    public string? FromCaseTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? range, CancellationToken ct)
    {
        var view = await ProgressPages.ClientAsync(db, clock, User, id, range, await ProgressPages.SettingsForAsync(times, ct), ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        if (FromCase is { } caseId)
        {
            FromCaseTitle = await db.Cases.AsNoTracking().ManagedBy(User)
                .Where(c => c.Id == caseId && c.Clients.Any(x => x.ClientId == id)).Select(c => c.Title).FirstOrDefaultAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "csv", ct) ?? NotFound();

    public async Task<IActionResult> OnGetJsonAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "json", ct) ?? NotFound();
}
