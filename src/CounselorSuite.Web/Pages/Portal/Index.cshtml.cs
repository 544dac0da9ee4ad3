using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Portal;

public sealed class IndexModel(AppDbContext db, PracticeLook look, MarkdownRenderer markdown, TimeProvider clock) : PageModel
{
    private const int OpenItemsLimit = 500;

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<ConfidentialityAgreement> Agreements { get; private set; } = [];

    /// <summary>Homework in the order the home page shows it: due soon, overdue, done.</summary>
    public IReadOnlyList<MyAssignmentItem> DueSoon { get; private set; } = [];
    public IReadOnlyList<MyAssignmentItem> Overdue { get; private set; } = [];
    public IReadOnlyList<MyAssignmentItem> Done { get; private set; } = [];
    public int NewFeedback { get; private set; }

    /// <summary>The practice's help resources, rendered from Markdown and sanitised.</summary>
    public string HelpHtml { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        DisplayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        Agreements = await db.Cases.AsNoTracking().VisibleTo(User).Where(c => !c.IsClosed)
            .Select(c => c.Confidentiality).Distinct().ToListAsync(ct);
        HelpHtml = markdown.ToHtml((await look.GetAsync(ct))?.HelpResources);
        // Everything open, and the 20 most recent done items: the home page lists no more than that.
        var mine = await HomeworkQueries.MyAssignmentsAsync(db, userId, clock.GetUtcNow(), 0, OpenItemsLimit + 20, ct);
        var items = mine.Items;
        DueSoon = items.Where(i => i.State is "Assigned" or "InProgress").ToList();
        Overdue = items.Where(i => i.State == "Overdue").ToList();
        Done = items.Where(i => i.State is "Submitted" or "Reviewed").Take(20).ToList();
        NewFeedback = mine.NewFeedback;
    }
}
