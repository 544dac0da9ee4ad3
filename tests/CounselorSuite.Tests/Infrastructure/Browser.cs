using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript: keeps cookies, does not follow redirects (tests assert on them), and
/// posts forms with the antiforgery token of the page the form is on, as a real form post does.
/// </summary>
public sealed partial class Browser : IDisposable
{
    public HttpClient Http { get; }

    public Browser(TestApp app)
    {
        Http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public static async Task<Browser> SignedInAsync(TestApp app, string login, string password = ApiClient.Password)
    {
        var browser = new Browser(app);
        var response = await browser.SignInAsync(login, password);
        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
        return browser;
    }

    public Task<HttpResponseMessage> SignInAsync(string login, string password = ApiClient.Password) =>
        PostFormAsync("/account/login", new() { ["Input.LoginName"] = login, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>The page's HTML, after checking its status.</summary>
    public async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        await response.EnsureStatusAsync(expected);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="pageUrl"/>, takes its antiforgery token, and posts the fields to
    /// <paramref name="action"/> (default: the page itself, or a handler as "?handler=Name").</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var page = await Http.GetAsync(pageUrl);
        await page.EnsureStatusAsync(HttpStatusCode.OK);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await PostRawAsync(action is null ? pageUrl : action.StartsWith('?') ? pageUrl.Split('?')[0] + action : action,
            new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }

    /// <summary>After a post-redirect-get: checks the redirect and returns the page it leads to.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
        return await PageAsync(response.Headers.Location!.OriginalString);
    }

    public Task<HttpResponseMessage> PostRawAsync(string url, Dictionary<string, string> fields) =>
        Http.PostAsync(url, new FormUrlEncodedContent(fields));

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("The page has no form with an antiforgery token.");
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"[^>]*>""")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}

public static class Html
{
    /// <summary>The inner text of the first element with this id (tags stripped, entities decoded).</summary>
    public static string TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"""<(\w+)[^>]*\sid="{Regex.Escape(id)}"[^>]*>(.*?)</\1>""", RegexOptions.Singleline);
        if (!match.Success)
        {
            throw new Xunit.Sdk.XunitException($"No element with id '{id}' in the page.");
        }
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[2].Value, "<[^>]+>", "")).Trim();
    }

    /// <summary>The value attribute of the input with this id.</summary>
    public static string ValueOf(string html, string id)
    {
        var match = Regex.Match(html, $"""<input[^>]*\sid="{Regex.Escape(id)}"[^>]*\svalue="([^"]*)""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new Xunit.Sdk.XunitException($"No input with id '{id}' and a value.");
    }

    /// <summary>The HTML of the section with this id (sections are not nested in these pages).</summary>
    public static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new Xunit.Sdk.XunitException($"No element with id '{id}' in the page.");
        }
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    public static string Title(string html) => WebUtility.HtmlDecode(Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value);
}
