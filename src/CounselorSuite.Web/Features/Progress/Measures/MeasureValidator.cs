using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Domain;

namespace CounselorSuite.Web.Features.Progress.Measures;

/// <summary>The outcome of reading a definition: a measure, or every problem found (never just the first).</summary>
public sealed record MeasureValidation(MeasureDefinition? Definition, IReadOnlyList<MeasureProblem> Problems)
{
    public bool IsValid => Definition is not null;

    /// <summary>The file as read (set when it was JSON of the right shape), for storing it canonically.</summary>
    public MeasureDocument? Document { get; init; }
}

/// <summary>
/// Reads and checks measure definition files. Every rule of the format is checked here, once, so that
/// an admin importing a file sees all its problems together, each with where it is.
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
        MeasureInterval? every = null;
        if (document.SuggestedEvery is not null)
        {
            if (TryParseEnum<MeasureInterval>(document.SuggestedEvery, out var parsed))
            {
                every = parsed;
            }
            else
            {
                Problem("suggestedEvery", $"suggestedEvery must be Day, Week or Month, not \"{document.SuggestedEvery}\".");
            }
        }

        var items = ValidateItems(document.Items, knownDimensions, Problem);
        var itemsById = items?.ToDictionary(i => i.Id, StringComparer.Ordinal);

        ScoreMethod method = default;
        var methodOk = false;
        IReadOnlyList<string>? totalItems = null;
        var subscales = new List<Subscale>();
        var scoring = document.Scoring;
        if (scoring is null)
        {
            Problem("scoring", "The measure needs a scoring rule: {\"method\": \"Sum\"} or {\"method\": \"Mean\"}.");
        }
        else
        {
            methodOk = ParseMethod(scoring.Method, "scoring.method", Problem, out method);
            if (scoring.Items is null)
            {
                totalItems = items?.Where(i => !i.Optional).Select(i => i.Id).ToList();
                if (totalItems is { Count: 0 })
                {
                    Problem("scoring.items", "Every item is optional, so the total score would use no items.");
                    totalItems = null;
                }
            }
            else if (scoring.Items.Count == 0)
            {
                Problem("scoring.items", "The total score uses no items: list at least one item id, or leave \"items\" out to use every item.");
            }
            else
            {
                totalItems = ValidateItemList(scoring.Items, "scoring.items", "The total score", itemsById, Problem);
            }

            var subscaleKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var s = 0; s < (scoring.Subscales?.Count ?? 0); s++)
            {
                var sub = scoring.Subscales![s];
                var path = $"scoring.subscales[{s}]";
                if (sub is null)
                {
                    Problem(path, "A subscale is empty.");
                    continue;
                }
                var subKey = sub.Key?.Trim();
                if (string.IsNullOrEmpty(subKey) || subKey.Length > 64 || !KeyPattern().IsMatch(subKey))
                {
                    Problem($"{path}.key", "Each subscale needs a key of lower-case letters, digits and dashes (at most 64).");
                }
                else if (!subscaleKeys.Add(subKey))
                {
                    Problem($"{path}.key", $"The subscale key \"{subKey}\" is used twice.");
                }
                RequireText(sub.Title, $"{path}.title", "Each subscale needs a title.", 200, Problem);
                var subMethodOk = ParseMethod(sub.Method ?? scoring.Method, $"{path}.method", Problem, out var subMethod);
                List<string>? subItems = null;
                if (sub.Items is null || sub.Items.Count == 0)
                {
                    Problem($"{path}.items", $"The subscale \"{subKey ?? sub.Title}\" lists no items: a subscale is a named group of item ids.");
                }
                else
                {
                    subItems = ValidateItemList(sub.Items, $"{path}.items", $"The subscale \"{subKey ?? sub.Title}\"", itemsById, Problem);
                }
                if (subMethodOk && subItems is not null && itemsById is not null && subKey is not null && sub.Title is not null)
                {
                    subscales.Add(new Subscale(subKey, sub.Title.Trim(), subMethod, subItems, RangeOf(subMethod, subItems.Select(id => itemsById[id]))));
                }
            }

            if (items is not null)
            {
                var scored = new HashSet<string>(totalItems ?? [], StringComparer.Ordinal);
                scored.UnionWith(subscales.SelectMany(x => x.ItemIds));
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Optional && scored.Contains(items[i].Id))
                    {
                        Problem($"items[{IndexOf(document.Items!, items[i].Id)}].optional",
                            $"Item \"{items[i].Id}\" is marked optional but a score uses it; without prorating, every scored item must be answered.");
                    }
                }
            }
        }

        ScoreRange? range = null;
        if (itemsById is not null && totalItems is { Count: > 0 } && methodOk)
        {
            range = RangeOf(method, totalItems.Select(id => itemsById[id]));
        }

        var cutOffs = ValidateCutOffs(document.CutOffs, range, Problem);

        MeasureReliability? reliability = null;
        if (document.Reliability is { } rel)
        {
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
            if (problems.Count == 0)
            {
                reliability = new MeasureReliability(kind, rel.Coefficient!.Value, rel.NormativeSd!.Value, rel.Source?.Trim());
            }
        }

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

    /// <summary>The total's range: sum or mean of the items' lowest and highest answers (reversal keeps an item's range).</summary>
    private static ScoreRange RangeOf(ScoreMethod method, IEnumerable<MeasureItem> items)
    {
        var list = items.ToList();
        var min = list.Sum(i => i.MinValue);
        var max = list.Sum(i => i.MaxValue);
        return method == ScoreMethod.Sum ? new ScoreRange(min, max) : new ScoreRange(min / list.Count, max / list.Count);
    }

    private static List<MeasureItem>? ValidateItems(IReadOnlyList<MeasureItemDocument>? documents, IReadOnlySet<string>? knownDimensions, Action<string, string> problem)
    {
        if (documents is null || documents.Count == 0)
        {
            problem("items", "The measure has no items.");
            return null;
        }
        if (documents.Count > MaxItems)
        {
            problem("items", $"The measure has {documents.Count} items; at most {MaxItems} are allowed.");
            return null;
        }
        var ok = true;
        var items = new List<MeasureItem>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"items[{i}]";
            var doc = documents[i];
            if (doc is null)
            {
                problem(path, "This item is empty.");
                ok = false;
                continue;
            }
            var id = doc.Id?.Trim();
            var name = string.IsNullOrEmpty(id) ? $"number {i + 1}" : $"\"{id}\"";
            var itemOk = true;
            void Fail(string p, string m)
            {
                problem(p, m);
                itemOk = false;
            }

            if (string.IsNullOrEmpty(id))
            {
                Fail($"{path}.id", $"Item number {i + 1} has no id.");
            }
            else if (!ItemIdPattern().IsMatch(id))
            {
                Fail($"{path}.id", $"The item id \"{id}\" must be 1 to 40 letters, digits, dashes or underscores.");
            }
            else if (firstIndex.TryGetValue(id, out var first))
            {
                Fail($"{path}.id", $"The item id \"{id}\" is used twice (items[{first}] has it too); item ids must be unique.");
            }
            else
            {
                firstIndex[id] = i;
            }
            if (string.IsNullOrWhiteSpace(doc.Text))
            {
                Fail($"{path}.text", $"Item {name} has no text.");
            }
            else if (doc.Text.Length > 1000)
            {
                Fail($"{path}.text", $"The text of item {name} is longer than 1000 characters.");
            }
            var dimension = doc.Dimension?.Trim();
            if (dimension is not null && knownDimensions is not null && !knownDimensions.Contains(dimension))
            {
                Fail($"{path}.dimension", $"Item {name} maps to an unknown dimension \"{dimension}\"; use one of {string.Join(", ", knownDimensions.Order(StringComparer.Ordinal))}.");
            }

            AnswerRange? range = null;
            if (doc.Range is { } r)
            {
                var rangeOk = true;
                if (r.Min is null || r.Max is null)
                {
                    Fail($"{path}.range", $"The range of item {name} needs both min and max.");
                    rangeOk = false;
                }
                else if (!double.IsFinite(r.Min.Value) || !double.IsFinite(r.Max.Value) || r.Min >= r.Max)
                {
                    Fail($"{path}.range", $"The range of item {name} runs from {Num(r.Min.Value)} to {Num(r.Max.Value)}: min must be less than max.");
                    rangeOk = false;
                }
                var step = r.Step ?? 1;
                if (!(step > 0) || !double.IsFinite(step))
                {
                    Fail($"{path}.range.step", $"The step of item {name} must be greater than 0.");
                    rangeOk = false;
                }
                else if (rangeOk)
                {
                    var steps = (r.Max!.Value - r.Min!.Value) / step;
                    if (Math.Abs(steps - Math.Round(steps)) > 1e-9)
                    {
                        Fail($"{path}.range.step", $"The step {Num(step)} of item {name} does not divide its range {Num(r.Min.Value)} to {Num(r.Max.Value)} into whole steps.");
                        rangeOk = false;
                    }
                }
                OptionalText(r.MinLabel, $"{path}.range.minLabel", 200, Fail);
                OptionalText(r.MaxLabel, $"{path}.range.maxLabel", 200, Fail);
                if (rangeOk)
                {
                    range = new AnswerRange(r.Min!.Value, r.Max!.Value, step, Trimmed(r.MinLabel), Trimmed(r.MaxLabel));
                }
            }

            var options = new List<AnswerOption>();
            if (doc.Options is { Count: > 0 })
            {
                var values = new HashSet<double>();
                for (var o = 0; o < doc.Options.Count; o++)
                {
                    var option = doc.Options[o];
                    var optionPath = $"{path}.options[{o}]";
                    if (option?.Value is not { } value || !double.IsFinite(value))
                    {
                        Fail($"{optionPath}.value", $"Option {o + 1} of item {name} has no numeric value.");
                        continue;
                    }
                    if (string.IsNullOrWhiteSpace(option.Label))
                    {
                        Fail($"{optionPath}.label", $"Option {o + 1} of item {name} has no label.");
                    }
                    else if (option.Label.Length > 200)
                    {
                        Fail($"{optionPath}.label", $"Option {o + 1} of item {name} has a label longer than 200 characters.");
                    }
                    if (!values.Add(value))
                    {
                        Fail($"{optionPath}.value", $"Item {name} offers the value {Num(value)} twice; each option needs its own value.");
                    }
                    if (doc.Range is { Min: { } min, Max: { } max } && (value < min || value > max))
                    {
                        Fail($"{optionPath}.value", $"Option value {Num(value)} of item {name} is outside the item's declared range {Num(min)} to {Num(max)}.");
                    }
                    options.Add(new AnswerOption(value, option.Label?.Trim() ?? ""));
                }
            }
            else if (doc.Range is null)
            {
                Fail(path, $"Item {name} has no answer options and no range: give options (each a value with a label) or a numeric range {{min, max}}.");
            }
            if (doc.Options is { Count: 1 })
            {
                Fail($"{path}.options", $"Item {name} offers a single option; an answer needs at least two to choose from.");
            }

            var reverse = doc.Reverse ?? false;
            if (reverse && doc.Range is null)
            {
                Fail($"{path}.reverse", $"Item {name} is reverse-scored but declares no range: reverse scoring reflects an answer within the range (min + max − answer), so add \"range\": {{\"min\": ..., \"max\": ...}}.");
            }

            CriticalRule? critical = null;
            if (doc.Critical is { } c && itemOk)
            {
                var criticalValues = c.Values ?? [];
                if (criticalValues.Count == 0 && c.AtOrAbove is null && c.AtOrBelow is null)
                {
                    Fail($"{path}.critical", $"The critical rule of item {name} names no answers: give \"values\", \"atOrAbove\" or \"atOrBelow\".");
                }
                var probe = new MeasureItem(id!, "", null, options, range, false, false, null);
                foreach (var value in criticalValues)
                {
                    if (!probe.Accepts(value))
                    {
                        Fail($"{path}.critical.values", $"The critical value {Num(value)} of item {name} is not one of its possible answers.");
                    }
                }
                foreach (var (threshold, field) in new[] { (c.AtOrAbove, "atOrAbove"), (c.AtOrBelow, "atOrBelow") })
                {
                    if (threshold is { } t && (t < probe.MinValue || t > probe.MaxValue))
                    {
                        Fail($"{path}.critical.{field}", $"The critical threshold {Num(t)} of item {name} is outside its answers {Num(probe.MinValue)} to {Num(probe.MaxValue)}.");
                    }
                }
                critical = new CriticalRule(criticalValues.Distinct().ToList(), c.AtOrAbove, c.AtOrBelow);
            }

            if (itemOk)
            {
                items.Add(new MeasureItem(id!, doc.Text!.Trim(), dimension, options, range, reverse, doc.Optional ?? false, critical));
            }
            ok &= itemOk;
        }
        return ok ? items : null;
    }

    private static List<string>? ValidateItemList(IReadOnlyList<string> ids, string path, string owner, Dictionary<string, MeasureItem>? itemsById, Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids[k];
            if (!seen.Add(id ?? ""))
            {
                problem($"{path}[{k}]", $"{owner} lists item \"{id}\" twice.");
                ok = false;
            }
            else if (itemsById is not null && (id is null || !itemsById.ContainsKey(id)))
            {
                problem($"{path}[{k}]", $"{owner} uses an unknown item \"{id}\"; it must be the id of one of the measure's items.");
                ok = false;
            }
        }
        return ok ? ids.ToList() : null;
    }

    private static List<CutOff>? ValidateCutOffs(IReadOnlyList<MeasureCutOffDocument>? documents, ScoreRange? range, Action<string, string> problem)
    {
        var cutOffs = new List<(CutOff CutOff, int Index)>();
        var ok = true;
        for (var c = 0; c < (documents?.Count ?? 0); c++)
        {
            var doc = documents![c];
            var path = $"cutOffs[{c}]";
            if (doc?.From is not { } from || doc.To is not { } to || !double.IsFinite(from) || !double.IsFinite(to))
            {
                problem(path, $"Cut-off {c + 1} needs numeric \"from\" and \"to\" (both inclusive).");
                ok = false;
                continue;
            }
            var label = doc.Label?.Trim();
            if (string.IsNullOrEmpty(label))
            {
                problem($"{path}.label", $"Cut-off {c + 1} ({Num(from)} to {Num(to)}) has no label.");
                ok = false;
            }
            else if (label.Length > 100)
            {
                problem($"{path}.label", $"The label of cut-off {c + 1} is longer than 100 characters.");
                ok = false;
            }
            var name = string.IsNullOrEmpty(label) ? $"{c + 1}" : $"\"{label}\"";
            if (from > to)
            {
                problem(path, $"Cut-off {name} runs from {Num(from)} down to {Num(to)}: \"from\" must not be greater than \"to\".");
                ok = false;
            }
            else if (range is not null && (from < range.Min || to > range.Max))
            {
                problem(path, $"Cut-off {name} ({Num(from)} to {Num(to)}) lies outside the score range {Num(range.Min)} to {Num(range.Max)}.");
                ok = false;
            }
            cutOffs.Add((new CutOff(from, to, label ?? "", doc.Concern ?? false), c));
        }
        var ordered = cutOffs.Where(x => x.CutOff.From <= x.CutOff.To).OrderBy(x => x.CutOff.From).ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            var (previous, current) = (ordered[k - 1].CutOff, ordered[k].CutOff);
            if (current.From <= previous.To)
            {
                problem($"cutOffs[{ordered[k].Index}]",
                    $"Cut-off \"{current.Label}\" ({Num(current.From)} to {Num(current.To)}) overlaps \"{previous.Label}\" ({Num(previous.From)} to {Num(previous.To)}); bands are inclusive at both ends and must not share a score.");
                ok = false;
            }
        }
        return ok ? ordered.Select(x => x.CutOff).ToList() : null;
    }

    private static bool ParseMethod(string? text, string path, Action<string, string> problem, out ScoreMethod method)
    {
        if (text is not null && TryParseEnum(text, out method))
        {
            return true;
        }
        method = default;
        problem(path, text is null ? "The scoring method is missing: \"Sum\" or \"Mean\"." : $"The scoring method must be \"Sum\" or \"Mean\", not \"{text}\".");
        return false;
    }

    private static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum =>
        ExerciseVocabulary.TryParseName(text, out value, ignoreCase: true);

    private static void RequireText(string? value, string path, string missing, int maxLength, Action<string, string> problem)
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

    private static void OptionalText(string? value, string path, int maxLength, Action<string, string> problem)
    {
        if (value is not null && value.Length > maxLength)
        {
            problem(path, $"{path} must be at most {maxLength} characters.");
        }
    }

    private static int IndexOf(IReadOnlyList<MeasureItemDocument> documents, string id)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i]?.Id?.Trim() == id)
            {
                return i;
            }
        }
        return -1;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static MeasureProblem JsonProblem(JsonException e)
    {
        var path = e.Path is null ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
        var unknown = UnknownMemberPattern().Match(e.Message);
        if (unknown.Success)
        {
            var field = unknown.Groups[1].Value;
            return new MeasureProblem(path, $"Unknown field \"{field}\"{where}; check its spelling against the measure definition format.");
        }
        return new MeasureProblem(path, $"The file is not valid measure JSON{where}: a value is malformed or of the wrong kind (for example text where a number belongs).");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ItemIdPattern();

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMemberPattern();
}
