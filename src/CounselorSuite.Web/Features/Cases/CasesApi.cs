using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Cases;

public sealed record CreateCaseRequest(string? Title, string? Kind, string? Confidentiality);
public sealed record CaseResponse(Guid Id, string Title, string Kind, string Confidentiality, IReadOnlyList<Guid> ClientIds, IReadOnlyList<Guid> CounselorIds, DateTimeOffset CreatedAt);

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(ApiAuth.Staff);
        group.MapGet("/", List).WithName("ListCases");
        group.MapPost("/", Create).WithName("CreateCase");
        group.MapGet("/{id:guid}", Get).WithName("GetCase");
        return app;
    }

    internal static IQueryable<CaseResponse> Project(IQueryable<Case> cases) => cases.Select(c => new CaseResponse(
        c.Id, c.Title, c.Kind.ToString(), c.Confidentiality.ToString(),
        c.Clients.OrderBy(x => x.AddedAt).Select(x => x.ClientId).ToList(),
        c.Counselors.OrderBy(x => x.AddedAt).Select(x => x.CounselorId).ToList(),
        c.CreatedAt));

    private static async Task<Ok<Page<CaseResponse>>> List(HttpContext http, AppDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(page, pageSize);
        var query = db.Cases.AsNoTracking().ManagedBy(http.User);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(skip).Take(take)).ToListAsync(ct);
        return TypedResults.Ok(new Page<CaseResponse>(items, total));
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var found = await Project(db.Cases.AsNoTracking().ManagedBy(http.User).Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(found);
    }

    private static async Task<Results<Created<CaseResponse>, ValidationProblem>> Create(
        CreateCaseRequest request, HttpContext http, CaseOpener opener, CancellationToken ct)
    {
        var errors = new FieldErrors().Require(request.Title, "title", 200, "Title");
        if (!EnumNames.TryParse<CaseKind>(request.Kind, out var kind))
        {
            errors.Add("kind", "Kind must be Individual, Couple or Family.");
        }
        var confidentiality = ConfidentialityAgreement.NotRecorded;
        if (request.Confidentiality is not null && !EnumNames.TryParse(request.Confidentiality, out confidentiality))
        {
            errors.Add("confidentiality", "Confidentiality must be NotRecorded, NoSecrets, LimitedSecrets or FullConfidentiality.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var created = await opener.OpenAsync(http.User, request.Title!.Trim(), kind, confidentiality, ct);
        var response = new CaseResponse(created.Id, created.Title, created.Kind.ToString(), created.Confidentiality.ToString(),
            [], created.Counselors.Select(c => c.CounselorId).ToList(), created.CreatedAt);
        return TypedResults.Created($"/api/cases/{created.Id}", response);
    }
}

/// <summary>Opens a case; the counselor who opens it is its first counselor.</summary>
public sealed class CaseOpener(AppDbContext db, TimeProvider clock)
{
    public async Task<Case> OpenAsync(System.Security.Claims.ClaimsPrincipal user, string title, CaseKind kind,
        ConfidentialityAgreement confidentiality, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var practiceId = db.CurrentPracticeId;
        var created = new Case
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), Title = title, Kind = kind,
            Confidentiality = confidentiality, CreatedAt = now,
        };
        created.Counselors.Add(new CaseCounselor { PracticeId = practiceId, CaseId = created.Id, CounselorId = user.UserId(), AddedAt = now });
        db.Cases.Add(created);
        await db.SaveChangesAsync(ct);
        return created;
    }
}
