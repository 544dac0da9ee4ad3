using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.DataRights;

public sealed record RecordsPolicy(bool? AdminsMayReadNotes, int? RetentionYears);

public static class DataRightsApi
{
    public static IEndpointRouteBuilder MapDataRightsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/clients/{clientId:guid}").WithTags("Data rights");
        clients.MapPost("/export", RequestExport).WithName("RequestClientExport").RequireAuthorization(ApiAuth.Policy);
        clients.MapGet("/erasure", Retention).WithName("GetClientRetention").RequireAuthorization(ApiAuth.Admin);
        clients.MapPost("/erasure", Erase).WithName("EraseClient").RequireAuthorization(ApiAuth.Admin);

        var exports = app.MapGroup("/api/exports").WithTags("Data rights").RequireAuthorization(ApiAuth.Policy);
        exports.MapGet("/{id:guid}", GetExport).WithName("GetClientExport");
        exports.MapGet("/{id:guid}/zip", Download).WithName("DownloadClientExport").Produces(StatusCodes.Status200OK, contentType: "application/zip");

        var policy = app.MapGroup("/api/practice/records-policy").WithTags("Data rights").RequireAuthorization(ApiAuth.Admin);
        policy.MapGet("/", GetPolicy).WithName("GetRecordsPolicy");
        policy.MapPut("/", SetPolicy).WithName("SetRecordsPolicy");
        return app;
    }

    private static async Task<Results<Accepted<ExportResponse>, ProblemHttpResult, NotFound>> RequestExport(
        Guid clientId, HttpContext http, ExportService exports, CancellationToken ct)
    {
        var outcome = await exports.RequestAsync(http.User, clientId, ct);
        return outcome switch
        {
            ExportRequestOutcome.Accepted accepted => TypedResults.Accepted($"/api/exports/{accepted.Export.Id}", accepted.Export),
            ExportRequestOutcome.Erased => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This client's data has been erased."),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ExportResponse>, NotFound>> GetExport(Guid id, HttpContext http, ExportService exports, IAuditLog audit, CancellationToken ct)
    {
        var export = await exports.FindAsync(http.User, id, ct);
        if (export is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.ExportRead, "ClientExport", id, [export.ClientId]), ct);
        return TypedResults.Ok(export);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> Download(
        Guid id, HttpContext http, ExportService exports, IAuditLog audit, CancellationToken ct)
    {
        var export = await exports.FindAsync(http.User, id, ct);
        if (export is null)
        {
            return TypedResults.NotFound();
        }
        if (export.Status != "Ready" || await exports.ReadZipAsync(id, ct) is not { } zip)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The export is {export.Status}, not ready yet.");
        }
        await audit.WriteAsync(new AuditEntry(AuditActions.ExportDownloaded, "ClientExport", id, [export.ClientId]), ct);
        http.Response.Headers.CacheControl = "private, no-store";
        // A neutral file name: the download folder may be seen by someone else.
        return TypedResults.File(zip, "application/zip", $"data-{export.ReadyAt:yyyy-MM-dd}.zip");
    }

    private static async Task<Results<Ok<RetentionResponse>, NotFound>> Retention(Guid clientId, ErasureService erasure, CancellationToken ct)
    {
        var retention = await erasure.RetentionAsync(clientId, ct);
        return retention is null ? TypedResults.NotFound() : TypedResults.Ok(retention);
    }

    private static async Task<Results<Ok<ErasureResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Erase(
        Guid clientId, ErasureRequest request, HttpContext http, ErasureService erasure, CancellationToken ct)
    {
        var outcome = await erasure.EraseAsync(http.User, clientId, request, ct);
        return outcome switch
        {
            ErasureOutcome.Erased erased => TypedResults.Ok(erased.Erasure),
            ErasureOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            ErasureOutcome.TooEarly early => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The retention period has not ended.",
                detail: "To erase earlier, send override: true with a reason.",
                extensions: new Dictionary<string, object?> { ["retentionEndsAt"] = early.RetentionEndsAt }),
            ErasureOutcome.AlreadyErased => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This client has already been erased."),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Ok<RecordsPolicy>> GetPolicy(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new RecordsPolicy(p.AdminsMayReadNotes, p.RetentionYears)).FirstAsync(ct));

    private static async Task<Results<Ok<RecordsPolicy>, ValidationProblem>> SetPolicy(
        RecordsPolicy request, AppDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.RetentionYears is { } years && years is < 1 or > 100)
        {
            errors.Add("retentionYears", "Retention must be between 1 and 100 years.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var practice = await db.Practices.FirstAsync(p => p.Id == db.CurrentPracticeId, ct);
        var changes = new List<string>();
        if (request.AdminsMayReadNotes is { } admins && admins != practice.AdminsMayReadNotes)
        {
            practice.AdminsMayReadNotes = admins;
            changes.Add($"adminsMayReadNotes={admins}");
        }
        if (request.RetentionYears is { } retention && retention != practice.RetentionYears)
        {
            practice.RetentionYears = retention;
            changes.Add($"retentionYears={retention}");
        }
        if (changes.Count > 0)
        {
            audit.Add(new AuditEntry(AuditActions.PracticeSettingsChanged, "Practice", practice.Id) { Detail = string.Join(";", changes) });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new RecordsPolicy(practice.AdminsMayReadNotes, practice.RetentionYears));
    }
}
