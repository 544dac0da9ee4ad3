using static CounselorSuite.Web.Features.Measures.MeasureValidator;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>
/// The cut-offs of a measure definition: labelled bands of the total score, inclusive at both ends, inside the
/// score's range and not overlapping. Part of <see cref="MeasureValidator"/>.
/// </summary>
internal static class MeasureCutOffRules
{
    public static List<CutOff>? Validate(IReadOnlyList<MeasureCutOffDocument>? documents, ScoreRange? range, Action<string, string> problem)
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
}
