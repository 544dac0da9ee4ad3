using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Portal;

public sealed class MyDataModel(AppDbContext db, ExportService exports, IAuditLog audit) : PageModel
{
    public List<ExportResponse> Exports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return Forbid();
        }
        var me = User.UserId();
        Exports = await ExportService.Project(db.ClientExports.AsNoTracking().Where(e => e.ClientId == me).OrderByDescending(e => e.RequestedAt)).Take(10).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return Forbid();
        }
        await exports.RequestAsync(User, User.UserId(), ct);
        TempData["Flash"] = "We are preparing your copy. Refresh this page in a minute.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid exportId, CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return Forbid();
        }
        var export = await exports.FindAsync(User, exportId, ct);
        if (export is null)
        {
            return NotFound();
        }
        if (export.Status != nameof(ExportStatus.Ready) || await exports.ReadZipAsync(exportId, ct) is not { } zip)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.ExportDownloaded, "ClientExport", exportId, [export.ClientId]), ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(zip, "application/zip", $"data-{export.ReadyAt:yyyy-MM-dd}.zip");
    }
}
