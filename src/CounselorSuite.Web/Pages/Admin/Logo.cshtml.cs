using System.Security.Cryptography;
using CounselorSuite.Documents;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Web.Pages.Admin;

/// <summary>The practice's logo on handouts: PNG or JPEG up to 2 MB, checked by its bytes and re-written without metadata.</summary>
public sealed class LogoModel(AppDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public bool HasLogo { get; private set; }
    public string? Summary { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Flash"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetImageAsync(CancellationToken ct)
    {
        var logo = await db.PracticeLogos.AsNoTracking().Select(l => new { l.Content, l.ContentType }).FirstOrDefaultAsync(ct);
        if (logo is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(logo.Content, logo.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a PNG or JPEG file.");
        }
        else if (Upload.Length > LogoImage.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The logo must be at most 2 MB.");
        }
        else
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            if (!LogoImage.TryClean(buffer.ToArray(), out var clean, out var error))
            {
                ModelState.AddModelError(nameof(Upload), error!);
            }
            else if (!Draws(clean!.Bytes))
            {
                ModelState.AddModelError(nameof(Upload), "This image cannot be placed in a PDF. Save it again as PNG or JPEG and upload that.");
            }
            else
            {
                await SaveAsync(clean, ct);
                TempData["Flash"] = "Logo saved. New handouts show it.";
                return RedirectToPage("/Admin/Logo");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var removed = await db.PracticeLogos.ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await audit.WriteAsync(new AuditEntry(AuditActions.PracticeSettingsChanged, "Practice", db.CurrentPracticeId) { Detail = "logo removed" }, ct);
        }
        TempData["Flash"] = "Logo removed.";
        return RedirectToPage("/Admin/Logo");
    }

    /// <summary>The renderer's own reader is the final judge: a logo it cannot read would fail every handout.</summary>
    private static bool Draws(byte[] image)
    {
        try
        {
            HandoutRenderer.Render(new Doc.Handout("Logo", [new Doc.ImageBlock(image, 140)]));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task SaveAsync(CleanImage clean, CancellationToken ct)
    {
        var logo = await db.PracticeLogos.FirstOrDefaultAsync(ct);
        if (logo is null)
        {
            logo = new PracticeLogo { PracticeId = db.CurrentPracticeId, Content = clean.Bytes, ContentType = clean.ContentType, Sha256 = "" };
            db.PracticeLogos.Add(logo);
        }
        logo.Content = clean.Bytes;
        logo.ContentType = clean.ContentType;
        logo.Width = clean.Width;
        logo.Height = clean.Height;
        logo.SizeBytes = clean.Bytes.LongLength;
        logo.Sha256 = Convert.ToHexStringLower(SHA256.HashData(clean.Bytes));
        logo.UploadedBy = User.UserId();
        logo.UploadedAt = clock.GetUtcNow();
        audit.Add(new AuditEntry(AuditActions.PracticeSettingsChanged, "Practice", db.CurrentPracticeId) { Detail = "logo" });
        await db.SaveChangesAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var logo = await db.PracticeLogos.AsNoTracking().Select(l => new { l.Width, l.Height, l.SizeBytes, l.ContentType }).FirstOrDefaultAsync(ct);
        HasLogo = logo is not null;
        Summary = logo is null ? null : $"{(logo.ContentType == "image/png" ? "PNG" : "JPEG")}, {logo.Width} × {logo.Height} pixels, {Math.Max(1, logo.SizeBytes / 1024)} KB";
    }
}
