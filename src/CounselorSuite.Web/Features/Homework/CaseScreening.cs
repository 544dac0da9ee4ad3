using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

    public static async Task<CaseScreening> OfAsync(AppDbContext db, Guid caseId, CancellationToken ct)
    {
        var screened =
            from s in db.Submissions
            where s.CaseId == caseId
            join o in db.Occurrences on s.OccurrenceId equals o.Id
            join a in db.Assignments on o.AssignmentId equals a.Id
            join v in db.ExerciseVersions on a.ExerciseVersionId equals v.Id
            where v.SafetyScreening
            select s.ClientId;
        var unscreened = await db.CaseClients.AsNoTracking()
            .Where(cc => cc.CaseId == caseId && !screened.Contains(cc.ClientId))
            .Select(cc => cc.ClientId).ToListAsync(ct);
        var openAlert = await db.SafetyAlerts.AnyAsync(a => a.CaseId == caseId && a.Status == SafetyAlertStatus.Open, ct);
        return new CaseScreening(unscreened, openAlert);
    }
}
