using System.Net;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>Helpers for page tests that sign in through the real sign-in form and post forms with their token.</summary>
public static class PageTestApp
{
    public static Task<TestApp> SharedPagesAsync() => TestApp.SharedAsync();

    /// <summary>
    /// A cookie-keeping client signed in by posting the sign-in form, as a person would: the same sign-in as
    /// <see cref="Browser.SignedInAsync"/>, for tests that hold a bare client.
    /// </summary>
    public static async Task<HttpClient> CookieSignInAsync(this TestApp app, string email, string password = ApiClient.Password) =>
        (await Browser.SignedInAsync(app, email, password)).Http;

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(Browser.AntiforgeryToken(await client.GetStringAsync(url)));
}
