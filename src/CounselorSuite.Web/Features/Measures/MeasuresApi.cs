using System.Text;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Measures;

public sealed record MeasureDetailResponse(string Key, int Version, bool BuiltIn, System.Text.Json.JsonElement Definition);

public static class MeasuresApi
{
    public static IEndpointRouteBuilder MapMeasuresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/measures").WithTags("Measures");
        // Counselors list measures to assign them; only admins add to the practice's library.
        group.MapGet("/", List).WithName("ListMeasures").RequireAuthorization(ApiAuth.Staff);
        group.MapGet("/{key}", Get).WithName("GetMeasure").RequireAuthorization(ApiAuth.Staff);
        group.MapPost("/", Import).WithName("ImportMeasure").RequireAuthorization(ApiAuth.Admin)
            .Accepts<MeasureDocument>("application/json");
        return app;
    }

    private static async Task<Ok<Page<MeasureSummary>>> List(MeasureCatalog catalog, int? page, int? pageSize, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(page, pageSize);
        var all = await catalog.ListAsync(ct);
        return TypedResults.Ok(new Page<MeasureSummary>(all.Skip(skip).Take(take).ToList(), all.Count));
    }

    private static async Task<Results<Ok<MeasureDetailResponse>, NotFound>> Get(string key, int? version, MeasureCatalog catalog, CancellationToken ct)
    {
        var found = await catalog.FindAsync(key, version, ct);
        if (found is not { } measure)
        {
            return TypedResults.NotFound();
        }
        using var json = System.Text.Json.JsonDocument.Parse(measure.Json);
        return TypedResults.Ok(new MeasureDetailResponse(measure.Definition.Key, measure.Definition.Version, measure.BuiltIn, json.RootElement.Clone()));
    }

    /// <summary>
    /// The body is the definition file itself. It is read as text, not bound, so that every problem in
    /// it (including misspelt fields and wrong types) comes back in one 400 with where it is.
    /// </summary>
    private static async Task<Results<Created<MeasureSummary>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> Import(
        HttpContext http, MeasureCatalog catalog, CancellationToken ct)
    {
        var text = await ReadBodyAsync(http.Request, ct);
        if (text is null)
        {
            return new FieldErrors().Add("", $"The definition file must be at most {MeasureCatalog.MaxFileBytes / 1024} KB.").ToProblem();
        }
        var result = await catalog.ImportAsync(text, http.User.UserId(), ct);
        return result switch
        {
            MeasureImportResult.Imported imported => TypedResults.Created($"/api/measures/{imported.Measure.Key}?version={imported.Measure.Version}", imported.Measure),
            MeasureImportResult.Conflict conflict => TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "The measure already exists.", Detail = conflict.Message,
            }),
            MeasureImportResult.Invalid invalid => ToProblem(invalid.Problems),
            _ => throw new InvalidOperationException("Unknown import result."),
        };
    }

    internal static ValidationProblem ToProblem(IReadOnlyList<MeasureProblem> problems)
    {
        var errors = new FieldErrors();
        foreach (var problem in problems)
        {
            errors.Add(problem.Path, problem.Message);
        }
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The measure definition has problems; nothing was saved.");
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new char[MeasureCatalog.MaxFileBytes + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }
        return total > MeasureCatalog.MaxFileBytes ? null : new string(buffer, 0, total);
    }
}
