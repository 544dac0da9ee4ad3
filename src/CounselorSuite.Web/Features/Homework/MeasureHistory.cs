using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Data;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Writes a past submission of a measure exactly as the submission flow stores it (submission, scale
/// answers, measure result, occurrence submitted): for demo data and tests that need months of history.
/// </summary>
public static class MeasureHistory
{
    public static Submission AddSubmitted(AppDbContext db, ExerciseVersion version, MeasureDefinition measure, Occurrence occurrence,
        DateTimeOffset at, IReadOnlyList<PromptAnswer> answers)
    {
        var submission = new Submission
        {
            PracticeId = occurrence.PracticeId, Id = Guid.CreateVersion7(at), OccurrenceId = occurrence.Id, AssignmentId = occurrence.AssignmentId,
            CaseId = occurrence.CaseId, ClientId = occurrence.ClientId, ExerciseVersionId = version.Id, Answers = AnswerRules.Serialize(answers),
            AnswersHash = AnswerRules.Hash(occurrence.Id, answers), Screening = AnswerRules.IsScreening(version, answers), SubmittedAt = at,
        };
        db.Submissions.Add(submission);
        foreach (var answer in answers.Where(a => a.Value is not null))
        {
            var prompt = version.Prompts.First(p => p.Id == answer.PromptId);
            db.ScaleAnswers.Add(new ScaleAnswer
            {
                PracticeId = submission.PracticeId, SubmissionId = submission.Id, PromptId = prompt.Id, ClientId = submission.ClientId,
                CaseId = submission.CaseId, Dimension = prompt.Dimension, RawValue = answer.Value!.Value, Min = prompt.Min!.Value, Max = prompt.Max!.Value,
                AnsweredAt = at, Screening = version.SafetyScreening || prompt.Safety is not null,
            });
        }
        var values = MeasureSubmissions.ValuesOf(measure, version.Prompts, answers);
        new ScoredMeasure(measure, MeasureScorer.Score(measure, values)).AddTo(db, submission, version.Prompts);
        occurrence.State = OccurrenceState.Submitted;
        occurrence.SubmittedAt = at;
        return submission;
    }

    /// <summary>A recurring measure assignment for one client with its occurrences (not yet added to the context).</summary>
    public static Assignment NewAssignment(Guid practiceId, ExerciseVersion version, Guid caseId, Guid clientId, Guid counselorId,
        DateTimeOffset start, int weeks, DateTimeOffset now)
    {
        var assignment = new Assignment
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(start), CaseId = caseId, Kind = AssignmentKind.Measure,
            ExerciseId = version.ExerciseId, ExerciseVersionId = version.Id, ClientIds = [clientId], Every = RecurrenceEvery.Week,
            Count = weeks, StartsAt = start, FirstDueAt = start.AddDays(7), Status = AssignmentStatus.Active, CreatedBy = counselorId,
            CreatedAt = start, UpdatedAt = now,
        };
        for (var week = 0; week < weeks; week++)
        {
            var due = start.AddDays(7 * (week + 1));
            assignment.Occurrences.Add(new Occurrence
            {
                PracticeId = practiceId, Id = Guid.CreateVersion7(due), AssignmentId = assignment.Id, CaseId = caseId, ClientId = clientId,
                Sequence = week + 1, AvailableAt = week == 0 ? start : due.AddDays(-7), DueAt = due, State = OccurrenceState.Assigned, UpdatedAt = now,
            });
        }
        return assignment;
    }
}
