using System.Globalization;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CaseFile;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using CounselorSuite.Web.Pages.Counselor.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Homework;

/// <param name="AfterSafetyScreening">The library's review says: only once the case's screening is done and no alert is open.</param>
public sealed record ExerciseChoice(Guid Id, string Title, bool Joint, bool SafetyScreening, bool AfterSafetyScreening = false, string? SuitabilityNote = null);

public sealed record CaseHomeworkView(
    Guid CaseId, CaseKind Kind, bool MayAssign, IReadOnlyList<(Guid Id, string Name)> Clients, IReadOnlyList<ExerciseChoice> Exercises,
    Page<HomeworkQueries.AssignmentSummary> Assignments, int Page, int Pages, IReadOnlyDictionary<Guid, AdherenceResponse> Adherence,
    Func<int, string> PageLink, AssignDraft? Draft, CaseScreening? Screening = null)
{
    public string NameOf(Guid clientId) => Clients.FirstOrDefault(c => c.Id == clientId).Name ?? "Former client";

    public Pager Pager => new(Page, Pages, PageLink, "Pages of assignments", "Newer assignments", "Older assignments", "assignment-pages");

    /// <summary>Whether the form offers <paramref name="clientId"/> ticked: everyone at first, as sent after a refusal.</summary>
    public bool Ticked(Guid clientId) => Draft is null || Draft.ClientIds.Contains(clientId);
}

/// <summary>
/// What the case's homework section reads, added to the section page's batch with the header (one round trip for
/// the header and the section): the assignments a page at a time with each client's latest items, screening and
/// adherence per client, and the exercises a counselor may assign.
/// </summary>
public sealed class CaseHomeworkRead
{
    public const int AssignmentsPerPage = 20;

    /// <summary>The section's query parameter for its page of assignments.</summary>
    public const string PageParameter = "assignments";

    private Batched<List<ExerciseChoice>> _exercises = null!;
    private Batched<HomeworkQueries.CaseClientsHomework> _clients = null!;
    private Batched<Page<HomeworkQueries.AssignmentSummary>?> _assignments = null!;

    public IReadOnlyList<ExerciseChoice> Exercises => _exercises.Value;
    public HomeworkQueries.CaseClientsHomework Clients => _clients.Value;
    public Page<HomeworkQueries.AssignmentSummary> Assignments { get; private set; } = null!;
    public int Page { get; private set; }

    /// <summary>The page of assignments asked for: clamped, so that a page number typed into the address cannot overflow the offset.</summary>
    public static int PageAsked(IQueryCollection query) =>
        int.TryParse(query[PageParameter], CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, int.MaxValue / AssignmentsPerPage) : 1;

    public static CaseHomeworkRead AddTo(QueryBatch batch, AppDbContext db, Guid caseId, int page, DateTimeOffset now) => new()
    {
        Page = page,
        // The exercises to assign and the screening are read for every reader: whether the reader counsels the case
        // comes in the same batch (the header), and an admin who does not is shown neither.
        _exercises = batch.List(
            from e in db.Exercises.AsNoTracking()
            where !e.IsArchived
            join v in db.ExerciseVersions.AsNoTracking() on new { E = e.Id, V = e.CurrentVersion } equals new { E = v.ExerciseId, V = v.Version }
            orderby v.Title
            select new ExerciseChoice(e.Id, v.Title, v.Joint, v.SafetyScreening, e.AfterSafetyScreening, e.SuitabilityNote)),
        _clients = HomeworkQueries.CaseClients(batch, db, caseId, now),
        _assignments = HomeworkQueries.CaseSummaries(batch, db, caseId, now, (page - 1) * AssignmentsPerPage, AssignmentsPerPage),
    };

    /// <summary>After the batch: past the end (an old link, assignments since cancelled), the last page instead of an empty one.</summary>
    public async Task<CaseHomeworkRead> CompleteAsync(AppDbContext db, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        if (_assignments.Value is { } found && Page <= Pager.PagesFor(found.Total, AssignmentsPerPage))
        {
            Assignments = found;
        }
        else
        {
            (Assignments, Page) = await HomeworkQueries.LastCaseSummariesAsync(db, caseId, now, AssignmentsPerPage, ct);
        }
        return this;
    }
}

/// <summary>
/// The case's homework section: the assign form, the assignments a page at a time with each client's latest
/// items (the assignment's own page has them all), and adherence per client. The section page has already
/// checked that the user manages the case and read its header and the section's data (<see cref="CaseHomeworkRead"/>),
/// so nothing is asked again.
/// </summary>
public sealed class CaseHomeworkViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CaseHeader header, CaseHomeworkRead homework, AssignDraft? draft)
    {
        var caseId = header.Id;
        var clients = header.Clients.Select(c => (c.Id, c.DisplayName)).ToList();
        var screening = header.ReaderIsCounselor ? new CaseScreening(homework.Clients.Unscreened, header.OpenAlerts > 0) : null;
        string PageLink(int number) => Url.Page(CaseSections.PageOf(CaseSection.Homework), new { id = caseId, assignments = number })!;
        return View(new CaseHomeworkView(caseId, header.Kind, header.ReaderIsCounselor, clients, header.ReaderIsCounselor ? homework.Exercises : [],
            homework.Assignments, homework.Page, Pager.PagesFor(homework.Assignments.Total, CaseHomeworkRead.AssignmentsPerPage),
            homework.Clients.Adherence, PageLink, draft, screening));
    }
}

/// <summary>Open safety alerts of the user's cases, each with its resolve form: the alerts page's first section.</summary>
public sealed class SafetyAlertsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (items, _) = await HomeworkApi.AlertsAsync(db, UserClaimsPrincipal, SafetyAlertStatus.Open, null, 0, 100, ct);
        var caseIds = items.Select(a => a.CaseId).Distinct().ToList();
        var clientIds = items.Select(a => a.ClientId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var names = await db.Users.AsNoTracking().Where(u => clientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return View(new SafetyAlertsView(items, cases, names, Features.CounselorHome.HomeTime.For(HttpContext)));
    }
}

public sealed record SafetyAlertsView(IReadOnlyList<SafetyAlertResponse> Alerts, IReadOnlyDictionary<Guid, string> Cases, IReadOnlyDictionary<Guid, string> Names,
    Features.CounselorHome.HomeTime Time);
