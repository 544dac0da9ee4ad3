using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Security;

/// <summary>
/// Safe by default: every endpoint and page the app maps refuses an anonymous caller, except the ones
/// listed here on purpose. A new route that forgets its policy fails this test instead of going public.
/// </summary>
public sealed class AuthorizationCoverageTests
{
    /// <summary>Route patterns open to everyone, and why.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "/", // sends each person to their start page, or to sign-in
        "/api/auth/register-practice", "/api/auth/confirm-registration", "/api/auth/login", "/api/auth/refresh", // signing in and registering
        "/api/auth/forgot-password", "/api/auth/reset-password", // a forgotten password
        "/api/invitations/accept", "/api/invitations/setup", // accepting an invitation or a setup code
        "/calendar/{token}.ics", // the token in the address is the credential
        "/health", "/openapi/{documentName}.json", "/theme.css",
        "/Account/Login", "/Account/LoginTwoFactor", "/Account/Logout", "/Account/Register", "/Account/Setup",
        "/Account/AcceptInvitation", "/Account/SignedOut", "/Account/Denied", "/Error", "/error/{code:int}",
        "/Help", // who to contact and the quick exit, readable before signing in
        "/Account/ForgotPassword", "/Account/ResetPassword", // a way back in for whoever lost their password
        "/Account/ConfirmRegistration", // the registration mail's link: its token is the credential
    };

    [Fact]
    public async Task Every_endpoint_and_page_refuses_an_anonymous_caller_unless_listed_as_public()
    {
        var app = await TestApp.SharedAsync();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 80, $"only {endpoints.Count} endpoints found");
        var open = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (Anonymous.Contains(pattern) || Anonymous.Contains(endpoint.DisplayName ?? "") || IsListedPage(endpoint))
            {
                continue;
            }
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern));
            var response = await anonymous.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
                || (response.StatusCode == HttpStatusCode.BadRequest && method != "GET" && !pattern.StartsWith("/api", StringComparison.Ordinal)); // a page post without its form token
            if (!refused)
            {
                open.Add($"{method} {pattern}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(open);
    }

    private static bool IsListedPage(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page && Anonymous.Contains(page.ViewEnginePath);

    private static string Fill(string pattern) => Regex.Replace(pattern, "{([^}]+)}", m =>
    {
        var constraint = m.Groups[1].Value;
        return constraint.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : constraint.Contains(":int", StringComparison.Ordinal) ? "1"
            : constraint.EndsWith('?') ? ""
            : "x";
    });
}
