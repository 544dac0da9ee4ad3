using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Infrastructure.Email;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Security;

/// <summary>Behind a proxy and on the wire: real client addresses, Secure cookies, HSTS, TLS to the mail server, no caching.</summary>
public sealed class TransportTests
{
    /// <summary>An app whose TCP peer a test chooses (X-Test-Peer), as a reverse proxy or a direct client would be.</summary>
    private sealed class PeerApp(TestDatabase database, Dictionary<string, string?> settings) : TestApp(database, settings: settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerFilter()));
        }
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static async Task<HttpStatusCode> LoginFromAsync(HttpClient client, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.test", password = "wrong-password-1" }),
        };
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Rate_limits_count_the_real_client_behind_a_known_proxy_and_ignore_forwarded_headers_from_anyone_else()
    {
        await using var app = new PeerApp(await TestDatabase.GetAsync(), new()
        {
            ["RateLimits:AuthPermitsPerMinute"] = "2",
            ["Proxy:KnownProxies:0"] = "10.0.0.1",
        });
        using var client = app.CreateClient();

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "10.0.0.1", "203.0.113.5"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "10.0.0.1", "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "10.0.0.1", "203.0.113.5"));
        // Another person behind the same proxy has attempts of their own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "10.0.0.1", "203.0.113.6"));

        // A client that is no known proxy cannot pick a fresh address for each attempt.
        await LoginFromAsync(client, "198.51.100.9", "203.0.113.7");
        await LoginFromAsync(client, "198.51.100.9", "203.0.113.8");
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync(client, "198.51.100.9", "203.0.113.9"));
    }

    [Fact]
    public async Task Outside_development_cookies_are_secure_and_hsts_is_sent()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync(), settings: new() { ["Security:HttpsOnly"] = "true" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Api_answers_are_never_cached()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.GetAsync($"/api/cases/{world.CaseId}");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData(587, true, SecureSocketOptions.StartTls)]
    [InlineData(465, true, SecureSocketOptions.SslOnConnect)]
    [InlineData(25, false, SecureSocketOptions.StartTlsWhenAvailable)]
    public void Mail_goes_to_the_server_over_tls_unless_configuration_turns_it_off(int port, bool requireTls, SecureSocketOptions expected) =>
        Assert.Equal(expected, new MailOptions { SmtpPort = port, RequireTls = requireTls }.SocketOptions);

    [Fact]
    public void Mail_requires_tls_by_default() => Assert.True(new MailOptions().RequireTls);
}
