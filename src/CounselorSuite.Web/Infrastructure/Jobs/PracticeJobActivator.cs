using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Hangfire.AspNetCore;

namespace CounselorSuite.Web.Infrastructure.Jobs;

/// <summary>
/// Marks a job method whose first argument is the practice id. The activator restores that practice in
/// the job's scope before the job runs, and refuses to run such a job without one.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PracticeJobAttribute : Attribute;

/// <summary>
/// Creates each job's DI scope and binds it to the job's practice. Every job is either marked
/// [PracticeJob] (practice id first) or installation-wide (for example the fan-out that enqueues one
/// job per practice); a job that touches tenant data without a practice sees nothing, by RLS.
/// </summary>
public sealed class PracticeJobActivator(IServiceScopeFactory scopeFactory) : AspNetCoreJobActivator(scopeFactory)
{
    public override JobActivatorScope BeginScope(JobActivatorContext context)
    {
        var scope = base.BeginScope(context);
        var job = context.BackgroundJob.Job;
        if (job.Method.GetCustomAttributes(typeof(PracticeJobAttribute), inherit: true).Length > 0)
        {
            if (job.Args.Count == 0 || job.Args[0] is not Guid practiceId || practiceId == Guid.Empty)
            {
                scope.DisposeScope();
                throw new InvalidOperationException($"Job {job.Type.Name}.{job.Method.Name} needs a practice id as its first argument.");
            }
            var tenant = (TenantContext)scope.Resolve(typeof(TenantContext));
            tenant.Set(practiceId);
        }
        return scope;
    }
}
