using static CounselorSuite.Web.Features.Measures.MeasureValidator;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>The scoring rule as read: the total's method and items, and the subscales.</summary>
internal sealed record ScoringRead(ScoreMethod Method, bool MethodOk, IReadOnlyList<string>? TotalItems, List<Subscale> Subscales);

/// <summary>
/// The scoring rule of a measure definition: sum or mean, which items the total uses, subscales, and that
/// no scored item is optional. Part of <see cref="MeasureValidator"/>.
/// </summary>
internal static class MeasureScoringRules
{
    public static ScoringRead Validate(MeasureDocument document, List<MeasureItem>? items, Dictionary<string, MeasureItem>? itemsById,
        Action<string, string> problem)
    {
        var scoring = document.Scoring;
        if (scoring is null)
        {
            problem("scoring", "The measure needs a scoring rule: {\"method\": \"Sum\"} or {\"method\": \"Mean\"}.");
            return new ScoringRead(default, false, null, []);
        }
        var methodOk = ParseMethod(scoring.Method, "scoring.method", problem, out var method);
        IReadOnlyList<string>? totalItems = null;
        if (scoring.Items is null)
        {
            totalItems = items?.Where(i => !i.Optional).Select(i => i.Id).ToList();
            if (totalItems is { Count: 0 })
            {
                problem("scoring.items", "Every item is optional, so the total score would use no items.");
                totalItems = null;
            }
        }
        else if (scoring.Items.Count == 0)
        {
            problem("scoring.items", "The total score uses no items: list at least one item id, or leave \"items\" out to use every item.");
        }
        else
        {
            totalItems = ItemList(scoring.Items, "scoring.items", "The total score", itemsById, problem);
        }

        var subscales = Subscales(scoring, itemsById, problem);
        if (items is not null)
        {
            var scored = new HashSet<string>(totalItems ?? [], StringComparer.Ordinal);
            scored.UnionWith(subscales.SelectMany(x => x.ItemIds));
            foreach (var item in items.Where(item => item.Optional && scored.Contains(item.Id)))
            {
                problem($"items[{IndexOf(document.Items!, item.Id)}].optional",
                    $"Item \"{item.Id}\" is marked optional but a score uses it; without prorating, every scored item must be answered.");
            }
        }
        return new ScoringRead(method, methodOk, totalItems, subscales);
    }

    /// <summary>The total's range: sum or mean of the items' lowest and highest answers (reversal keeps an item's range).</summary>
    public static ScoreRange RangeOf(ScoreMethod method, IEnumerable<MeasureItem> items)
    {
        var list = items.ToList();
        var min = list.Sum(i => i.MinValue);
        var max = list.Sum(i => i.MaxValue);
        return method == ScoreMethod.Sum ? new ScoreRange(min, max) : new ScoreRange(min / list.Count, max / list.Count);
    }

    private static List<Subscale> Subscales(MeasureScoringDocument scoring, Dictionary<string, MeasureItem>? itemsById, Action<string, string> problem)
    {
        var subscales = new List<Subscale>();
        var subscaleKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < (scoring.Subscales?.Count ?? 0); s++)
        {
            var sub = scoring.Subscales![s];
            var path = $"scoring.subscales[{s}]";
            if (sub is null)
            {
                problem(path, "A subscale is empty.");
                continue;
            }
            var subKey = sub.Key?.Trim();
            if (string.IsNullOrEmpty(subKey) || subKey.Length > 64 || !KeyPattern().IsMatch(subKey))
            {
                problem($"{path}.key", "Each subscale needs a key of lower-case letters, digits and dashes (at most 64).");
            }
            else if (!subscaleKeys.Add(subKey))
            {
                problem($"{path}.key", $"The subscale key \"{subKey}\" is used twice.");
            }
            RequireText(sub.Title, $"{path}.title", "Each subscale needs a title.", 200, problem);
            var subMethodOk = ParseMethod(sub.Method ?? scoring.Method, $"{path}.method", problem, out var subMethod);
            List<string>? subItems = null;
            if (sub.Items is null || sub.Items.Count == 0)
            {
                problem($"{path}.items", $"The subscale \"{subKey ?? sub.Title}\" lists no items: a subscale is a named group of item ids.");
            }
            else
            {
                subItems = ItemList(sub.Items, $"{path}.items", $"The subscale \"{subKey ?? sub.Title}\"", itemsById, problem);
            }
            if (subMethodOk && subItems is not null && itemsById is not null && subKey is not null && sub.Title is not null)
            {
                subscales.Add(new Subscale(subKey, sub.Title.Trim(), subMethod, subItems, RangeOf(subMethod, subItems.Select(id => itemsById[id]))));
            }
        }
        return subscales;
    }

    private static List<string>? ItemList(IReadOnlyList<string> ids, string path, string owner, Dictionary<string, MeasureItem>? itemsById, Action<string, string> problem)
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
}
