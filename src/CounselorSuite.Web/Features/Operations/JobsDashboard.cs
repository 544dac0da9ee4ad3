using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;

namespace CounselorSuite.Web.Features.Operations;

/// <summary>
/// Hangfire's dashboard shows every practice's jobs, so it belongs to the operator of the installation
/// only: a person outside every practice, named by configuration (Operator:UserName and
/// Operator:Password, given as secrets), signing in with HTTP Basic over TLS. Without that configuration
/// the dashboard is not mapped at all. Practices see their own jobs' states through their own pages.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/ops/jobs";

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var user = configuration["Operator:UserName"];
        var password = configuration["Operator:Password"];
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password) || password.Length < 16)
        {
            return app;
        }
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new OperatorOnly(user, password)],
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = _ => false,
        }).AllowAnonymous(); // the operator is no practice user: the dashboard checks its own credentials
        return app;
    }

    private sealed class OperatorOnly(string user, string password) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
                && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
                && header.Parameter is { } encoded
                && Matches(encoded))
            {
                return true;
            }
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"operator\", charset=\"UTF-8\"";
            return false;
        }

        private bool Matches(string encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return false;
            }
            var expected = Encoding.UTF8.GetBytes($"{user}:{password}");
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), expected);
        }
    }
}
