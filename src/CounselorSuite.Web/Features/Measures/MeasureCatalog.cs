using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>A measure as listed for staff: enough to choose one and to see where it comes from.</summary>
public sealed record MeasureSummary(
    Guid? Id,
    string Key,
    int Version,
    string Title,
    bool BuiltIn,
    int ItemCount,
    string ScoreMethod,
    double ScoreMin,
    double ScoreMax,
    IReadOnlyList<string> CutOffs,
    bool HasReliability,
    bool HasCriticalItems,
    string Source,
    string Licence,
    DateTimeOffset? ImportedAt);

public abstract record MeasureImportResult
{
    public sealed record Imported(MeasureSummary Measure) : MeasureImportResult;
    public sealed record Invalid(IReadOnlyList<MeasureProblem> Problems) : MeasureImportResult;
    public sealed record Conflict(string Message) : MeasureImportResult;
}

/// <summary>
/// The measures a practice can use: the built-in ones and those its admins imported. Imports are
/// validated in full before anything is written; a file with any problem changes nothing.
/// </summary>
public sealed class MeasureCatalog(AppDbContext db, TimeProvider clock)
{
    /// <summary>A definition file larger than this is refused; the largest published instruments are a few KB.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public async Task<MeasureImportResult> ImportAsync(string json, Guid importedBy, CancellationToken ct)
    {
        var validation = MeasureValidator.Parse(json, DimensionNames.Known);
        if (!validation.IsValid)
        {
            return new MeasureImportResult.Invalid(validation.Problems);
        }
        var definition = validation.Definition!;
        if (BuiltInMeasures.Find(definition.Key) is not null)
        {
            return new MeasureImportResult.Conflict($"\"{definition.Key}\" is the key of a built-in measure; choose another key.");
        }
        if (await db.Measures.AnyAsync(m => m.Key == definition.Key && m.Version == definition.Version, ct))
        {
            return VersionTaken(definition);
        }
        var now = clock.GetUtcNow();
        var measure = new Measure
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), Key = definition.Key, Version = definition.Version,
            Title = definition.Title, Definition = MeasureValidator.ToJson(validation.Document!), ImportedBy = importedBy, ImportedAt = now,
        };
        db.Measures.Add(measure);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two admins importing the same version at once: the second one loses, cleanly.
            db.Measures.Entry(measure).State = EntityState.Detached;
            return VersionTaken(definition);
        }
        return new MeasureImportResult.Imported(Summarise(definition, measure.Id, measure.ImportedAt));
    }

    /// <summary>Built-in measures first, then the practice's own by key and version.</summary>
    public async Task<IReadOnlyList<MeasureSummary>> ListAsync(CancellationToken ct)
    {
        var stored = await db.Measures.AsNoTracking().OrderBy(m => m.Key).ThenBy(m => m.Version)
            .Select(m => new { m.Id, m.Definition, m.ImportedAt }).ToListAsync(ct);
        var builtIn = BuiltInMeasures.List.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Summarise(m, null, null));
        return builtIn.Concat(stored.Select(m => Summarise(Read(m.Definition), m.Id, m.ImportedAt))).ToList();
    }

    /// <summary>
    /// A measure by key: the given version, or the latest when <paramref name="version"/> is null.
    /// Returns the definition with its canonical JSON, or null when the practice has no such measure.
    /// </summary>
    public async Task<(MeasureDefinition Definition, string Json, bool BuiltIn)?> FindAsync(string key, int? version, CancellationToken ct)
    {
        if (BuiltInMeasures.Find(key) is { } builtIn && (version is null || version == builtIn.Version))
        {
            var json = MeasureValidator.ToJson(MeasureValidator.Parse(BuiltInMeasures.Json(key)!).Document!);
            return (builtIn, json, true);
        }
        var query = db.Measures.AsNoTracking().Where(m => m.Key == key);
        if (version is not null)
        {
            query = query.Where(m => m.Version == version);
        }
        var stored = await query.OrderByDescending(m => m.Version).Select(m => m.Definition).FirstOrDefaultAsync(ct);
        return stored is null ? null : (Read(stored), stored, false);
    }

    private static MeasureImportResult VersionTaken(MeasureDefinition definition) =>
        new MeasureImportResult.Conflict($"Version {definition.Version} of \"{definition.Key}\" was already imported; a changed definition needs a higher version.");

    private static MeasureDefinition Read(string json)
    {
        var validation = MeasureValidator.Parse(json);
        // Stored definitions were validated on import; failing here means the format rules changed
        // without migrating old definitions, which must be noticed rather than scored wrongly.
        return validation.Definition ?? throw new InvalidOperationException(
            "A stored measure definition no longer validates: " + string.Join("; ", validation.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }

    internal static MeasureSummary Summarise(MeasureDefinition m, Guid? id, DateTimeOffset? importedAt) => new(
        id, m.Key, m.Version, m.Title, id is null, m.Items.Count, m.Method.ToString(), m.ScoreRange.Min, m.ScoreRange.Max,
        m.CutOffs.Select(c => $"{MeasureValidator.Num(c.From)}-{MeasureValidator.Num(c.To)}: {c.Label}").ToList(),
        m.Reliability is not null, m.Items.Any(i => i.Critical is not null), m.Source, m.Licence, importedAt);
}
