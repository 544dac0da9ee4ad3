using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Portal;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Open items the home page lists (due soon first, then past their date); the rest are on the tasks page.</summary>
    public const int OpenItems = 10;

    /// <summary>Done items the home page lists, latest first.</summary>
    public const int DoneItems = 5;

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<ConfidentialityAgreement> Agreements { get; private set; } = [];
    public HomeworkQueries.MyHomeworkStart Homework { get; private set; } = new([], 0, [], 0, 0);

    /// <summary>Items not listed here, on the tasks page.</summary>
    public int MoreTasks => Homework.OpenTotal - Homework.Open.Count + Homework.DoneTotal - Homework.Done.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        // The session check read the name already; a request without it (no cookie session) asks with the rest.
        var batch = new QueryBatch(db);
        var name = SessionFacts.Of(HttpContext)?.DisplayName is not null ? null
            : batch.FirstOrDefault(db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName));
        var agreements = batch.List(db.Cases.AsNoTracking().VisibleTo(User).Where(c => !c.IsClosed).Select(c => c.Confidentiality).Distinct());
        Homework = await HomeworkQueries.MyHomeworkStartAsync(db, userId, clock.GetUtcNow(), OpenItems, DoneItems, ct, batch);
        DisplayName = SessionFacts.Of(HttpContext)?.DisplayName ?? name?.Value ?? "";
        Agreements = agreements.Value;
    }
}
