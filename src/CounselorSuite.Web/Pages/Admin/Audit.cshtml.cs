using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Admin;

public sealed class AuditModel(AppDbContext db, IAuditLog audit, ReaderTimes times) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ClientId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Page<AuditRecordResponse> Results { get; private set; } = new([], 0);
    public Dictionary<Guid, string> People { get; private set; } = [];
    public List<(Guid Id, string Name)> Staff { get; private set; } = [];
    public List<(Guid Id, string Name)> Clients { get; private set; } = [];
    private Dictionary<Guid, string> _cases = [];
    public FieldErrors Errors { get; private set; } = new();
    public const int PageSize = 50;

    private AuditFilter Filter => new(UserId, ClientId, ActionName, null, null,
        // The admin's days, not UTC's: "from 8 Dec" starts at their midnight.
        From is { } f ? times.Current.StartOfDay(f) : null,
        To is { } t ? times.Current.StartOfDay(t.AddDays(1)).AddTicks(-1) : null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsAdmin())
        {
            return Forbid();
        }
        var filter = Filter;
        await LoadNamesAsync(ct);
        Errors = filter.Validate();
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.AuditSearched, "AuditTrail", null, ClientId is { } c ? [c] : null) { Detail = filter.Describe() }, ct);
        Results = await AuditSearch.SearchAsync(db, filter, PageNumber, PageSize, ct);
        await LoadCaseTitlesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!User.IsAdmin())
        {
            return Forbid();
        }
        var filter = Filter;
        if (filter.Validate().Any)
        {
            return BadRequest();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.AuditExported, "AuditTrail", null, ClientId is { } c ? [c] : null) { Detail = filter.Describe() }, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"audit-trail.csv\"";
        await AuditSearch.WriteCsvAsync(db, filter, Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>People of the practice for the two filters (clients apart, as the client filter lists only them), and case titles for remarks.</summary>
    private async Task LoadNamesAsync(CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, IsClient = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == Roles.ClientId) })
            .ToListAsync(ct);
        Staff = people.Where(p => !p.IsClient).Select(p => (p.Id, p.DisplayName)).ToList();
        Clients = people.Where(p => p.IsClient).Select(p => (p.Id, p.DisplayName)).ToList();
        People = people.ToDictionary(p => p.Id, p => p.DisplayName);
    }

    /// <summary>Titles of the cases the shown records' remarks mention (a joined counselor's case), and no others.</summary>
    private async Task LoadCaseTitlesAsync(CancellationToken ct)
    {
        var ids = Results.Items.Where(r => r.Detail is not null)
            .SelectMany(r => r.Detail!.Split([';', '=', ' ']))
            .Select(part => Guid.TryParse(part, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty && !People.ContainsKey(id))
            .Distinct().ToList();
        _cases = ids.Count == 0 ? [] : await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
    }

    /// <summary>Who acted: a name, or the app itself for background work.</summary>
    public string Name(Guid? id) => id is { } value ? People.GetValueOrDefault(value, "A former account") : "The app (automatic)";

    /// <summary>A person's or a case's name for an id inside a remark; null when the page knows neither.</summary>
    public string? NameOf(Guid id) => People.TryGetValue(id, out var person) ? person : _cases.TryGetValue(id, out var title) ? $"case {title}" : null;

    public IEnumerable<IGrouping<string, AuditActionWords>> ActionGroups => AuditWords.Actions.GroupBy(a => a.Group);

    public string Query(int? page = null, string? handler = null) => "/admin/audit?" + string.Join("&", new[]
    {
        handler is null ? null : $"handler={handler}",
        UserId is { } u ? $"userId={u}" : null,
        ClientId is { } c ? $"clientId={c}" : null,
        string.IsNullOrWhiteSpace(ActionName) ? null : $"actionName={Uri.EscapeDataString(ActionName)}",
        From is { } f ? $"from={f:yyyy-MM-dd}" : null,
        To is { } t ? $"to={t:yyyy-MM-dd}" : null,
        page is { } p ? $"pageNumber={p}" : null,
    }.Where(x => x is not null));
}
