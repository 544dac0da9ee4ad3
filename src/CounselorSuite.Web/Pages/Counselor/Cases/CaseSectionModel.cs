using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CaseFile;
using CounselorSuite.Web.Features.CounselorHome;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

public enum CaseSection { Overview, Homework, Progress, Sessions, Handouts, Settings }

/// <summary>The case page's sections: each its own page and address, reached from the tabs under the header.</summary>
public static class CaseSections
{
    /// <summary>The temp-data key of the message an action leaves for the section it lands in.</summary>
    public const string StatusKey = "CaseStatus";

    /// <summary>The id of that message on the page: redirects aim at it so it is in view.</summary>
    public const string StatusId = "case-status";

    public static readonly IReadOnlyList<CaseSection> All = Enum.GetValues<CaseSection>();

    public static string PageOf(CaseSection section) => "/Counselor/Cases/" + section;

    public static string Label(CaseSection section) => section switch
    {
        CaseSection.Sessions => "Sessions & notes",
        _ => section.ToString(),
    };
}

/// <summary>
/// A section of the case page: the header every section shows (one statement), the section's own data, and
/// the status message an action left for it. A case the reader does not manage is a 404 on every section.
/// </summary>
public abstract class CaseSectionModel : PageModel
{
    public CaseHeader Header { get; private set; } = null!;

    public abstract CaseSection Section { get; }

    /// <summary>What the last action did, shown once under the tabs (post-redirect-get).</summary>
    [TempData(Key = CaseSections.StatusKey)]
    public string? Status { get; set; }

    /// <summary>
    /// Reads the header, the menu's alert count and what the section adds to the same batch: one round trip.
    /// False when the reader does not manage the case (the section answers 404, and what it read is dropped).
    /// </summary>
    protected async Task<bool> LoadHeaderAsync(AppDbContext db, TimeProvider clock, Guid id, CancellationToken ct, Action<QueryBatch>? section = null)
    {
        var batch = new QueryBatch(db);
        var header = CaseHeader.AddTo(batch, db, User, id, clock.GetUtcNow());
        HttpContext.RequestServices.GetRequiredService<OpenAlertCount>().AddTo(batch, User);
        section?.Invoke(batch);
        await batch.SendAsync(ct);
        if (header.Value is not { } found)
        {
            return false;
        }
        Header = found;
        return true;
    }

    /// <summary>
    /// A post naming no handler of this section (an old form, a typo) would otherwise render the page without
    /// its data: not found instead.
    /// </summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }
        return base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>After an action: back to this section with what happened, scrolled to the message.</summary>
    protected RedirectToPageResult Done(Guid id, string status, CaseSection? section = null)
    {
        Status = status;
        return RedirectToPage(CaseSections.PageOf(section ?? Section), null, new { id }, CaseSections.StatusId);
    }
}
