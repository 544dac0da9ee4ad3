using System.Globalization;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Features.Exercises;

public sealed record ArchiveResponse(Guid Id, bool Archived);
public sealed record VocabularyResponse(IReadOnlyList<VocabularyItem> Themes, IReadOnlyList<VocabularyItem> Dimensions);
public sealed record VocabularyItem(string Value, string Name, string Description, string? Group = null);

public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exercises").WithTags("Exercises").RequireAuthorization(ApiAuth.Staff)
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024));
        group.MapGet("/", List).WithName("ListExercises")
            .WithSummary("The library: built-in and the practice's own exercises")
            .WithDescription("Filters: category (a theme), dimension, suitability (Couple also finds exercises for either), q (full-text " +
                "search over title, summary and instructions), includeArchived, builtIn. Sorted by theme then title, or by relevance with q.");
        group.MapGet("/vocabulary", Vocabulary).WithName("ExerciseVocabulary").WithSummary("The themes and progress dimensions, with names and descriptions");
        group.MapGet("/{id:guid}", Get).WithName("GetExercise").WithSummary("The current version of an exercise, with its version history");
        group.MapGet("/{id:guid}/versions/{version:int}", GetVersion).WithName("GetExerciseVersion").WithSummary("One version of an exercise, as it was saved");
        group.MapPost("/", Create).WithName("CreateExercise").WithSummary("A new practice exercise (version 1)");
        group.MapPut("/{id:guid}", Update).WithName("UpdateExercise")
            .WithSummary("Saves a new version of a practice exercise")
            .WithDescription("Send the version you edited as `version` (or as If-Match: \"n\"). A stale version gives 409 and saves nothing; " +
                "content equal to the current version saves no new version. A counselor changes, archives and deletes only the " +
                "exercises they made (403 for a colleague's: copy it instead); an admin, every exercise of the practice.");
        group.MapPost("/{id:guid}/copy", Copy).WithName("CopyExercise").WithSummary("Copies an exercise (built-in or own) into a new practice exercise");
        group.MapPost("/{id:guid}/archive", Archive).WithName("ArchiveExercise").WithSummary("Hides an exercise from the library; assignments keep it");
        group.MapPost("/{id:guid}/restore", Restore).WithName("RestoreExercise").WithSummary("Brings an archived exercise back");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteExercise")
            .WithSummary("Deletes a practice exercise that was never assigned (409 for built-ins and assigned ones: archive those)");
        return app;
    }

    private static async Task<Results<Ok<Page<ExerciseListItem>>, ValidationProblem>> List(
        AppDbContext db, ExerciseLibrarySync sync, string? category, string? dimension, string? suitability, string? q,
        bool? includeArchived, bool? builtIn, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = ParseFilter(errors, category, dimension, suitability, q, includeArchived ?? false, builtIn);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        await sync.EnsureAsync(ct);
        var (skip, take) = Paging.Normalize(page, pageSize);
        return TypedResults.Ok(await ExerciseQueries.ListAsync(db, filter, skip, take, ct));
    }

    /// <summary>Reads the library's filters; shared by the API and the browse page.</summary>
    public static ExerciseFilter ParseFilter(FieldErrors errors, string? category, string? dimension, string? suitability, string? q,
        bool includeArchived, bool? builtIn)
    {
        ExerciseTheme? theme = null;
        if (!string.IsNullOrEmpty(category))
        {
            if (EnumNames.TryParse<ExerciseTheme>(category, out var t)) { theme = t; }
            else { errors.Add("category", $"Unknown theme. Use one of: {string.Join(", ", Enum.GetNames<ExerciseTheme>())}."); }
        }
        ProgressDimension? dim = null;
        if (!string.IsNullOrEmpty(dimension))
        {
            if (EnumNames.TryParse<ProgressDimension>(dimension, out var d)) { dim = d; }
            else { errors.Add("dimension", $"Unknown dimension. Use one of: {string.Join(", ", Enum.GetNames<ProgressDimension>())}."); }
        }
        ExerciseSuitability? suits = null;
        if (!string.IsNullOrEmpty(suitability))
        {
            if (EnumNames.TryParse<ExerciseSuitability>(suitability, out var s)) { suits = s; }
            else { errors.Add("suitability", "Suitability must be Individual, Couple or Either."); }
        }
        if (q is { Length: > 200 })
        {
            errors.Add("q", "A search must be at most 200 characters.");
        }
        return new ExerciseFilter(theme, dim, suits, q, includeArchived, builtIn);
    }

    private static Ok<VocabularyResponse> Vocabulary() => TypedResults.Ok(new VocabularyResponse(
        ExerciseVocabulary.Themes.Select(t => new VocabularyItem(t.Value.ToString(), t.Name, t.Description)).ToList(),
        ExerciseVocabulary.Dimensions.Select(d => new VocabularyItem(d.Value.ToString(), d.Name, d.Description, d.Group)).ToList()));

    private static async Task<Results<Ok<ExerciseDetail>, NotFound>> Get(
        Guid id, HttpContext http, AppDbContext db, ExerciseLibrarySync sync, MarkdownRenderer markdown, CancellationToken ct)
    {
        await sync.EnsureAsync(ct);
        return WithETag(http, await ExerciseQueries.DetailAsync(db, markdown, id, null, ct));
    }

    private static async Task<Results<Ok<ExerciseDetail>, NotFound>> GetVersion(
        Guid id, int version, HttpContext http, AppDbContext db, MarkdownRenderer markdown, CancellationToken ct) =>
        WithETag(http, await ExerciseQueries.DetailAsync(db, markdown, id, version, ct));

    private static Results<Ok<ExerciseDetail>, NotFound> WithETag(HttpContext http, ExerciseDetail? detail)
    {
        if (detail is null)
        {
            return TypedResults.NotFound();
        }
        // The ETag is the version an edit must name; only the current version can be edited.
        http.Response.Headers.ETag = $"\"{detail.CurrentVersion}\"";
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<ExerciseDetail>, ValidationProblem>> Create(
        ExerciseRequest request, HttpContext http, AppDbContext db, ExerciseEditor editor, MarkdownRenderer markdown, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var content = ExerciseRules.Validate(request, errors);
        if (content is null)
        {
            return errors.ToProblem();
        }
        var saved = await editor.CreateAsync(content, http.User.UserId(), ct);
        var detail = (await ExerciseQueries.DetailAsync(db, markdown, saved.Id, null, ct))!;
        http.Response.Headers.ETag = $"\"{detail.CurrentVersion}\"";
        return TypedResults.Created($"/api/exercises/{saved.Id}", detail);
    }

    private static async Task<Results<Ok<ExerciseDetail>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, ExerciseRequest request, HttpContext http, AppDbContext db, ExerciseEditor editor, MarkdownRenderer markdown,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var baseVersion = request.Version ?? VersionFromIfMatch(http.Request.Headers.IfMatch.ToString());
        if (baseVersion is null)
        {
            errors.Add("version", "Send the version you edited, as \"version\" in the body or as an If-Match header, so nobody's changes are overwritten.");
        }
        var content = ExerciseRules.Validate(request, errors);
        if (content is null || baseVersion is null)
        {
            return errors.ToProblem();
        }

        var change = await editor.UpdateAsync(id, baseVersion.Value, content, ExerciseEditorRole.Of(http.User), ct);
        switch (change)
        {
            case ExerciseChange.NotFound:
                return TypedResults.NotFound();
            case ExerciseChange.NotYours:
                return NotYours();
            case ExerciseChange.Stale stale:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "Someone saved a newer version of this exercise while you were editing it.",
                    detail: $"You edited version {baseVersion}; the current version is {stale.CurrentVersion}. Nothing was saved.",
                    extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion });
            case ExerciseChange.Refused refused:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Reason);
        }
        var detail = (await ExerciseQueries.DetailAsync(db, markdown, id, null, ct))!;
        http.Response.Headers.ETag = $"\"{detail.CurrentVersion}\"";
        return TypedResults.Ok(detail);
    }

    internal static int? VersionFromIfMatch(string? ifMatch)
    {
        var value = (ifMatch ?? "").Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return int.TryParse(value.Trim('"'), CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
    }

    private static async Task<Results<Created<ExerciseDetail>, NotFound>> Copy(
        Guid id, HttpContext http, AppDbContext db, ExerciseEditor editor, MarkdownRenderer markdown, CancellationToken ct)
    {
        if (await editor.CopyAsync(id, http.User.UserId(), ct) is not ExerciseChange.Saved saved)
        {
            return TypedResults.NotFound();
        }
        var detail = (await ExerciseQueries.DetailAsync(db, markdown, saved.Id, null, ct))!;
        return TypedResults.Created($"/api/exercises/{saved.Id}", detail);
    }

    private static Task<Results<Ok<ArchiveResponse>, NotFound, ProblemHttpResult>> Archive(
        Guid id, HttpContext http, ExerciseEditor editor, CancellationToken ct) =>
        SetArchived(id, true, http, editor, ct);

    private static Task<Results<Ok<ArchiveResponse>, NotFound, ProblemHttpResult>> Restore(
        Guid id, HttpContext http, ExerciseEditor editor, CancellationToken ct) =>
        SetArchived(id, false, http, editor, ct);

    private static async Task<Results<Ok<ArchiveResponse>, NotFound, ProblemHttpResult>> SetArchived(
        Guid id, bool archived, HttpContext http, ExerciseEditor editor, CancellationToken ct) =>
        await editor.SetArchivedAsync(id, archived, ExerciseEditorRole.Of(http.User), ct) switch
        {
            ExerciseChange.ArchiveSet set => TypedResults.Ok(new ArchiveResponse(set.Id, set.Archived)),
            ExerciseChange.NotYours => NotYours(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, HttpContext http, ExerciseEditor editor, CancellationToken ct) =>
        await editor.DeleteAsync(id, ExerciseEditorRole.Of(http.User), ct) switch
        {
            ExerciseChange.Deleted => TypedResults.NoContent(),
            ExerciseChange.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Reason),
            ExerciseChange.NotYours => NotYours(),
            _ => TypedResults.NotFound(),
        };

    /// <summary>
    /// A colleague's exercise is 403, not 404: the caller reads it in the library and may copy it, so
    /// there is nothing to hide, and the answer says what they can do instead.
    /// </summary>
    private static ProblemHttpResult NotYours() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ExerciseChange.NotYours.Reason);
}
