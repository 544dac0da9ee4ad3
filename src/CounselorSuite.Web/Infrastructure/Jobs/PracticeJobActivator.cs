using System.Runtime.CompilerServices;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Server;

namespace CounselorSuite.Web.Infrastructure.Jobs;

/// <summary>
/// Marks a job method whose first argument is the practice id. The activator restores that practice in
/// the job's scope and begins the job's unit of work before the job runs, and refuses to run such a job
/// without one. As a server filter it ends that unit of work once the job has run: committed when the job
/// succeeded, rolled back when it threw (a job that must keep something despite failing checkpoints it).
/// </summary>
/// <remarks>
/// Hangfire disposes the activator's scope before the filters hear how the job ended, so the scope is
/// handed over to the filter, keyed by the background job both of them see, and disposed there.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PracticeJobAttribute : JobFilterAttribute, IServerFilter
{
    internal static readonly ConditionalWeakTable<BackgroundJob, PracticeJobScope.Handover> Handovers = new();

    public void OnPerforming(PerformingContext context) => Handovers.AddOrUpdate(context.BackgroundJob, new PracticeJobScope.Handover());

    public void OnPerformed(PerformedContext context)
    {
        if (Handovers.TryGetValue(context.BackgroundJob, out var handover))
        {
            Handovers.Remove(context.BackgroundJob);
            handover.Scope?.End(succeeded: context.Exception is null || context.ExceptionHandled);
        }
    }
}

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
        if (job.Method.GetCustomAttributes(typeof(PracticeJobAttribute), inherit: true).Length == 0)
        {
            return scope;
        }
        if (job.Args.Count == 0 || job.Args[0] is not Guid practiceId || practiceId == Guid.Empty)
        {
            scope.DisposeScope();
            throw new InvalidOperationException($"Job {job.Type.Name}.{job.Method.Name} needs a practice id as its first argument.");
        }
        var tenant = (TenantContext)scope.Resolve(typeof(TenantContext));
        tenant.Set(practiceId);
        var work = (UnitOfWork)scope.Resolve(typeof(UnitOfWork));
        work.Begin();
        var practiceScope = new PracticeJobScope(scope, work);
        if (PracticeJobAttribute.Handovers.TryGetValue(context.BackgroundJob, out var handover))
        {
            handover.Scope = practiceScope;
            practiceScope.HandedOver = true;
        }
        return practiceScope;
    }
}

/// <summary>A [PracticeJob]'s scope: its unit of work ends with the job, in the filter.</summary>
public sealed class PracticeJobScope(JobActivatorScope inner, UnitOfWork work) : JobActivatorScope
{
    public sealed class Handover
    {
        public PracticeJobScope? Scope { get; set; }
    }

    internal bool HandedOver { get; set; }

    public override object Resolve(Type type) => inner.Resolve(type);

    public override void DisposeScope()
    {
        if (!HandedOver)
        {
            // No filter will say how the job ended (it ran outside Hangfire's performer): keep nothing unsure.
            End(succeeded: false);
        }
    }

    internal void End(bool succeeded)
    {
        try
        {
            if (succeeded)
            {
                work.Commit();
            }
            else
            {
                work.Rollback();
            }
        }
        finally
        {
            inner.DisposeScope();
        }
    }
}
