using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Pages.Counselor;

/// <summary>
/// The progress section of the case page, loaded by itself (a fixed number of queries) so the case page
/// needs one line for it. Only the case's counselors see numbers; an admin who is not one sees a note.
/// </summary>
public sealed class CaseProgressViewComponent(AppDbContext db, TimeProvider clock, ReaderTimes times) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var view = await CaseProgressView.LoadAsync(db, clock, UserClaimsPrincipal, caseId, null,
            await ProgressPages.SettingsForAsync(times, HttpContext.RequestAborted), HttpContext.RequestAborted);
        return View(view);
    }
}
