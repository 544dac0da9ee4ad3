using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiAuth.Admin);
        group.MapGet("/", Search).WithName("SearchAudit");
        group.MapGet("/csv", Csv).WithName("ExportAuditCsv").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<Ok<Page<AuditRecordResponse>>, ValidationProblem>> Search(
        Guid? userId, Guid? clientId, string? action, string? entityType, Guid? entityId, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var filter = new AuditFilter(userId, clientId, action, entityType, entityId, from, to);
        var errors = filter.Validate();
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        // Reading the trail is itself recorded: who looked at whose activity.
        await audit.WriteAsync(new AuditEntry(AuditActions.AuditSearched, "AuditTrail", null, clientId is { } c ? [c] : null) { Detail = filter.Describe() }, ct);
        return TypedResults.Ok(await AuditSearch.SearchAsync(db, filter, page, pageSize, ct));
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> Csv(
        Guid? userId, Guid? clientId, string? action, string? entityType, Guid? entityId, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext http, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var filter = new AuditFilter(userId, clientId, action, entityType, entityId, from, to);
        var errors = filter.Validate();
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.AuditExported, "AuditTrail", null, clientId is { } c ? [c] : null) { Detail = filter.Describe() }, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-trail.csv\"";
        await AuditSearch.WriteCsvAsync(db, filter, http.Response.Body, ct);
        return TypedResults.Empty;
    }
}
