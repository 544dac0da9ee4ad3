using System.Text.Json;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>A submitted measure, scored: what ClientWork saves with the submission.</summary>
public sealed record ScoredMeasure(MeasureDefinition Measure, MeasureScore Score)
{
    public bool RaisesSafetyAlert => Score.RaisesSafetyAlert;
}

public sealed record SubscaleValue(string Key, string Title, double Score);

/// <summary>
/// The measure side of a homework submission. ClientWork (Homework) calls <see cref="ScoreAsync"/> before it
/// writes anything and ScoredMeasureRows.AddTo (Homework) into the same save, so a submission and its score
/// are stored together or not at all.
/// </summary>
public static class MeasureSubmissions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Null when <paramref name="version"/> carries no measure (an ordinary exercise) — check <paramref name="errors"/>:
    /// answers that cannot be scored (a required item left out) are added there, per item.
    /// </summary>
    public static async Task<ScoredMeasure?> ScoreAsync(AppDbContext db, TimeProvider clock, ExerciseVersion version,
        IReadOnlyList<PromptAnswer> answers, FieldErrors errors, CancellationToken ct)
    {
        var measure = await MeasureForms.MeasureOfAsync(db, clock, version.Id, ct);
        if (measure is null)
        {
            return null;
        }
        var values = ValuesOf(measure, version.Prompts, answers);
        var problems = MeasureScorer.CheckAnswers(measure, values);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                var prompt = version.Prompts.FirstOrDefault(p => "answers." + p.Key == problem.Path);
                errors.Add(prompt is null ? "answers" : $"answers[{prompt.Id}]", problem.Message.Replace("is not answered", "needs an answer: every item of a questionnaire counts in its score", StringComparison.Ordinal));
            }
            return null;
        }
        return new ScoredMeasure(measure, MeasureScorer.Score(measure, values));
    }

    /// <summary>
    /// Whether the answers so far (a draft) hit a critical rule of the measure behind <paramref name="version"/>:
    /// the same rules a submit scores, whatever kind ("values", "atOrAbove", "atOrBelow") and prompt.
    /// </summary>
    public static async Task<bool> HitsCriticalRuleAsync(AppDbContext db, TimeProvider clock, ExerciseVersion version,
        IReadOnlyList<PromptAnswer> answers, CancellationToken ct)
    {
        var measure = await MeasureForms.MeasureOfAsync(db, clock, version.Id, ct);
        return measure is not null && MeasureScorer.CriticalHits(measure, ValuesOf(measure, version.Prompts, answers)).Count > 0;
    }

    /// <summary>The answers as item id → value: a scale's number, or the value behind a choice's label.</summary>
    public static Dictionary<string, double> ValuesOf(MeasureDefinition measure, IReadOnlyList<ExercisePrompt> prompts, IReadOnlyList<PromptAnswer> answers)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var prompt = prompts.FirstOrDefault(p => p.Id == answer.PromptId);
            var item = prompt?.Key is { } key ? measure.Items.FirstOrDefault(i => i.Id == key) : null;
            if (item is null)
            {
                continue;
            }
            if (answer.Value is { } number)
            {
                values[item.Id] = number;
            }
            else if (answer.Choices is [var label])
            {
                foreach (var v in MeasureForms.Values(item))
                {
                    if (MeasureForms.ChoiceLabel(item, v) == label)
                    {
                        values[item.Id] = v;
                    }
                }
            }
        }
        return values;
    }
}
