using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Admin;

/// <summary>The practice's progress at a glance: counts and adherence, no names (two queries).</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, Infrastructure.Time.ReaderTimes times) : PageModel
{
    public PracticeOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Overview = await PracticeOverview.LoadAsync(db, clock, await ProgressPages.SettingsForAsync(times, ct), ct);
}
