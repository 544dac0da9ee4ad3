using CounselorSuite.Web.Features.Progress;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Pages.Counselor;

/// <summary>
/// The progress section of the case page, as the section page read it (null: the reader does not counsel the
/// case, and sees a note instead of numbers).
/// </summary>
public sealed class CaseProgressViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CaseProgressView? progress) => View(progress);
}
