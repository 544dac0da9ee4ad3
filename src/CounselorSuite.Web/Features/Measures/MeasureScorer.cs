using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Features.Measures;

public sealed record SubscaleScore(string Key, string Title, double Score, ScoreRange Range);

/// <summary>A critical item answered with a value that must raise a safety alert.</summary>
public sealed record CriticalHit(string ItemId, string? Dimension, double Value);

/// <summary>One answer as it feeds its dimension's time series: raw, its scale, and 0-100 after reversal.</summary>
public sealed record DimensionValue(string Dimension, string ItemId, double Raw, double Min, double Max, double Normalised);

public sealed record MeasureScore(
    double Total,
    ScoreRange Range,
    CutOff? Band,
    IReadOnlyList<SubscaleScore> Subscales,
    IReadOnlyList<CriticalHit> CriticalHits,
    IReadOnlyList<DimensionValue> Dimensions)
{
    public bool RaisesSafetyAlert => CriticalHits.Count > 0;
}

/// <summary>Scores a set of answers (item id → raw answer value) against a validated measure.</summary>
public static class MeasureScorer
{
    /// <summary>Every reason the answers cannot be scored: unknown items, values not offered, required items missing.</summary>
    public static IReadOnlyList<MeasureProblem> CheckAnswers(MeasureDefinition measure, IReadOnlyDictionary<string, double> answers)
    {
        var problems = new List<MeasureProblem>();
        var items = measure.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, value) in answers)
        {
            if (!items.TryGetValue(id, out var item))
            {
                problems.Add(new MeasureProblem($"answers.{id}", $"The measure has no item \"{id}\"."));
            }
            else if (!item.Accepts(value))
            {
                problems.Add(new MeasureProblem($"answers.{id}", $"{MeasureValidator.Num(value)} is not a possible answer to item \"{id}\"."));
            }
        }
        foreach (var item in measure.Items.Where(i => !i.Optional && !answers.ContainsKey(i.Id)))
        {
            problems.Add(new MeasureProblem($"answers.{item.Id}", $"Item \"{item.Id}\" is not answered."));
        }
        return problems;
    }

    /// <summary>
    /// The critical items hit by the answers given so far. Works on incomplete answers on purpose: a
    /// danger signal must raise an alert even when the rest of the measure was never finished.
    /// Critical rules read the raw answer, before any reversal.
    /// </summary>
    public static IReadOnlyList<CriticalHit> CriticalHits(MeasureDefinition measure, IReadOnlyDictionary<string, double> answers) =>
        measure.Items
            .Where(i => i.Critical is not null && answers.TryGetValue(i.Id, out var raw) && i.Accepts(raw) && i.Critical.IsHit(raw))
            .Select(i => new CriticalHit(i.Id, i.Dimension, answers[i.Id]))
            .ToList();

    /// <summary>Scores complete, valid answers. Throws <see cref="ArgumentException"/> when <see cref="CheckAnswers"/> finds problems.</summary>
    public static MeasureScore Score(MeasureDefinition measure, IReadOnlyDictionary<string, double> answers)
    {
        var problems = CheckAnswers(measure, answers);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The answers cannot be scored: {string.Join(" ", problems.Select(p => p.Message))}", nameof(answers));
        }
        var total = Combine(measure.Method, measure.TotalItemIds.Select(id => measure.Item(id).Scored(answers[id])));
        var subscales = measure.Subscales
            .Select(s => new SubscaleScore(s.Key, s.Title, Combine(s.Method, s.ItemIds.Select(id => measure.Item(id).Scored(answers[id]))), s.Range))
            .ToList();
        var dimensions = measure.Items
            .Where(i => i.Dimension is not null && answers.ContainsKey(i.Id))
            .Select(i =>
            {
                var raw = answers[i.Id];
                // Reversal first, so that higher always means more of the dimension on the chart.
                return new DimensionValue(i.Dimension!, i.Id, raw, i.MinValue, i.MaxValue, Normalisation.ToPercent(i.Scored(raw), i.MinValue, i.MaxValue));
            })
            .ToList();
        return new MeasureScore(total, measure.ScoreRange, measure.BandOf(total), subscales, CriticalHits(measure, answers), dimensions);
    }

    private static double Combine(ScoreMethod method, IEnumerable<double> values)
    {
        var list = values.ToList();
        return method == ScoreMethod.Sum ? list.Sum() : list.Average();
    }
}
