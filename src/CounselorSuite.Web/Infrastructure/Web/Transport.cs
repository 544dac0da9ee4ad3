using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Infrastructure.Web;

/// <summary>
/// How the app sits behind a reverse proxy and on the wire. Forwarded headers are trusted only from the
/// proxies configured in Proxy:KnownProxies / Proxy:KnownNetworks (so rate limits count the real client
/// and links get the real scheme); outside Development every cookie is Secure and HSTS is sent
/// (Security:HttpsOnly turns this off for a plain-HTTP try-out), and in Production mails' links need App:PublicBaseUrl.
/// </summary>
public static class Transport
{
    public static bool HttpsOnly(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:HttpsOnly", !environment.IsDevelopment());

    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nothing is trusted by default, not even loopback: only the proxies named in configuration.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        if (HttpsOnly(configuration, environment))
        {
            services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }
        if ((environment.IsProduction() || environment.IsStaging()) && string.IsNullOrWhiteSpace(configuration["App:PublicBaseUrl"]))
        {
            throw new InvalidOperationException(
                "App:PublicBaseUrl is not set. Links in mails (invitations, calendar feeds) are built from it, never from the request's Host header. Set App__PublicBaseUrl=https://your.host.");
        }
        return services;
    }

    /// <summary>
    /// Where links in mails and feeds point: App:PublicBaseUrl (required outside Development, checked at start-up),
    /// else the address of the request that asked (a developer's machine, the tests). No trailing slash.
    /// </summary>
    public static string LinkBase(IConfiguration configuration, string requestBaseUrl) =>
        (configuration["App:PublicBaseUrl"] ?? requestBaseUrl).TrimEnd('/');

    /// <summary>First in the pipeline, so everything after sees the real client address and scheme.</summary>
    public static WebApplication UseTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (HttpsOnly(app.Configuration, app.Environment))
        {
            app.UseHsts();
        }
        return app;
    }
}
