using CounselorSuite.Web.Features.Audit;
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
    public List<string> KnownActions { get; private set; } = [];
    public List<(Guid Id, string Name)> Users { get; private set; } = [];
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
        KnownActions = typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToList();
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        People = Users.ToDictionary(u => u.Id, u => u.Name);
        if (filter.Validate().Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.AuditSearched, "AuditTrail", null, ClientId is { } c ? [c] : null) { Detail = filter.Describe() }, ct);
        Results = await AuditSearch.SearchAsync(db, filter, PageNumber, PageSize, ct);
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

    public string Name(Guid? id) => id is { } value ? People.GetValueOrDefault(value, value.ToString()[..8]) : "system";

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
