using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// Filters of the library. Suitability means "suits": Couple finds couple exercises and those for
/// either; Either finds only those for either.
/// </summary>
public sealed record ExerciseFilter(
    ExerciseTheme? Theme = null,
    ProgressDimension? Dimension = null,
    ExerciseSuitability? Suitability = null,
    string? Search = null,
    bool IncludeArchived = false,
    bool? BuiltIn = null);

public sealed record ExerciseListItem(
    Guid Id, int Version, string Title, string Category, string Summary, string Suitability, bool Joint,
    int? EstimatedMinutes, IReadOnlyList<string> Dimensions, bool BuiltIn, bool Archived, bool SafetyScreening,
    DateTimeOffset UpdatedAt);

public sealed record PromptResponse(
    Guid Id, string Kind, string Text, string? Dimension, int? Min, int? Max, string? MinLabel, string? MaxLabel,
    IReadOnlyList<string>? Options, PromptSafety? Safety, string? Key)
{
    public static PromptResponse From(ExercisePrompt p) => new(p.Id, p.Kind.ToString(), p.Text, p.Dimension?.ToString(),
        p.Min, p.Max, p.MinLabel, p.MaxLabel, p.Options, p.Safety, p.Key);
}

public sealed record VersionSummary(int Version, Guid VersionId, string Title, DateTimeOffset CreatedAt, Guid? CreatedBy, string CreatedByName);

/// <summary>
/// One version of an exercise with its history. <c>Version</c> is the version shown; <c>CurrentVersion</c>
/// the newest; <c>VersionId</c> identifies the shown version for pinning.
/// </summary>
public sealed record ExerciseDetail(
    Guid Id, int Version, Guid VersionId, string Title, string Category, string Summary, string Instructions,
    string InstructionsHtml, IReadOnlyList<string> Steps, string Suitability, bool Joint, int? EstimatedMinutes,
    bool SafetyScreening, bool PointsToResources, IReadOnlyList<PromptResponse> Prompts, bool BuiltIn,
    string? BuiltInKey, bool Archived, int CurrentVersion, Guid? CopiedFromId, DateTimeOffset CreatedAt,
    IReadOnlyList<VersionSummary> Versions)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ExerciseTheme Theme => Enum.Parse<ExerciseTheme>(Category);

    public ExerciseFormModel ToForm(IReadOnlyList<ExercisePrompt> prompts) =>
        new(Title, Summary, InstructionsHtml, Steps, EstimatedMinutes, prompts);
}

public static class ExerciseQueries
{
    private sealed record Row(
        Guid Id, int Version, string Title, ExerciseTheme Theme, string Summary, ExerciseSuitability Suitability, bool Joint,
        int? EstimatedMinutes, string[] Dimensions, string? BuiltInKey, bool Archived, bool SafetyScreening, DateTimeOffset UpdatedAt);

    /// <summary>An exercise with its current version; a class with setters, so EF Core can go on composing over it.</summary>
    private sealed class Current
    {
        public Exercise E { get; init; } = null!;
        public ExerciseVersion V { get; init; } = null!;
    }

    public static async Task<Page<ExerciseListItem>> ListAsync(AppDbContext db, ExerciseFilter filter, int skip, int take, CancellationToken ct)
    {
        var search = filter.Search?.Trim();
        var query = Filtered(db, filter, search);
        var total = await query.CountAsync(ct);
        var rows = await Ordered(query, search).Skip(skip).Take(take).ToListAsync(ct);
        var items = rows.Select(r => new ExerciseListItem(r.Id, r.Version, r.Title, r.Theme.ToString(), r.Summary,
            r.Suitability.ToString(), r.Joint, r.EstimatedMinutes, r.Dimensions, r.BuiltInKey is not null, r.Archived,
            r.SafetyScreening, r.UpdatedAt)).ToList();
        return new Page<ExerciseListItem>(items, total);
    }

    private static IQueryable<Current> Filtered(AppDbContext db, ExerciseFilter filter, string? search)
    {
        var query =
            from e in db.Exercises.AsNoTracking()
            join v in db.ExerciseVersions.AsNoTracking()
                on new { P = e.PracticeId, I = e.Id, V = e.CurrentVersion } equals new { P = v.PracticeId, I = v.ExerciseId, V = v.Version }
            select new Current { E = e, V = v };

        // Progress: the hidden exercises that carry measures' items are assigned as measures, never from the library.
        query = query.Where(x => !db.MeasureForms.Any(f => f.ExerciseId == x.E.Id));
        if (!filter.IncludeArchived)
        {
            query = query.Where(x => !x.E.IsArchived);
        }
        if (filter.BuiltIn is { } builtIn)
        {
            query = builtIn ? query.Where(x => x.E.BuiltInKey != null) : query.Where(x => x.E.BuiltInKey == null);
        }
        if (filter.Theme is { } theme)
        {
            query = query.Where(x => x.V.Theme == theme);
        }
        if (filter.Dimension is { } dimension)
        {
            var name = dimension.ToString();
            query = query.Where(x => x.V.Dimensions.Contains(name));
        }
        if (filter.Suitability is { } suits)
        {
            query = suits == ExerciseSuitability.Either
                ? query.Where(x => x.V.Suitability == ExerciseSuitability.Either)
                : query.Where(x => x.V.Suitability == suits || x.V.Suitability == ExerciseSuitability.Either);
        }

        if (!string.IsNullOrEmpty(search))
        {
            query = query.Where(x => x.V.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", search)));
        }
        return query;
    }

    private static IQueryable<Row> Ordered(IQueryable<Current> query, string? search)
    {
        IQueryable<Row> ordered;
        if (!string.IsNullOrEmpty(search))
        {
            ordered = query
                .OrderByDescending(x => x.V.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", search)))
                .ThenBy(x => x.V.Title).ThenBy(x => x.E.Id)
                .Select(x => new Row(x.E.Id, x.V.Version, x.V.Title, x.V.Theme, x.V.Summary, x.V.Suitability, x.V.Joint,
                    x.V.EstimatedMinutes, x.V.Dimensions, x.E.BuiltInKey, x.E.IsArchived, x.V.SafetyScreening, x.E.UpdatedAt));
        }
        else
        {
            // The themes in the domain's order, the practice's own exercises before the built-ins, then by title.
            ordered = query
                .OrderBy(x => x.V.Theme == ExerciseTheme.SeeingPower ? 0
                    : x.V.Theme == ExerciseTheme.Consent ? 1
                    : x.V.Theme == ExerciseTheme.NonCooperation ? 2
                    : x.V.Theme == ExerciseTheme.TrustSmallActs ? 3 : 4)
                .ThenBy(x => x.E.BuiltInKey != null)
                .ThenBy(x => x.V.Title).ThenBy(x => x.E.Id)
                .Select(x => new Row(x.E.Id, x.V.Version, x.V.Title, x.V.Theme, x.V.Summary, x.V.Suitability, x.V.Joint,
                    x.V.EstimatedMinutes, x.V.Dimensions, x.E.BuiltInKey, x.E.IsArchived, x.V.SafetyScreening, x.E.UpdatedAt));
        }
        return ordered;
    }

    /// <summary>The exercise at <paramref name="version"/> (the current one when null), or null when not in this practice.</summary>
    public static async Task<ExerciseDetail?> DetailAsync(AppDbContext db, MarkdownRenderer markdown, Guid id, int? version, CancellationToken ct)
    {
        var exercise = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
        {
            return null;
        }
        var wanted = version ?? exercise.CurrentVersion;
        var shown = await db.ExerciseVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ExerciseId == id && v.Version == wanted, ct);
        if (shown is null)
        {
            return null;
        }
        var history = await (
                from v in db.ExerciseVersions.AsNoTracking()
                where v.ExerciseId == id
                join u in db.Users.AsNoTracking() on new { P = v.PracticeId, U = v.CreatedBy } equals new { P = u.PracticeId, U = (Guid?)u.Id } into authors
                from u in authors.DefaultIfEmpty()
                orderby v.Version descending
                select new VersionSummary(v.Version, v.Id, v.Title, v.CreatedAt, v.CreatedBy, u != null ? u.DisplayName : "Built-in library"))
            .ToListAsync(ct);

        return new ExerciseDetail(
            exercise.Id, shown.Version, shown.Id, shown.Title, shown.Theme.ToString(), shown.Summary, shown.Instructions,
            markdown.ToHtml(shown.Instructions), shown.Steps, shown.Suitability.ToString(), shown.Joint, shown.EstimatedMinutes,
            shown.SafetyScreening, shown.PointsToResources, shown.Prompts.Select(PromptResponse.From).ToList(),
            exercise.IsBuiltIn, exercise.BuiltInKey, exercise.IsArchived, exercise.CurrentVersion, exercise.CopiedFromId,
            exercise.CreatedAt, history);
    }

    /// <summary>The current version of an exercise of this practice: what a new assignment pins.</summary>
    public static IQueryable<ExerciseVersion> CurrentVersionOf(this AppDbContext db, Guid exerciseId) =>
        db.Exercises.Where(e => e.Id == exerciseId).SelectMany(e => e.Versions.Where(v => v.Version == e.CurrentVersion));
}
