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
        var items = await HomeworkQueries.MyAssignmentsAsync(db, userId, clock.GetUtcNow(), ct);
        DueSoon = items.Where(i => i.State is "Assigned" or "InProgress").ToList();
        Overdue = items.Where(i => i.State == "Overdue").ToList();
        Done = items.Where(i => i.State is "Submitted" or "Reviewed").Take(20).ToList();
        NewFeedback = items.Sum(i => i.NewFeedback);
    }
}
