using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Portal;

/// <summary>The client's own handouts ("documents": a neutral word on a screen someone may see).</summary>
public sealed class HandoutsModel(HandoutService handouts) : PageModel
{
    public IReadOnlyList<HandoutResponse> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return Forbid();
        }
        Items = await handouts.ForClientAsync(User.UserId(), ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        var (handout, pdf) = await handouts.DownloadAsync(User, id, ct);
        if (handout is null)
        {
            return NotFound();
        }
        if (pdf is null)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.Bytes, "application/pdf", pdf.FileName);
    }
}
