using System.Linq.Expressions;
using CounselorSuite.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Jobs;

/// <summary>
/// Work across practices is one installation-wide job that enqueues one [PracticeJob] per practice; this is
/// that one step, shared by every recurring job. Practices are listed from the sign-in directory, the one
/// installation-wide table that names every practice (each has at least its admin's login): the
/// practices table itself is behind row-level security, so without a practice set it shows nothing.
/// </summary>
public sealed class PracticeFanOut(AppDbContext db, IBackgroundJobClient jobs)
{
    /// <returns>How many practices got a job.</returns>
    public async Task<int> EnqueueForEachPracticeAsync<TJob>(Func<Guid, Expression<Func<TJob, Task>>> jobFor, CancellationToken ct)
    {
        var practices = await db.LoginNames.AsNoTracking().Select(l => l.PracticeId).Distinct().ToListAsync(ct);
        foreach (var practiceId in practices)
        {
            jobs.Enqueue(jobFor(practiceId));
        }
        return practices.Count;
    }
}
