using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CounselorHome;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Clients;

/// <summary>One client's progress for their counselor (every case the counselor shares with them); anyone else: 404.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, ReaderTimes times, OpenAlertCount alerts) : PageModel
{
    public ClientProgressView View { get; private set; } = null!;

    /// <summary>The case the counselor came from (its progress section), when it is one of theirs with this client.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? FromCase { get; set; }

    public string? FromCaseTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? range, CancellationToken ct)
    {
        Batched<string?>? fromCase = null;
        // The menu's alert count and the title of the case the counselor came from go with the first batch.
        var view = await ProgressPages.ClientAsync(db, clock, User, id, range, await ProgressPages.SettingsForAsync(times, ct), ct, batch =>
        {
            alerts.AddTo(batch, User);
            if (FromCase is { } caseId)
            {
                fromCase = batch.FirstOrDefault(db.Cases.AsNoTracking().ManagedBy(User)
                    .Where(c => c.Id == caseId && c.Clients.Any(x => x.ClientId == id)).Select(c => c.Title));
            }
        });
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        FromCaseTitle = fromCase?.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "csv", ct) ?? NotFound();

    public async Task<IActionResult> OnGetJsonAsync(Guid id, string? range, CancellationToken ct) =>
        await ProgressPages.DownloadAsync(db, clock, User, id, range, "json", ct) ?? NotFound();
}
