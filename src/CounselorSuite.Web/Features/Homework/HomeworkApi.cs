using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Outcomes;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Homework over the API. Ids: POST /api/assignments answers the assignment's id; GET /api/me/assignments
/// lists the caller's items by their occurrence ids. /api/assignments/{id}/... takes either: a client given
/// an assignment id works on their current item of it, staff given an occurrence id act on that item.
/// </summary>
public static class HomeworkApi
{
    public static IEndpointRouteBuilder MapHomeworkApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api").WithTags("Homework").RequireAuthorization(ApiAuth.Staff);
        staff.MapPost("/assignments", Assign).WithName("Assign")
            .WithSummary("Assigns the current version of an exercise to a case (all its clients, or clientIds), once or recurring");
        staff.MapGet("/cases/{caseId:guid}/assignments", ListForCase).WithName("ListCaseAssignments")
            .WithSummary("A case's assignments with every client's items, their states and adherence (no answers)");
        staff.MapPost("/assignments/{id:guid}/review", Review).WithName("ReviewSubmission")
            .WithSummary("Feedback on a submission: an item id, or an assignment id with clientId (their latest submission)");
        staff.MapPost("/assignments/{id:guid}/due-date", ChangeDue).WithName("ChangeDueDate")
            .WithSummary("A new due date for one item (item id) or for the assignment's open items (assignment id; later ones move along)");
        staff.MapPost("/assignments/{id:guid}/pause", (Guid id, HttpContext http, CounselorActions s, CancellationToken ct) =>
            ChangeStatus(id, CounselorActions.StatusChange.Pause, http, s, ct)).WithName("PauseAssignment")
            .WithSummary("Stops reminders and new items opening until resumed");
        staff.MapPost("/assignments/{id:guid}/resume", (Guid id, HttpContext http, CounselorActions s, CancellationToken ct) =>
            ChangeStatus(id, CounselorActions.StatusChange.Resume, http, s, ct)).WithName("ResumeAssignment")
            .WithSummary("Resumes; open items' dates move on by the time paused");
        staff.MapPost("/assignments/{id:guid}/cancel", (Guid id, HttpContext http, CounselorActions s, CancellationToken ct) =>
            ChangeStatus(id, CounselorActions.StatusChange.Cancel, http, s, ct)).WithName("CancelAssignment")
            .WithSummary("Cancels: open items leave the clients' lists; what was submitted stays");
        staff.MapGet("/safety-alerts", ListAlerts).WithName("ListSafetyAlerts")
            .WithSummary("Safety alerts of the caller's cases, ?status=Open or Resolved, newest first (ids only, never answers)");
        staff.MapPost("/safety-alerts/{id:guid}/resolve", ResolveAlert).WithName("ResolveSafetyAlert")
            .WithSummary("Resolves an alert with a note on what was done");

        var client = app.MapGroup("/api").WithTags("Homework").RequireAuthorization(ApiAuth.Client);
        client.MapGet("/me/assignments", Mine).WithName("MyAssignments")
            .WithSummary("The caller's items: open (soonest due first), overdue, then done; id is the item (occurrence) id");
        client.MapPut("/assignments/{id:guid}/draft", SaveDraft).WithName("SaveDraft")
            .WithSummary("Saves answers without submitting; send the draft version you loaded as version to avoid overwriting another device's save (409)");
        client.MapPost("/assignments/{id:guid}/submit", Submit).WithName("Submit")
            .WithSummary("Submits answers once. Idempotency-Key: the same key and body give the same answer; a used key with another body gives 422")
            .WithDescription("A repeat of the same answers without a key also gives the first answer. Other answers for a submitted item give 409, " +
                "as do a cancelled item, a joint exercise not yet agreed by everyone, and an exerciseVersion that is not the pinned one.");
        client.MapPost("/assignments/{id:guid}/share", (Guid id, HttpContext http, HomeworkSharing s, CancellationToken ct) =>
            Share(id, true, http, s, ct)).WithName("ShareSubmission").WithSummary("Shows the caller's submission to the other clients of the case");
        client.MapPost("/assignments/{id:guid}/unshare", (Guid id, HttpContext http, HomeworkSharing s, CancellationToken ct) =>
            Share(id, false, http, s, ct)).WithName("UnshareSubmission").WithSummary("Withdraws the share");
        client.MapPost("/assignments/{id:guid}/joint-consent", Consent).WithName("JointConsent")
            .WithSummary("{decision: Agree or Decline} to a joint exercise; private: the partner only sees that it is not available yet");

        app.MapGet("/api/assignments/{id:guid}", Get).WithTags("Homework").WithName("GetAssignment").RequireAuthorization(ApiAuth.Policy)
            .WithSummary("The assignment with its pinned exercise version and the answers the caller may see");
        return app;
    }

    private static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Assign(
        AssignRequest request, HttpContext http, HomeworkAssigning assigning, CancellationToken ct)
    {
        var outcome = await assigning.AssignAsync(http.User, request, ct);
        return outcome.Failure is null
            ? TypedResults.Created($"/api/assignments/{outcome.Value!.Id}", outcome.Value)
            : outcome.ToApi() switch
            {
                { Result: ValidationProblem v } => v,
                { Result: ProblemHttpResult p } => p,
                _ => TypedResults.NotFound(),
            };
    }

    private static async Task<Results<Ok<Page<AssignmentResponse>>, NotFound>> ListForCase(
        Guid caseId, int? page, int? pageSize, HttpContext http, AppDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var clients = await db.Cases.AsNoTracking().ManagedBy(http.User).Where(c => c.Id == caseId)
            .Select(c => c.Clients.Select(x => x.ClientId).ToList()).FirstOrDefaultAsync(ct);
        if (clients is null)
        {
            return TypedResults.NotFound();
        }
        var (skip, take) = Paging.Normalize(page, pageSize);
        var result = await HomeworkQueries.CaseAssignmentsAsync(db, caseId, clock.GetUtcNow(), skip, take, ct);
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentsListed, "Case", caseId, clients), ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<Page<MyAssignmentItem>>> Mine(
        int? page, int? pageSize, HttpContext http, AppDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var me = http.User.UserId();
        var (skip, take) = Paging.Normalize(page, pageSize);
        var mine = await HomeworkQueries.MyAssignmentsAsync(db, me, clock.GetUtcNow(), skip, take, ct);
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentsListed, "User", me, [me]), ct);
        return TypedResults.Ok(new Page<MyAssignmentItem>(mine.Items, mine.Total));
    }

    private static async Task<Results<Ok<AssignmentDetail>, ProblemHttpResult, NotFound>> Get(
        Guid id, HttpContext http, AppDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = http.User.UserId();
        var target = await HomeworkAccess.ResolveAsync(db, http.User, id, now, ct);
        AssignmentDetail? detail;
        switch (target?.Role)
        {
            case HomeworkRole.Admin:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: "Answers are read by the case's counselors; the case's assignment list shows their states.");
            case null when http.User.IsClient():
                // Not theirs: a partner's item is readable only while its writer shares it.
                detail = await HomeworkQueries.SharedDetailAsync(db, id, me, now, ct);
                break;
            case null:
                detail = null;
                break;
            default:
                detail = await HomeworkQueries.DetailAsync(db, target, me, now, ct);
                break;
        }
        if (detail is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentRead, "Assignment", detail.AssignmentId,
            detail.Answers.Select(a => a.ClientId).Append(detail.Occurrence?.ClientId ?? Guid.Empty).Where(c => c != Guid.Empty).Distinct().ToList()), ct);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, ProblemHttpResult, NotFound>> SaveDraft(
        Guid id, DraftRequest request, HttpContext http, ClientWork work, CancellationToken ct) =>
        (await work.SaveDraftAsync(http.User, id, request, ct)).ToApi();

    private static async Task<Results<Ok<SubmitResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Submit(
        Guid id, SubmitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, ClientWork work, CancellationToken ct) =>
        (await work.SubmitAsync(http.User, id, request, idempotencyKey, ct)).ToApi();

    private static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Review(
        Guid id, ReviewRequest request, HttpContext http, CounselorActions actions, CancellationToken ct) =>
        (await actions.ReviewAsync(http.User, id, request, ct)).ToApi();

    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeDue(
        Guid id, DueDateRequest request, HttpContext http, CounselorActions actions, CancellationToken ct) =>
        (await actions.ChangeDueAsync(http.User, id, request, ct)).ToApi();

    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeStatus(
        Guid id, CounselorActions.StatusChange change, HttpContext http, CounselorActions actions, CancellationToken ct) =>
        (await actions.ChangeStatusAsync(http.User, id, change, ct)).ToApi();

    private static async Task<Results<Ok<ShareResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Share(
        Guid id, bool share, HttpContext http, HomeworkSharing sharing, CancellationToken ct) =>
        (await sharing.SetSharedAsync(http.User, id, share, ct)).ToApi();

    private static async Task<Results<Ok<ConsentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Consent(
        Guid id, ConsentRequest request, HttpContext http, HomeworkSharing sharing, CancellationToken ct) =>
        (await sharing.DecideJointAsync(http.User, id, request, ct)).ToApi();

    private static async Task<Results<Ok<Page<SafetyAlertResponse>>, ValidationProblem>> ListAlerts(
        string? status, Guid? caseId, int? page, int? pageSize, HttpContext http, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        SafetyAlertStatus? wanted = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<SafetyAlertStatus>(status, out var s))
            {
                return new FieldErrors().Add("status", "Status must be Open or Resolved.").ToProblem();
            }
            wanted = s;
        }
        var (skip, take) = Paging.Normalize(page, pageSize);
        var (items, total) = await AlertsAsync(db, http.User, wanted, caseId, skip, take, ct);
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.SafetyAlertsListed, "SafetyAlert", null, items.Select(a => a.ClientId).Distinct().ToList()), ct);
        return TypedResults.Ok(new Page<SafetyAlertResponse>(items, total));
    }

    /// <summary>Alerts of the cases the user manages (a counselor's own, an admin's all).</summary>
    public static async Task<(List<SafetyAlertResponse> Items, int Total)> AlertsAsync(
        AppDbContext db, System.Security.Claims.ClaimsPrincipal user, SafetyAlertStatus? status, Guid? caseId, int skip, int take, CancellationToken ct)
    {
        var cases = db.Cases.ManagedBy(user).Select(c => c.Id);
        var query = db.SafetyAlerts.AsNoTracking().Where(a => cases.Contains(a.CaseId));
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (caseId is { } c)
        {
            query = query.Where(a => a.CaseId == c);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(HomeworkQueries.ToResponse).ToList(), total);
    }

    private static async Task<Results<Ok<SafetyAlertResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ResolveAlert(
        Guid id, ResolveAlertRequest request, HttpContext http, SafetyAlertCommands alerts, CancellationToken ct) =>
        (await alerts.ResolveAsync(http.User, id, request, ct)).ToApi();
}
