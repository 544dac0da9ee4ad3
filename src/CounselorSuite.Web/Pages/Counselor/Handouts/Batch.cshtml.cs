using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Handouts;

/// <summary>The state of a request's handouts, one per client, with downloads and Retry; refreshed live.</summary>
public sealed class BatchModel(AppDbContext db, HandoutService handouts) : PageModel
{
    public BatchResponse Batch { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();
    public Guid CaseId { get; private set; }
    public string? Password { get; private set; }
    public string? Message { get; private set; }
    public Guid? SessionId { get; private set; }
    public DateTimeOffset? SessionStartsAt { get; private set; }

    /// <summary>Nothing left to watch: each handout is Ready, Failed, or waiting for the night before its session.</summary>
    public bool Settled { get; private set; }

    /// <summary>A handout's state in the counselor's words (the session page uses it too).</summary>
    public static string StateText(HandoutResponse h) => h.Status switch
    {
        "Queued" when h.RenderAfter is not null => "Made the night before the session",
        "Queued" => "Waiting",
        "Running" => "Being made",
        "Ready" => "Ready",
        _ => "Failed",
    };

    public static bool IsSettled(IEnumerable<HandoutResponse> items) =>
        items.All(h => h.Status is "Ready" or "Failed" || h.RenderAfter is not null);

    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken ct)
    {
        var items = await handouts.BatchAsync(User, batchId, ct);
        if (items.Count == 0)
        {
            return NotFound();
        }
        Batch = BatchResponse.From(batchId, items);
        CaseId = items[0].CaseId;
        Settled = IsSettled(items);
        SessionId = items[0].SessionId;
        if (SessionId is { } sessionId)
        {
            SessionStartsAt = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefaultAsync(ct);
        }
        var ids = items.Select(h => h.ClientId).ToList();
        ClientNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Password = TempData[NewModel.PasswordKey] as string;
        Message = TempData["HandoutMessage"] as string;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>For the page's poller: the states only, nothing a glance at the network panel would reveal beyond them.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid batchId, CancellationToken ct)
    {
        var items = await handouts.BatchAsync(User, batchId, ct);
        if (items.Count == 0)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var batch = BatchResponse.From(batchId, items);
        // "finished" for the poller: a handout waiting for the nightly job will not change while the page is open.
        return new JsonResult(new { batch.Ready, batch.Total, Finished = IsSettled(items), Handouts = items.Select(h => new { h.Id, h.Status }) });
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid batchId, Guid id, CancellationToken ct)
    {
        var (handout, pdf) = await handouts.DownloadAsync(User, id, ct);
        if (handout is null || handout.BatchId != batchId)
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

    public async Task<IActionResult> OnPostRetryAsync(Guid batchId, Guid id, CancellationToken ct)
    {
        var outcome = await handouts.RetryAsync(User, id, ct);
        if (outcome == RetryOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["HandoutMessage"] = outcome == RetryOutcome.Queued ? "Trying again." : "That handout is not failed; nothing to retry.";
        return RedirectToPage("/Counselor/Handouts/Batch", new { batchId });
    }
}
