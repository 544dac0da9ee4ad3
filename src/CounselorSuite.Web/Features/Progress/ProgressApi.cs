using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// A client's progress over the API, for their counselor and for the client themself; for anyone else
/// (a partner included) the client does not exist: 404. The export is the same data as a file.
/// </summary>
public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients/{id:guid}").WithTags("Progress").RequireAuthorization(ApiAuth.Policy);
        group.MapGet("/progress", (Guid id, string? format, DateTimeOffset? from, DateTimeOffset? to, string? resolution, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                GetAsync(id, format, from, to, resolution, http, db, clock, ct))
            .WithName("ClientProgress")
            .WithSummary("Dimension series on 0-100 (every answer, or weekly means for series longer than 26 weeks), adherence, measure results with bands and reliable change, and partners")
            .WithDescription("?from=&to= limit the range. ?resolution=auto (default: every answer of a series spanning at most 26 weeks, weekly means of a longer one), "
                + "answer (every answer, with weekly means beside long series) or week (weekly means only); each dimension says its resolution. "
                + "?format=csv or json downloads the export, which always holds every answer. A partner's data appears only where that partner shared it; the counselor sees everything of their cases.");
        group.MapGet("/progress.csv", (Guid id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            GetAsync(id, "csv", from, to, null, http, db, clock, ct)).WithName("ClientProgressCsv").WithSummary("One row per answer: date, dimension, measure, raw value, normalised value");
        group.MapGet("/progress.json", (Guid id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            GetAsync(id, "json", from, to, null, http, db, clock, ct)).WithName("ClientProgressJson").WithSummary("The progress document with every answer, as a file");
        return app;
    }

    private static async Task<Results<Ok<ProgressResponse>, FileContentHttpResult, ValidationProblem, NotFound>> GetAsync(
        Guid id, string? format, DateTimeOffset? from, DateTimeOffset? to, string? resolution, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("from", "The start must not be after the end.");
        }
        if (format is not (null or "csv" or "json"))
        {
            errors.Add("format", "Format is csv or json.");
        }
        var chosen = SeriesResolution.Auto;
        if (resolution is not null && !EnumNames.TryParse(resolution, out chosen, ignoreCase: true))
        {
            errors.Add("resolution", "Resolution is auto, answer or week.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var batch = new QueryBatch(db);
        var readers = ProgressQueries.Readers(batch, db, http.User, id);
        await batch.SendAsync(ct);
        if (readers.Value is not { Access: { } access, Subjects: var subjects })
        {
            return TypedResults.NotFound();
        }
        // The export holds every answer; the document itself, by default, weekly means of long series.
        var everyAnswer = format is not null || chosen == SeriesResolution.Answer;
        var data = await ProgressQueries.LoadAsync(db, clock, subjects, access.CaseIds, from?.ToUniversalTime(), to?.ToUniversalTime(), ct,
            everyAnswer ? SeriesDetail.EveryAnswer : SeriesDetail.Auto);
        var now = clock.GetUtcNow();
        return format switch
        {
            "csv" => TypedResults.File(await ProgressReport.CsvAsync(data, id, ct), "text/csv; charset=utf-8", ProgressReport.FileName(now, "csv")),
            "json" => TypedResults.File(ProgressReport.Json(ProgressReport.Build(data, id, SeriesResolution.Answer)), "application/json", ProgressReport.FileName(now, "json")),
            _ => TypedResults.Ok(ProgressReport.Build(data, id, chosen)),
        };
    }
}
