using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>Helpers for page tests that sign in through the real sign-in form and post forms with their token.</summary>
public static partial class PageTestApp
{
    public static Task<TestApp> SharedPagesAsync() => TestApp.SharedAsync();

    /// <summary>A cookie-keeping client signed in by posting the sign-in form, as a person would.</summary>
    public static async Task<HttpClient> CookieSignInAsync(this TestApp app, string email, string password = ApiClient.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await FormTokenAsync(client, "/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.LoginName"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
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
}
