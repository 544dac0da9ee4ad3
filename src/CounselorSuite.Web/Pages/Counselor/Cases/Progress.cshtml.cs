using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>The case's progress: each client's figures and, for a couple, both partners on one chart per dimension.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock) : CaseSectionModel
{
    public override CaseSection Section => CaseSection.Progress;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadHeaderAsync(db, clock, id, ct) ? Page() : NotFound();
}
