using System.Text.RegularExpressions;
using static CounselorSuite.Web.Features.Measures.MeasureValidator;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>
/// The items of a measure definition: ids, texts, dimensions, answer ranges and options, reverse scoring and
/// critical rules. Part of <see cref="MeasureValidator"/>; every problem is reported with its path.
/// </summary>
internal static partial class MeasureItemRules
{
    public static List<MeasureItem>? Validate(IReadOnlyList<MeasureItemDocument>? documents, IReadOnlySet<string>? knownDimensions, Action<string, string> problem)
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
            if (documents[i] is not { } doc)
            {
                problem($"items[{i}]", "This item is empty.");
                ok = false;
                continue;
            }
            var item = Item(doc, i, firstIndex, knownDimensions, problem);
            if (item is not null)
            {
                items.Add(item);
            }
            ok &= item is not null;
        }
        return ok ? items : null;
    }

    /// <summary>One item, or null when it has a problem (each reported).</summary>
    private static MeasureItem? Item(MeasureItemDocument doc, int i, Dictionary<string, int> firstIndex, IReadOnlySet<string>? knownDimensions,
        Action<string, string> problem)
    {
        var path = $"items[{i}]";
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

        var range = doc.Range is { } r ? Range(r, path, name, Fail) : null;
        var options = Options(doc, path, name, Fail);
        var reverse = doc.Reverse ?? false;
        if (reverse && doc.Range is null)
        {
            Fail($"{path}.reverse", $"Item {name} is reverse-scored but declares no range: reverse scoring reflects an answer within the range (min + max − answer), so add \"range\": {{\"min\": ..., \"max\": ...}}.");
        }
        var critical = doc.Critical is { } c && itemOk ? Critical(c, new MeasureItem(id!, "", null, options, range, false, false, null), path, name, Fail) : null;
        return itemOk ? new MeasureItem(id!, doc.Text!.Trim(), dimension, options, range, reverse, doc.Optional ?? false, critical) : null;
    }

    private static AnswerRange? Range(MeasureRangeDocument r, string path, string name, Action<string, string> fail)
    {
        var rangeOk = true;
        if (r.Min is null || r.Max is null)
        {
            fail($"{path}.range", $"The range of item {name} needs both min and max.");
            rangeOk = false;
        }
        else if (!double.IsFinite(r.Min.Value) || !double.IsFinite(r.Max.Value) || r.Min >= r.Max)
        {
            fail($"{path}.range", $"The range of item {name} runs from {Num(r.Min.Value)} to {Num(r.Max.Value)}: min must be less than max.");
            rangeOk = false;
        }
        var step = r.Step ?? 1;
        if (!(step > 0) || !double.IsFinite(step))
        {
            fail($"{path}.range.step", $"The step of item {name} must be greater than 0.");
            rangeOk = false;
        }
        else if (rangeOk)
        {
            var steps = (r.Max!.Value - r.Min!.Value) / step;
            if (Math.Abs(steps - Math.Round(steps)) > 1e-9)
            {
                fail($"{path}.range.step", $"The step {Num(step)} of item {name} does not divide its range {Num(r.Min.Value)} to {Num(r.Max.Value)} into whole steps.");
                rangeOk = false;
            }
        }
        OptionalText(r.MinLabel, $"{path}.range.minLabel", 200, fail);
        OptionalText(r.MaxLabel, $"{path}.range.maxLabel", 200, fail);
        return rangeOk ? new AnswerRange(r.Min!.Value, r.Max!.Value, step, Trimmed(r.MinLabel), Trimmed(r.MaxLabel)) : null;
    }

    private static List<AnswerOption> Options(MeasureItemDocument doc, string path, string name, Action<string, string> fail)
    {
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
                    fail($"{optionPath}.value", $"Option {o + 1} of item {name} has no numeric value.");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(option.Label))
                {
                    fail($"{optionPath}.label", $"Option {o + 1} of item {name} has no label.");
                }
                else if (option.Label.Length > 200)
                {
                    fail($"{optionPath}.label", $"Option {o + 1} of item {name} has a label longer than 200 characters.");
                }
                if (!values.Add(value))
                {
                    fail($"{optionPath}.value", $"Item {name} offers the value {Num(value)} twice; each option needs its own value.");
                }
                if (doc.Range is { Min: { } min, Max: { } max } && (value < min || value > max))
                {
                    fail($"{optionPath}.value", $"Option value {Num(value)} of item {name} is outside the item's declared range {Num(min)} to {Num(max)}.");
                }
                options.Add(new AnswerOption(value, option.Label?.Trim() ?? ""));
            }
        }
        else if (doc.Range is null)
        {
            fail(path, $"Item {name} has no answer options and no range: give options (each a value with a label) or a numeric range {{min, max}}.");
        }
        if (doc.Options is { Count: 1 })
        {
            fail($"{path}.options", $"Item {name} offers a single option; an answer needs at least two to choose from.");
        }
        return options;
    }

    /// <summary>A critical rule, checked against the answers <paramref name="probe"/> (the item so far) accepts.</summary>
    private static CriticalRule Critical(MeasureCriticalDocument c, MeasureItem probe, string path, string name, Action<string, string> fail)
    {
        var criticalValues = c.Values ?? [];
        if (criticalValues.Count == 0 && c.AtOrAbove is null && c.AtOrBelow is null)
        {
            fail($"{path}.critical", $"The critical rule of item {name} names no answers: give \"values\", \"atOrAbove\" or \"atOrBelow\".");
        }
        foreach (var value in criticalValues)
        {
            if (!probe.Accepts(value))
            {
                fail($"{path}.critical.values", $"The critical value {Num(value)} of item {name} is not one of its possible answers.");
            }
        }
        foreach (var (threshold, field) in new[] { (c.AtOrAbove, "atOrAbove"), (c.AtOrBelow, "atOrBelow") })
        {
            if (threshold is { } t && (t < probe.MinValue || t > probe.MaxValue))
            {
                fail($"{path}.critical.{field}", $"The critical threshold {Num(t)} of item {name} is outside its answers {Num(probe.MinValue)} to {Num(probe.MaxValue)}.");
            }
        }
        return new CriticalRule(criticalValues.Distinct().ToList(), c.AtOrAbove, c.AtOrBelow);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ItemIdPattern();
}
