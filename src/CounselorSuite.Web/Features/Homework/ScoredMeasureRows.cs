using System.Text.Json;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Where a scored measure meets the homework tables: its result row and the dimension rows the homework loop
/// did not write. Here rather than in Measures, which scores answers but knows nothing of submissions.
/// </summary>
public static class ScoredMeasureRows
{
    /// <summary>
    /// Adds the measure result and the dimension rows the homework loop did not write (choice items and
    /// reverse items), to be saved in the same save as <paramref name="submission"/>.
    /// </summary>
    public static void AddTo(this ScoredMeasure measure, AppDbContext db, Submission submission, IReadOnlyList<ExercisePrompt> prompts)
    {
        db.MeasureResults.Add(new MeasureResult
        {
            PracticeId = submission.PracticeId, Id = Guid.CreateVersion7(submission.SubmittedAt), SubmissionId = submission.Id,
            AssignmentId = submission.AssignmentId, CaseId = submission.CaseId, ClientId = submission.ClientId,
            MeasureKey = measure.Measure.Key, MeasureVersion = measure.Measure.Version, Total = measure.Score.Total, Band = measure.Score.Band?.Label,
            BandConcern = measure.Score.Band?.Concern ?? false,
            Subscales = JsonSerializer.Serialize(measure.Score.Subscales.Select(s => new SubscaleValue(s.Key, s.Title, s.Score)), MeasureSubmissions.Json),
            At = submission.SubmittedAt,
        });
        foreach (var value in measure.Score.Dimensions)
        {
            var item = measure.Measure.Item(value.ItemId);
            var prompt = prompts.FirstOrDefault(p => p.Key == item.Id);
            if (prompt is null || (prompt.Kind == PromptKind.Scale && prompt.Dimension is not null)
                || !EnumNames.TryParse<ProgressDimension>(value.Dimension, out var dimension))
            {
                continue; // the homework loop stored it already as a Scale answer
            }
            var scored = item.Scored(value.Raw);
            if (!IsWhole(scored) || !IsWhole(value.Min) || !IsWhole(value.Max))
            {
                continue; // scale answers hold whole numbers; such an item still counts in the total
            }
            db.ScaleAnswers.Add(new ScaleAnswer
            {
                PracticeId = submission.PracticeId, SubmissionId = submission.Id,
                // A row of its own next to the prompt's: for a reverse item this holds the scored value
                // (higher = more of the dimension), as the chart and the export show it.
                PromptId = prompt.Kind == PromptKind.Scale ? ExercisePrompt.StableId(prompt.Id, "scored") : prompt.Id,
                ClientId = submission.ClientId, CaseId = submission.CaseId, Dimension = dimension,
                RawValue = (int)Math.Round(scored), Min = (int)Math.Round(value.Min), Max = (int)Math.Round(value.Max),
                AnsweredAt = submission.SubmittedAt, Screening = item.Critical is not null,
            });
        }
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
}
