using System.Linq.Expressions;
using Hangfire;

namespace CounselorSuite.Web.Infrastructure.Jobs;

public static class RecurringJobs
{
    /// <summary>
    /// Registers a recurring job when this process runs a job server (the web host by default, or
    /// --worker-only); test hosts, which run jobs by hand, leave it out. One line per feature.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id,
        Expression<Func<TJob, Task>> job, string cron) =>
        services.AddSingleton<IHostedService>(sp => new Registration(sp.GetRequiredService<IConfiguration>(),
            () => sp.GetRequiredService<IRecurringJobManager>().AddOrUpdate(id, job, cron)));

    private sealed class Registration(IConfiguration configuration, Action register) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (configuration.GetValue("Jobs:RunServer", true))
            {
                register();
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
