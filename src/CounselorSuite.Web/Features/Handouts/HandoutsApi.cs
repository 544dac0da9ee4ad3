using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Handouts;

public static class HandoutsApi
{
    public static IEndpointRouteBuilder MapHandoutsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handouts").WithTags("Handouts");
        group.MapPost("/", Create).WithName("CreateHandout").RequireAuthorization(ApiAuth.Staff);
        group.MapGet("/{id:guid}", Get).WithName("GetHandout").RequireAuthorization(ApiAuth.Policy);
        group.MapGet("/{id:guid}/pdf", Pdf).WithName("DownloadHandout").RequireAuthorization(ApiAuth.Policy)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        group.MapPost("/{id:guid}/retry", Retry).WithName("RetryHandout").RequireAuthorization(ApiAuth.Staff);
        group.MapGet("/batches/{batchId:guid}", Batch).WithName("GetHandoutBatch").RequireAuthorization(ApiAuth.Policy);
        return app;
    }

    private static async Task<Results<Accepted<HandoutCreatedResponse>, ValidationProblem, NotFound>> Create(
        CreateHandoutRequest request, HttpContext http, HandoutService handouts, CancellationToken ct)
    {
        var outcome = await handouts.CreateAsync(http.User, request, ct);
        if (outcome is CreateHandoutOutcome.Created created)
        {
            // A generated password is in this answer only: it must not be kept in any cache.
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Accepted($"/api/handouts/{created.Response.Id}", created.Response);
        }
        return outcome is CreateHandoutOutcome.Invalid invalid ? invalid.Errors.ToProblem() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<HandoutResponse>, NotFound>> Get(Guid id, HttpContext http, HandoutService handouts, CancellationToken ct) =>
        await handouts.FindAsync(http.User, id, ct) is { } handout ? TypedResults.Ok(handout) : TypedResults.NotFound();

    private static async Task<Results<Ok<BatchResponse>, NotFound>> Batch(Guid batchId, HttpContext http, HandoutService handouts, CancellationToken ct)
    {
        var items = await handouts.BatchAsync(http.User, batchId, ct);
        return items.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(BatchResponse.From(batchId, items));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> Pdf(
        Guid id, HttpContext http, HandoutService handouts, CancellationToken ct)
    {
        var (handout, pdf) = await handouts.DownloadAsync(http.User, id, ct);
        if (handout is null)
        {
            return TypedResults.NotFound();
        }
        if (pdf is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The handout is {handout.Status}, not ready yet.");
        }
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf.Bytes, "application/pdf", pdf.FileName);
    }

    private static async Task<Results<Accepted<HandoutResponse>, ProblemHttpResult, NotFound>> Retry(
        Guid id, HttpContext http, HandoutService handouts, CancellationToken ct)
    {
        var outcome = await handouts.RetryAsync(http.User, id, ct);
        return outcome switch
        {
            RetryOutcome.Queued => TypedResults.Accepted($"/api/handouts/{id}", await handouts.FindAsync(http.User, id, ct)),
            RetryOutcome.NotFailed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a failed handout can be retried."),
            _ => TypedResults.NotFound(),
        };
    }
}

/// <summary>A request's handouts, one per client, with how many are Ready.</summary>
public sealed record BatchResponse(Guid BatchId, int Ready, int Total, bool Finished, IReadOnlyList<HandoutResponse> Handouts)
{
    public static BatchResponse From(Guid batchId, IReadOnlyList<HandoutResponse> items) => new(
        batchId, items.Count(h => h.Status == "Ready"), items.Count, items.All(h => h.Status is "Ready" or "Failed"), items);
}
