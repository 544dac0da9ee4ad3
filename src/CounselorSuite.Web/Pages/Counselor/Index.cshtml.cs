using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor;

public sealed record CaseRow(Guid Id, string Title, CaseKind Kind, IReadOnlyList<string> ClientNames);

/// <summary>The counselor's start page: the cases they work on (an admin: all of them), and a form to open one.</summary>
public sealed class IndexModel(AppDbContext db, CaseOpener opener) : PageModel
{
    [BindProperty] public NewCaseInput Input { get; set; } = new();
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public sealed class NewCaseInput
    {
        public string? Title { get; set; }
        public string? Kind { get; set; } = nameof(CaseKind.Individual);
        public string? Confidentiality { get; set; } = nameof(ConfidentialityAgreement.NotRecorded);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Title is required.");
        }
        else if (Input.Title.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.Title", "Title must be at most 200 characters.");
        }
        if (!Enum.TryParse<CaseKind>(Input.Kind, false, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose Individual, Couple or Family.");
        }
        if (!Enum.TryParse<ConfidentialityAgreement>(Input.Confidentiality, false, out var agreement) || !Enum.IsDefined(agreement))
        {
            ModelState.AddModelError("Input.Confidentiality", "Choose one of the agreements.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var opened = await opener.OpenAsync(User, Input.Title!.Trim(), kind, agreement, ct);
        TempData["Flash"] = "Case opened. Invite its clients below.";
        return Redirect($"/counselor/cases/{opened.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().ManagedBy(User).Where(c => !c.IsClosed)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Kind })
            .Take(500)
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var clients = await db.CaseClients.AsNoTracking().Where(x => ids.Contains(x.CaseId))
            .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new { x.CaseId, x.AddedAt, u.DisplayName })
            .OrderBy(x => x.AddedAt)
            .ToListAsync(ct);
        Cases = cases.Select(c => new CaseRow(c.Id, c.Title, c.Kind,
            clients.Where(x => x.CaseId == c.Id).Select(x => x.DisplayName).ToList())).ToList();
    }
}
