using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CounselorHome;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor;

/// <summary>
/// The counselor's home: what needs them first (open safety alerts), then their week's sessions, what waits for
/// review, overdue homework and what clients did lately, then their cases (an admin: every case) with a search,
/// and a form to open one. Each list is one bounded query (the first four in one statement, <see cref="HomeAttention"/>); see <see cref="HomeQueries"/>.
/// </summary>
public sealed class IndexModel(AppDbContext db, CaseOpener opener, OpenAlertCount alertCount) : PageModel
{
    /// <summary>Sessions are listed for today and this many days after it.</summary>
    public const int DaysAhead = 7;

    public const int OverdueCasesShown = 10;

    [BindProperty] public NewCaseInput Input { get; set; } = new();

    /// <summary>The cases search; a GET parameter so it works without JavaScript and can be bookmarked.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    public HomeTime Time { get; private set; } = null!;
    public Bounded<HomeAlert> Alerts { get; private set; } = new([], 0);
    public Bounded<HomeSession> Sessions { get; private set; } = new([], 0);
    public Bounded<ReviewItem> ToReview { get; private set; } = new([], 0);
    public IReadOnlyList<OverdueCase> Overdue { get; private set; } = [];
    public IReadOnlyList<ActivityItem> Activity { get; private set; } = [];
    public Bounded<CaseListRow> Cases { get; private set; } = new([], 0);

    public sealed class NewCaseInput
    {
        public string? Title { get; set; }
        public string? Kind { get; set; } = nameof(CaseKind.Individual);
        public string? Confidentiality { get; set; } = nameof(ConfidentialityAgreement.NotRecorded);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (kind, agreement) = Validate();
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var opened = await opener.OpenAsync(User, Input.Title!.Trim(), kind, agreement, ct);
        TempData["Flash"] = "Case opened. Invite its clients below.";
        return RedirectToPage("/Counselor/Cases/Overview", new { id = opened.Id });
    }

    private (CaseKind, ConfidentialityAgreement) Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Title is required.");
        }
        else if (Input.Title.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.Title", "Title must be at most 200 characters.");
        }
        if (!EnumNames.TryParse<CaseKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose Individual, Couple or Family.");
        }
        if (!EnumNames.TryParse<ConfidentialityAgreement>(Input.Confidentiality, out var agreement))
        {
            ModelState.AddModelError("Input.Confidentiality", "Choose one of the agreements.");
        }
        return (kind, agreement);
    }

    /// <summary>Every list, and the menu's alert count, in one round trip and three statements.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Time = HomeTime.For(HttpContext);
        var now = Time.Now;
        var batch = new QueryBatch(db);
        var attention = HomeAttention.AddTo(batch, db, User, now);
        var sessions = HomeQueries.Sessions(batch, db, User, Time.StartOf(Time.Today), Time.StartOf(Time.Today.AddDays(DaysAhead + 1)));
        var cases = HomeQueries.Cases(batch, db, User, Search, now);
        await batch.SendAsync(ct);
        (Alerts, ToReview, Overdue, Activity) = (attention.Value.Alerts, attention.Value.ToReview, attention.Value.Overdue, attention.Value.Activity);
        alertCount.Known(Alerts.Total);
        Sessions = sessions.Value;
        Cases = cases.Value;
    }
}
