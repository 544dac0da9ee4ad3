using Microsoft.AspNetCore.Mvc.Filters;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>Resolves the reader's time before a page handler runs, so handlers and markup read it without waiting.</summary>
public sealed class ReaderTimePageFilter(ReaderTimes times) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await times.GetCurrentAsync(context.HttpContext.RequestAborted);
        await next();
    }
}
