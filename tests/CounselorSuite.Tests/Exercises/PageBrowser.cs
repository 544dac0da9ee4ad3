using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Tests.Exercises;

/// <summary>
/// A cookie-signed-in browser for page tests: keeps cookies, follows what a browser would post (every
/// field of a form, the pressed button, the antiforgery token) and parses pages with AngleSharp.
/// </summary>
/// <remarks>
/// The branch has no sign-in page yet, so the session cookie is issued the way the cookie handler
/// would issue it after a password sign-in (same principal factory, same data protection). Once the
/// login page exists this can post the login form instead.
/// </remarks>
internal sealed class PageBrowser : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private PageBrowser(HttpClient http) => _http = http;

    /// <summary>Signs in through the real sign-in form, as a person would.</summary>
    public static async Task<PageBrowser> SignInAsync(TestApp app, string email, string password = ApiClient.Password)
    {
        var browser = new PageBrowser(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
        }));
        var form = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/login"));
        var token = Browser.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        var signIn = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.LoginName"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
            }),
        });
        await signIn.EnsureStatusAsync(HttpStatusCode.Redirect);
        return browser;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=');
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>GETs a page, following redirects, and expects a 200 page.</summary>
    public async Task<IHtmlDocument> OpenAsync(string url)
    {
        var response = await FollowAsync(await GetAsync(url));
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await ParseAsync(response);
    }

    /// <summary>Submits a form as a browser would: its fields, changed by <paramref name="change"/>, and the pressed button.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IElement? button = null,
        Action<List<KeyValuePair<string, string>>>? change = null, string? pageUrl = null)
    {
        var fields = Fields(form);
        if (button?.GetAttribute("name") is { } name)
        {
            fields.Add(new(name, button.GetAttribute("value") ?? ""));
        }
        change?.Invoke(fields);
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? pageUrl ?? form.Owner!.Url : action;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
    }

    /// <summary>Follows redirects with GETs, as a browser does after a post.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            response = await GetAsync(response.Headers.Location!.ToString());
        }
        return response;
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document;
    }

    /// <summary>The fields a browser would send for a form: enabled, named, checked boxes only, no buttons.</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) { fields.Add(new(name, input.Value)); }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null) { fields.Add(new(name, selected.Value)); }
                    break;
            }
        }
        return fields;
    }

    public void Dispose() => _http.Dispose();
}

internal static class FormFieldsExtensions
{
    public static void Set(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0) { fields.Add(new(name, value)); }
        else { fields[index] = new(name, value); }
    }

    public static string Get(this List<KeyValuePair<string, string>> fields, string name) => fields.Single(f => f.Key == name).Value;
}
