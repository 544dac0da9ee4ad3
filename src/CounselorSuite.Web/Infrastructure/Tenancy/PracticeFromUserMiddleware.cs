using CounselorSuite.Web.Infrastructure.Auth;

namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>Binds the request to the signed-in user's practice before any endpoint runs.</summary>
public sealed class PracticeFromUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var practiceId = context.User.PracticeIdOf();
            if (practiceId != Guid.Empty)
            {
                tenant.Set(practiceId);
            }
        }
        return next(context);
    }
}
