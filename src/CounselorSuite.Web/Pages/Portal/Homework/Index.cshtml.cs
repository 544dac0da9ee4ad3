using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Portal.Homework;

/// <summary>
/// All of a client's tasks, a page at a time, in the home page's order: due soon, past their date, done.
/// The home page lists the first few; this is where the rest are.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    // "p", not "page": Razor Pages keeps "page" for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MyAssignmentItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Pager.PagesFor(Total, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Clamped so that a page number typed into the address cannot overflow the offset.
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        var mine = await HomeworkQueries.MyAssignmentsAsync(db, User.UserId(), clock.GetUtcNow(), (PageNumber - 1) * PageSize, PageSize, ct);
        (Items, Total) = (mine.Items, mine.Total);
    }

    public Pager Pager => new(PageNumber, PageCount, page => $"/portal/homework?p={page}", Id: "task-pages");
}
