using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// Work on the app's services outside a request, as a request or a job does it: in a scope bound to one
/// practice, in one unit of work (committed when the work returns, rolled back when it throws).
/// </summary>
public static class PracticeScope
{
    public static async Task<T> InPracticeAsync<T>(this TestApp app, Guid? practiceId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (practiceId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        }
        var result = default(T)!;
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .RunAsync(async () => result = await work(scope.ServiceProvider), CancellationToken.None);
        return result;
    }

    public static Task InPracticeAsync(this TestApp app, Guid? practiceId, Func<IServiceProvider, Task> work) =>
        app.InPracticeAsync<bool>(practiceId, async services =>
        {
            await work(services);
            return true;
        });

    public static Task<T> InPracticeAsync<T>(this TestApp app, Guid? practiceId, Func<AppDbContext, Task<T>> work) =>
        app.InPracticeAsync(practiceId, services => work(services.GetRequiredService<AppDbContext>()));

    public static Task InPracticeAsync(this TestApp app, Guid? practiceId, Func<AppDbContext, Task> work) =>
        app.InPracticeAsync(practiceId, services => work(services.GetRequiredService<AppDbContext>()));
}
