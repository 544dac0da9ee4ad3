using System.Collections.Frozen;
using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>
/// The measures shipped with CounselorSuite and available to every practice: written by us, embedded
/// in the assembly, validated when first used. The repository ships no wording of instruments that
/// belong to others; a practice imports those itself.
/// </summary>
public static class BuiltInMeasures
{
    public const string CheckInKey = "relationship-check-in";

    private static readonly Lazy<FrozenDictionary<string, MeasureDefinition>> All = new(Load);

    public static IReadOnlyCollection<MeasureDefinition> List => All.Value.Values;

    /// <summary>Our weekly relationship check-in: eight dimensions, consent and safety, 0-10.</summary>
    public static MeasureDefinition CheckIn => All.Value[CheckInKey];

    public static MeasureDefinition? Find(string key) => All.Value.GetValueOrDefault(key);

    /// <summary>The embedded JSON text of a built-in measure, as an admin would download it as an example.</summary>
    public static string? Json(string key)
    {
        using var stream = typeof(BuiltInMeasures).Assembly.GetManifestResourceStream(ResourcePrefix + key + ".json");
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private const string ResourcePrefix = "CounselorSuite.Web.Features.Measures.BuiltIn.";

    private static FrozenDictionary<string, MeasureDefinition> Load()
    {
        var assembly = typeof(BuiltInMeasures).Assembly;
        var measures = new Dictionary<string, MeasureDefinition>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var key = name[ResourcePrefix.Length..^".json".Length];
            var validation = MeasureValidator.Parse(Json(key)!, DimensionNames.Known);
            // A broken built-in is a bug in this repository; fail loudly rather than hide a measure.
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"The built-in measure {name} is invalid: " +
                    string.Join("; ", validation.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }
            measures[validation.Definition!.Key] = validation.Definition;
        }
        return measures.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
