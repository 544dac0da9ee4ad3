using Microsoft.AspNetCore.Http.Features;

namespace CounselorSuite.Web.Infrastructure.Web;

/// <summary>
/// API bodies are small JSON documents; anything larger is refused with 413 before it is read. The
/// declared length is checked up front, and the server's own limit catches chunked bodies as they stream.
/// </summary>
public sealed class ApiBodySizeLimitMiddleware(RequestDelegate next)
{
    public const long MaxApiBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (context.Request.ContentLength > MaxApiBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 413, Title = $"The request body is larger than {MaxApiBodyBytes / 1024} KB." },
                });
                return;
            }
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = MaxApiBodyBytes;
            }
        }
        await next(context);
    }
}
