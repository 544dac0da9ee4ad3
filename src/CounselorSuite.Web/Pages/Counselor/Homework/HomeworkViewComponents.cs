using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

public sealed record ExerciseChoice(Guid Id, string Title, bool Joint, bool SafetyScreening);

public sealed record CaseHomeworkView(
    Guid CaseId, CaseKind Kind, bool MayAssign, IReadOnlyList<(Guid Id, string Name)> Clients, IReadOnlyList<ExerciseChoice> Exercises,
    Page<HomeworkQueries.AssignmentSummary> Assignments, int Page, int Pages, IReadOnlyDictionary<Guid, AdherenceResponse> Adherence)
{
    public string NameOf(Guid clientId) => Clients.FirstOrDefault(c => c.Id == clientId).Name ?? "Former client";

    public Pager Pager => new(Page, Pages, page => $"/counselor/cases/{CaseId}?{CaseHomeworkViewComponent.PageParameter}={page}#homework",
        "Pages of assignments", "Newer assignments", "Older assignments", "assignment-pages");
}

/// <summary>
/// The homework section of a case page: the assign form, the assignments a page at a time with each client's
/// latest items (the assignment's own page has them all), and adherence per client. The case page has already
/// checked that the user manages the case.
/// </summary>
public sealed class CaseHomeworkViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public const int AssignmentsPerPage = 20;

    /// <summary>The case page's query parameter for this section's page (the page has others of its own).</summary>
    public const string PageParameter = "assignments";

    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var kind = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Kind).FirstAsync(ct);
        var role = await HomeworkAccess.RoleInCaseAsync(db, UserClaimsPrincipal, caseId, ct);
        var clients = (await db.CaseClients.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.AddedAt)
                .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(x => (x.Id, x.DisplayName)).ToList();
        var exercises = role == HomeworkRole.Counselor
            ? await (from e in db.Exercises.AsNoTracking()
                     where !e.IsArchived
                     join v in db.ExerciseVersions.AsNoTracking() on new { E = e.Id, V = e.CurrentVersion } equals new { E = v.ExerciseId, V = v.Version }
                     orderby v.Title
                     select new ExerciseChoice(e.Id, v.Title, v.Joint, v.SafetyScreening)).ToListAsync(ct)
            : [];
        // Clamped so that a page number typed into the address cannot overflow the offset.
        var page = int.TryParse(Request.Query[PageParameter], out var asked) ? Math.Clamp(asked, 1, int.MaxValue / AssignmentsPerPage) : 1;
        var assignments = await HomeworkQueries.CaseSummariesAsync(db, caseId, now, (page - 1) * AssignmentsPerPage, AssignmentsPerPage, ct);
        var pages = Pager.PagesFor(assignments.Total, AssignmentsPerPage);
        if (page > pages)
        {
            // Past the end (an old link, assignments since cancelled): the last page instead of an empty one.
            page = pages;
            assignments = await HomeworkQueries.CaseSummariesAsync(db, caseId, now, (page - 1) * AssignmentsPerPage, AssignmentsPerPage, ct);
        }
        var adherence = await HomeworkQueries.CaseAdherenceAsync(db, caseId, now, ct);
        return View(new CaseHomeworkView(caseId, kind, role == HomeworkRole.Counselor, clients, exercises, assignments, page, pages, adherence));
    }
}

/// <summary>Open safety alerts of the user's cases, each with its resolve form: the alerts page's first section.</summary>
public sealed class SafetyAlertsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (items, _) = await HomeworkApi.AlertsAsync(db, UserClaimsPrincipal, SafetyAlertStatus.Open, null, 0, 100, ct);
        var caseIds = items.Select(a => a.CaseId).Distinct().ToList();
        var clientIds = items.Select(a => a.ClientId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var names = await db.Users.AsNoTracking().Where(u => clientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return View(new SafetyAlertsView(items, cases, names, Features.CounselorHome.HomeTime.For(UserClaimsPrincipal, clock)));
    }
}

public sealed record SafetyAlertsView(IReadOnlyList<SafetyAlertResponse> Alerts, IReadOnlyDictionary<Guid, string> Cases, IReadOnlyDictionary<Guid, string> Names,
    Features.CounselorHome.HomeTime Time);
