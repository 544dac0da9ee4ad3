using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>One request's handouts (one per client), as the case's list shows them.</summary>
public sealed record HandoutBatchRow(Guid BatchId, DateTimeOffset CreatedAt, DateOnly SessionDate, Guid? SessionId, int Ready, int Failed, int Total, bool Discreet);

/// <summary>The case's handouts: what was made, for which session, whether it is ready; and the way to make one.</summary>
public sealed class HandoutsModel(AppDbContext db, TimeProvider clock) : CaseSectionModel
{
    public const int Shown = 50;

    public override CaseSection Section => CaseSection.Handouts;

    public IReadOnlyList<HandoutBatchRow> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Grouped in the database: one row per batch, never the PDFs themselves; read with the header.
        Batched<List<HandoutBatchRow>> batched = null!;
        if (!await LoadHeaderAsync(db, clock, id, ct, batch => batched = batch.List(db.Handouts.AsNoTracking().Where(h => h.CaseId == id)
                // A batch is one request: its session, date and form are the same on each of its handouts.
                .GroupBy(h => new { h.BatchId, h.SessionDate, h.SessionId, h.Discreet })
                .Select(g => new
                {
                    g.Key.BatchId, g.Key.SessionDate, g.Key.SessionId, g.Key.Discreet, CreatedAt = g.Min(h => h.CreatedAt),
                    Ready = g.Count(h => h.Status == HandoutStatus.Ready), Failed = g.Count(h => h.Status == HandoutStatus.Failed), Total = g.Count(),
                })
                .OrderByDescending(b => b.CreatedAt)
                .Take(Shown)
                .Select(b => new HandoutBatchRow(b.BatchId, b.CreatedAt, b.SessionDate, b.SessionId, b.Ready, b.Failed, b.Total, b.Discreet)))))
        {
            return NotFound();
        }
        Batches = batched.Value;
        return Page();
    }
}
