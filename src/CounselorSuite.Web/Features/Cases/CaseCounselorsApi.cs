using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Cases;

public sealed record AddCounselorRequest(Guid? CounselorId);

/// <summary>
/// An admin adds a counselor to a case or takes them off it: a permission change (the counselor gains or
/// loses the case's sessions and notes), so each one is audited.
/// </summary>
public static class CaseCounselorsApi
{
    public static IEndpointRouteBuilder MapCaseCounselorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/counselors").WithTags("Cases").RequireAuthorization(ApiAuth.Admin);
        group.MapPost("/", Add).WithName("AddCaseCounselor");
        group.MapDelete("/{counselorId:guid}", Remove).WithName("RemoveCaseCounselor");
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> Add(
        Guid caseId, AddCounselorRequest request, AppDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (request.CounselorId is not { } counselorId)
        {
            return new Infrastructure.Web.FieldErrors().Add("counselorId", "counselorId is required.").ToProblem();
        }
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return TypedResults.NotFound();
        }
        if (!await db.UserRoles.AnyAsync(r => r.UserId == counselorId && (r.RoleId == Roles.CounselorId || r.RoleId == Roles.PracticeAdminId), ct))
        {
            return new Infrastructure.Web.FieldErrors().Add("counselorId", "No counselor of this practice has that id.").ToProblem();
        }
        if (!await db.CaseCounselors.AnyAsync(c => c.CaseId == caseId && c.CounselorId == counselorId, ct))
        {
            db.CaseCounselors.Add(new CaseCounselor { PracticeId = db.CurrentPracticeId, CaseId = caseId, CounselorId = counselorId, AddedAt = clock.GetUtcNow() });
            var clients = await db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).ToListAsync(ct);
            audit.Add(new AuditEntry(AuditActions.CounselorAddedToCase, "Case", caseId, clients) { Detail = $"counselor {counselorId}" });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, NotFound>> Remove(
        Guid caseId, Guid counselorId, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var link = await db.CaseCounselors.FirstOrDefaultAsync(c => c.CaseId == caseId && c.CounselorId == counselorId, ct);
        if (link is null)
        {
            return TypedResults.NotFound();
        }
        if (!await db.CaseCounselors.AnyAsync(c => c.CaseId == caseId && c.CounselorId != counselorId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A case keeps at least one counselor.");
        }
        db.CaseCounselors.Remove(link);
        var clients = await db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).ToListAsync(ct);
        audit.Add(new AuditEntry(AuditActions.CounselorRemovedFromCase, "Case", caseId, clients) { Detail = $"counselor {counselorId}" });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
