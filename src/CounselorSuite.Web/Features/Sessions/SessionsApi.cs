using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

public sealed record BookSessionRequest(
    DateTimeOffset? StartsAt, int? DurationMinutes, DateTimeOffset? EndsAt, string? Location, string? VideoLink,
    List<Guid>? ClientIds, bool? AllowConflict)
{
    public SessionRequest ToCommand() => new(StartsAt, DurationMinutes, EndsAt, Location, VideoLink, ClientIds, AllowConflict ?? false);
}

/// <summary>A client's view of a session: when and where, nothing about notes or the other attendees.</summary>
public sealed record MySessionResponse(Guid Id, Guid CaseId, DateTimeOffset StartsAt, int DurationMinutes, DateTimeOffset EndsAt,
    string Status, string? Location, string? VideoLink);

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{caseId:guid}/sessions").WithTags("Sessions").RequireAuthorization(ApiAuth.Staff);
        cases.MapGet("/", ListForCase).WithName("ListCaseSessions");
        cases.MapPost("/", Book).WithName("BookSession");

        var sessions = app.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ApiAuth.Staff);
        sessions.MapGet("/{id:guid}", Get).WithName("GetSession");
        sessions.MapPut("/{id:guid}", Reschedule).WithName("RescheduleSession");
        sessions.MapPatch("/{id:guid}", ChangeStatus).WithName("ChangeSessionStatus");

        app.MapGet("/api/me/sessions", Mine).WithTags("Sessions").WithName("MySessions").RequireAuthorization(ApiAuth.Client);
        return app;
    }

    private static async Task<Results<Ok<Page<SessionResponse>>, NotFound>> ListForCase(
        Guid caseId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        HttpContext http, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var clients = await db.Cases.AsNoTracking().ManagedBy(http.User).Where(c => c.Id == caseId)
            .Select(c => c.Clients.Select(x => x.ClientId).ToList()).FirstOrDefaultAsync(ct);
        if (clients is null)
        {
            return TypedResults.NotFound();
        }
        var (skip, take) = Paging.Normalize(page, pageSize);
        var query = db.Sessions.AsNoTracking().Where(s => s.CaseId == caseId);
        if (from is { } f)
        {
            query = query.Where(s => s.StartsAt >= f);
        }
        if (to is { } t)
        {
            query = query.Where(s => s.StartsAt < t);
        }
        var total = await query.CountAsync(ct);
        var items = await query.Include(s => s.Attendees).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Skip(skip).Take(take).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry(AuditActions.SessionsListed, "Case", caseId, clients), ct);
        return TypedResults.Ok(new Page<SessionResponse>(items.Select(s => SessionService.ToResponse(s)).ToList(), total));
    }

    private static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Book(
        Guid caseId, BookSessionRequest request, HttpContext http, SessionService sessions, CancellationToken ct)
    {
        var outcome = await sessions.BookAsync(http.User, caseId, request.ToCommand(), ct);
        return outcome switch
        {
            SessionOutcome.Done done => TypedResults.Created($"/api/sessions/{done.Session.Id}", done.Session),
            _ => Failure<Created<SessionResponse>>(outcome),
        };
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound>> Get(
        Guid id, HttpContext http, SessionService sessions, IAuditLog audit, CancellationToken ct)
    {
        var session = await sessions.Managed(http.User).AsNoTracking().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.SessionRead, "Session", id, session.Attendees.Select(a => a.ClientId).ToList()), ct);
        return TypedResults.Ok(SessionService.ToResponse(session));
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Reschedule(
        Guid id, BookSessionRequest request, HttpContext http, SessionService sessions, CancellationToken ct)
    {
        var outcome = await sessions.RescheduleAsync(http.User, id, request.ToCommand(), ct);
        return outcome is SessionOutcome.Done done ? TypedResults.Ok(done.Session) : Failure<Ok<SessionResponse>>(outcome);
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeStatus(
        Guid id, StatusChange request, HttpContext http, SessionService sessions, CancellationToken ct)
    {
        var outcome = await sessions.ChangeStatusAsync(http.User, id, request, ct);
        return outcome is SessionOutcome.Done done ? TypedResults.Ok(done.Session) : Failure<Ok<SessionResponse>>(outcome);
    }

    private static async Task<Ok<Page<MySessionResponse>>> Mine(
        int? page, int? pageSize, HttpContext http, AppDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (items, total) = await MySessionsAsync(db, http.User.UserId(), clock.GetUtcNow(), page, pageSize, ct);
        await audit.WriteAsync(new AuditEntry(AuditActions.SessionsListed, "User", http.User.UserId(), [http.User.UserId()]), ct);
        return TypedResults.Ok(new Page<MySessionResponse>(items, total));
    }

    /// <summary>A client's sessions that have not ended yet, cancelled ones included so they know.</summary>
    public static async Task<(List<MySessionResponse> Items, int Total)> MySessionsAsync(
        AppDbContext db, Guid clientId, DateTimeOffset now, int? page, int? pageSize, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(page, pageSize);
        // Sessions last at most 12 hours: anything starting earlier than that has ended.
        var earliest = now.AddMinutes(-SessionRules.MaxDurationMinutes);
        var query = db.Sessions.AsNoTracking()
            .Where(s => s.Attendees.Any(a => a.ClientId == clientId)
                && (s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Cancelled)
                && s.StartsAt >= earliest
                && db.CaseClients.Any(cc => cc.CaseId == s.CaseId && cc.ClientId == clientId));
        var rows = await query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.CaseId, s.StartsAt, s.DurationMinutes, s.Status, s.Location, s.VideoLink })
            .ToListAsync(ct);
        var upcoming = rows.Where(s => s.StartsAt.AddMinutes(s.DurationMinutes) > now)
            .Select(s => new MySessionResponse(s.Id, s.CaseId, s.StartsAt.ToUniversalTime(), s.DurationMinutes,
                s.StartsAt.AddMinutes(s.DurationMinutes).ToUniversalTime(), s.Status.ToString(), s.Location, s.VideoLink))
            .ToList();
        return (upcoming.Skip(skip).Take(take).ToList(), upcoming.Count);
    }

    internal static Results<TSuccess, ValidationProblem, ProblemHttpResult, NotFound> Failure<TSuccess>(SessionOutcome outcome)
        where TSuccess : IResult => outcome switch
        {
            SessionOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            SessionOutcome.Conflicts conflicts => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A counselor of this case already has a session at that time.",
                detail: "Send the same request with allowConflict: true to book it anyway.",
                extensions: new Dictionary<string, object?> { ["conflicts"] = conflicts.With }),
            SessionOutcome.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Reason),
            _ => TypedResults.NotFound(),
        };
}
