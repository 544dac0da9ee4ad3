using System.Globalization;
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

    /// <summary>A session's day as people write it ("Tue 8 Dec"); handouts carry a date, not a time, so no zone applies.</summary>
    public static string DateOf(DateOnly day, bool withYear = true) =>
        day.ToString(withYear ? "ddd d MMM yyyy" : "ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>The state in words, and what it means for the client, never the job's status name.</summary>
    public static (string State, string Detail) StateOf(HandoutResponse h) => h.Status switch
    {
        "Ready" => ("Ready", ""),
        "Failed" => ("Not ready yet", "Something went wrong while it was being made. Your counselor can see this and will make it again."),
        _ when h.RenderAfter is not null => ($"Being prepared for your session on {DateOf(h.SessionDate, withYear: false)}",
            "It will be ready the day before the session."),
        _ => ($"Being prepared for your session on {DateOf(h.SessionDate, withYear: false)}", "It is usually ready within a minute or two."),
    };

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
