using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// The app with one extra, test-only door: POST /test-only/cookie-sign-in?email= signs that account in with
/// the page cookie, as the login page would. Page tests use it until they can post the real login form.
/// </summary>
public sealed partial class PageTestApp : TestApp
{
    private static readonly Lazy<Task<PageTestApp>> Shared = new(async () => new PageTestApp(await TestDatabase.GetAsync()));

    private PageTestApp(TestDatabase database) : base(database) { }

    public static Task<PageTestApp> SharedPagesAsync() => Shared.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, CookieSignInDoor>());
    }

    public async Task<HttpClient> CookieSignInAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/test-only/cookie-sign-in?email=" + Uri.EscapeDataString(email), null);
        await response.EnsureStatusAsync(HttpStatusCode.NoContent);
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"No antiforgery token on {url}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class CookieSignInDoor : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: a mapped branch sets PathBase, and the cookie would be scoped to that path.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != "/test-only/cookie-sign-in")
                {
                    await nextMiddleware();
                    return;
                }
                var email = context.Request.Query["email"].ToString();
                var services = context.RequestServices;
                if (!await services.GetRequiredService<SignInDirectory>().BindPracticeOfAsync(email, context.RequestAborted)
                    || await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(email) is not { } user)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await services.GetRequiredService<SignInManager<AppUser>>().SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
