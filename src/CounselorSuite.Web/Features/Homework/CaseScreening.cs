using CounselorSuite.Web.Infrastructure.Data;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>
/// Where a case stands on safety before a counselor assigns an exercise that could be turned against a
/// coerced partner: which of its clients have not yet sent a safety screening (an exercise marked as one,
/// such as the private check-in), and whether a safety alert is open.
/// </summary>
public sealed record CaseScreening(IReadOnlyList<Guid> Unscreened, bool OpenAlert)
{
    /// <summary>Exercises marked "after safety screening" suit the case now.</summary>
    public bool Clear => Unscreened.Count == 0 && !OpenAlert;

    /// <summary>The clients of the case who have sent a safety screening (read per client by <see cref="HomeworkQueries.CaseClients"/>).</summary>
    public static IQueryable<Guid> ScreenedClients(AppDbContext db, Guid caseId) =>
        from s in db.Submissions
        where s.CaseId == caseId
        join o in db.Occurrences on s.OccurrenceId equals o.Id
        join a in db.Assignments on o.AssignmentId equals a.Id
        join v in db.ExerciseVersions on a.ExerciseVersionId equals v.Id
        where v.SafetyScreening
        select s.ClientId;
}
