using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Portal;

public sealed class IndexModel(AppDbContext db, PracticeLook look, MarkdownRenderer markdown) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<ConfidentialityAgreement> Agreements { get; private set; } = [];

    /// <summary>The practice's help resources, rendered from Markdown and sanitised.</summary>
    public string HelpHtml { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        DisplayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        Agreements = await db.Cases.AsNoTracking().VisibleTo(User).Where(c => !c.IsClosed)
            .Select(c => c.Confidentiality).Distinct().ToListAsync(ct);
        HelpHtml = markdown.ToHtml((await look.GetAsync(ct))?.HelpResources);
    }
}
