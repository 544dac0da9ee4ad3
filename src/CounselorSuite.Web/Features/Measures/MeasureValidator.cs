using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Infrastructure.Input;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>The outcome of reading a definition: a measure, or every problem found (never just the first).</summary>
public sealed record MeasureValidation(MeasureDefinition? Definition, IReadOnlyList<MeasureProblem> Problems)
{
    public bool IsValid => Definition is not null;

    /// <summary>The file as read (set when it was JSON of the right shape), for storing it canonically.</summary>
    public MeasureDocument? Document { get; init; }
}

/// <summary>
/// Reads and checks measure definition files. Every rule of the format is checked once, so that an admin
/// importing a file sees all its problems together, each with where it is. This class checks the file's
/// shape and the measure's own fields; <see cref="MeasureItemRules"/>, <see cref="MeasureScoringRules"/> and
/// <see cref="MeasureCutOffRules"/> check the items, the scoring and the cut-offs.
/// </summary>
public static partial class MeasureValidator
{
    public const int MaxItems = 200;

    /// <summary>Strict on purpose: an unknown field is usually a typo ("reversed") that would silently change scores.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Reads a definition from its JSON text and validates it.</summary>
    /// <param name="knownDimensions">The dimension names items may map to; null skips that check.</param>
    public static MeasureValidation Parse(string json, IReadOnlySet<string>? knownDimensions = null)
    {
        MeasureDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<MeasureDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            return new MeasureValidation(null, [JsonProblem(e)]);
        }
        if (document is null)
        {
            return new MeasureValidation(null, [new MeasureProblem("", "The file holds no measure definition (a JSON object is expected).")]);
        }
        return Validate(document, knownDimensions) with { Document = document };
    }

    /// <summary>The canonical JSON of a definition: no comments, no nulls, as stored and as served.</summary>
    public static string ToJson(MeasureDocument document) => JsonSerializer.Serialize(document, JsonOptions);

    public static MeasureValidation Validate(MeasureDocument document, IReadOnlySet<string>? knownDimensions = null)
    {
        var problems = new List<MeasureProblem>();
        void Problem(string path, string message) => problems.Add(new MeasureProblem(path, message));

        var key = document.Key?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            Problem("key", "The measure needs a key (lower-case letters, digits and dashes, for example \"relationship-check-in\").");
        }
        else if (key.Length > 64 || !KeyPattern().IsMatch(key))
        {
            Problem("key", $"The key \"{key}\" must be at most 64 lower-case letters, digits and single dashes, for example \"relationship-check-in\".");
        }
        if (document.Version is null)
        {
            Problem("version", "The measure needs a version number (1 for a first version).");
        }
        else if (document.Version < 1)
        {
            Problem("version", $"The version must be 1 or more, not {document.Version}.");
        }
        RequireText(document.Title, "title", "The measure needs a title.", 200, Problem);
        OptionalText(document.Description, "description", 2000, Problem);
        OptionalText(document.Instructions, "instructions", 5000, Problem);
        RequireText(document.Source, "source", "The measure needs a source citation (who wrote it and where it was published).", 2000, Problem);
        RequireText(document.Licence, "licence", "The measure needs its licence or terms of use.", 4000, Problem);
        if (document.HigherIsBetter is null)
        {
            Problem("higherIsBetter", "Say whether a higher score is better (true) or worse (false): it decides whether a change is an improvement.");
        }
        var every = SuggestedEvery(document.SuggestedEvery, Problem);

        var items = MeasureItemRules.Validate(document.Items, knownDimensions, Problem);
        var itemsById = items?.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var (method, methodOk, totalItems, subscales) = MeasureScoringRules.Validate(document, items, itemsById, Problem);
        ScoreRange? range = null;
        if (itemsById is not null && totalItems is { Count: > 0 } && methodOk)
        {
            range = MeasureScoringRules.RangeOf(method, totalItems.Select(id => itemsById[id]));
        }
        var cutOffs = MeasureCutOffRules.Validate(document.CutOffs, range, Problem);
        var reliability = document.Reliability is { } rel ? Reliability(rel, Problem) : null;
        if (problems.Count > 0)
        {
            return new MeasureValidation(null, problems);
        }

        var definition = new MeasureDefinition(
            key!, document.Version!.Value, document.Title!.Trim(), Trimmed(document.Description), Trimmed(document.Instructions), every,
            document.HigherIsBetter!.Value, items!, method, totalItems!, range!, subscales, cutOffs!, reliability,
            document.Source!.Trim(), document.Licence!.Trim());
        return new MeasureValidation(definition, []);
    }

    private static MeasureInterval? SuggestedEvery(string? text, Action<string, string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (TryParseEnum<MeasureInterval>(text, out var parsed))
        {
            return parsed;
        }
        problem("suggestedEvery", $"suggestedEvery must be Day, Week or Month, not \"{text}\".");
        return null;
    }

    /// <summary>The reliability for the reliable change index, or null when it has a problem (each reported).</summary>
    private static MeasureReliability? Reliability(MeasureReliabilityDocument rel, Action<string, string> problem)
    {
        var ok = true;
        void Problem(string path, string message)
        {
            problem(path, message);
            ok = false;
        }

        ReliabilityKind kind = default;
        if (rel.Kind is null || !TryParseEnum(rel.Kind, out kind))
        {
            Problem("reliability.kind", $"reliability.kind must be CronbachAlpha or TestRetest{(rel.Kind is null ? "" : $", not \"{rel.Kind}\"")}.");
        }
        if (rel.Coefficient is not { } r)
        {
            Problem("reliability.coefficient", "The reliability coefficient r is missing.");
        }
        else if (!(r > 0 && r < 1))
        {
            Problem("reliability.coefficient", $"The reliability coefficient must lie strictly between 0 and 1, not {Num(r)}.");
        }
        if (rel.NormativeSd is not { } sd)
        {
            Problem("reliability.normativeSd", "The normative standard deviation of the total score is missing (it is needed for the reliable change index).");
        }
        else if (!(sd > 0) || double.IsInfinity(sd))
        {
            Problem("reliability.normativeSd", $"The normative standard deviation must be greater than 0, not {Num(sd)}.");
        }
        OptionalText(rel.Source, "reliability.source", 2000, Problem);
        return ok ? new MeasureReliability(kind, rel.Coefficient!.Value, rel.NormativeSd!.Value, rel.Source?.Trim()) : null;
    }

    internal static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum =>
        EnumNames.TryParse(text, out value, ignoreCase: true);

    internal static void RequireText(string? value, string path, string missing, int maxLength, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem(path, missing);
        }
        else
        {
            OptionalText(value, path, maxLength, problem);
        }
    }

    internal static void OptionalText(string? value, string path, int maxLength, Action<string, string> problem)
    {
        if (value is not null && value.Length > maxLength)
        {
            problem(path, $"{path} must be at most {maxLength} characters.");
        }
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static MeasureProblem JsonProblem(JsonException e)
    {
        var path = e.Path is null ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
        var unknown = UnknownMemberPattern().Match(e.Message);
        if (unknown.Success)
        {
            var field = unknown.Groups["field"].Value;
            return new MeasureProblem(path, $"Unknown field \"{field}\"{where}; check its spelling against the measure definition format.");
        }
        return new MeasureProblem(path, $"The file is not valid measure JSON{where}: a value is malformed or of the wrong kind (for example text where a number belongs).");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex KeyPattern();

    [GeneratedRegex("The JSON property '(?<field>[^']*)' could not be mapped", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnknownMemberPattern();
}
