namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// Runs a request's database work as one unit of work: one connection, one transaction bound to the
/// practice. It commits before the response starts, so a failed commit becomes an error response rather
/// than a 200 for work that was lost; it rolls back when the request throws. A response that starts
/// while the page still renders (a large page flushes, a download streams) commits at that moment and
/// goes on in a new transaction, committed when the request ends.
/// </summary>
public sealed class UnitOfWorkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, UnitOfWork work)
    {
        await work.BeginAsync(context.RequestAborted);
        context.Response.OnStarting(() => work.IsActive ? work.CheckpointAsync(CancellationToken.None) : Task.CompletedTask);
        try
        {
            await next(context);
        }
        catch
        {
            await work.RollbackAsync();
            throw;
        }
        await work.CommitAsync(CancellationToken.None);
    }
}
