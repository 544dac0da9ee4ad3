namespace CounselorSuite.Web.Infrastructure.Web;

/// <summary>
/// Headers every response carries. Scripts come only from our own origin (no inline script), nothing
/// may frame the app, and no referrer leaves it: a referrer could tell another site that a client
/// came from a counseling portal.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard (operator only, behind its own credentials) is built on inline script and style.
    private const string OperatorDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/ops/jobs", StringComparison.OrdinalIgnoreCase) ? OperatorDashboardPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // API answers carry personal data: no browser or proxy keeps a copy (downloads set their own).
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
