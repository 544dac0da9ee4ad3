using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounselorSuite.Web.Infrastructure.Pages;

/// <summary>Policies for the server-rendered pages: cookie sign-in only (the API takes bearer tokens only).</summary>
public static class PageAuth
{
    public const string Staff = "page-staff";
    public const string Admin = "page-admin";
    public const string Client = "page-client";
    public const string SignedIn = "page-signed-in";
}

/// <summary>
/// Everything the Razor pages need beyond AddRazorPages: role policies per folder, the mandatory
/// two-factor filter for staff, the cookie events (practice binding, client inactivity, 403 instead of a
/// redirect), friendly status code pages outside /api, and the practice's accent colour as CSS.
/// </summary>
public static class PageSetup
{
    private const string LastActivity = "cs.last-activity";
    private const string IdleSignOut = "cs.idle-sign-out";
    public const string SignedOutPath = "/account/signed-out";

    public static IServiceCollection AddAppPages(this IServiceCollection services)
    {
        // Pages write people's words: "4:00–4:50 pm", "don’t", names in any script. The default encoder
        // turns every non-ASCII letter into an entity (&#x2013;), which bloats pages and breaks copy from
        // the source; markup characters (< > & " ') are still encoded whatever the ranges.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Counselor", PageAuth.Staff);
            o.Conventions.AuthorizeFolder("/Admin", PageAuth.Admin);
            o.Conventions.AuthorizeFolder("/Portal", PageAuth.Client);
            o.Conventions.AuthorizePage("/Account/Security", PageAuth.SignedIn);
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<Input.InputGuardPageFilter>();
            o.Filters.Add<StaffTwoFactorPageFilter>();
        });
        // Typed page links (asp-page, RedirectToPage) write the addresses people see and tests expect:
        // "/account/login", not the page's folder name "/Account/Login".
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.AddAuthorizationBuilder()
            .AddPolicy(PageAuth.SignedIn, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(PageAuth.Staff, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.PracticeAdmin, Roles.Counselor))
            .AddPolicy(PageAuth.Admin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.PracticeAdmin))
            .AddPolicy(PageAuth.Client, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Client));

        services.ConfigureApplicationCookie(ConfigureCookieEvents);
        services.AddScoped<PracticeLook>();
        return services;
    }

    private static void ConfigureCookieEvents(CookieAuthenticationOptions o)
    {
        o.Events.OnSigningIn = context =>
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items[LastActivity] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        // A signed-in person without the role gets a 403 page in place, not a redirect that hides
        // the status from the browser and from tests.
        // (The defaults stay in charge of API endpoints, which get a bare 401 or 403.)
        var defaultDenied = o.Events.OnRedirectToAccessDenied;
        o.Events.OnRedirectToAccessDenied = context =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return defaultDenied(context);
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        var defaultLogin = o.Events.OnRedirectToLogin;
        o.Events.OnRedirectToLogin = context =>
        {
            // After an inactivity sign-out the next page is a neutral one, without a return URL
            // that would name where the client was.
            if (context.HttpContext.Items.ContainsKey(IdleSignOut) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(SignedOutPath);
                return Task.CompletedTask;
            }
            return defaultLogin(context);
        };
    }

    /// <summary>
    /// Runs on every request with a session cookie, before the practice middleware: binds the practice,
    /// ends the session when the user's security stamp has changed since it began (sign-out, "sign out
    /// everywhere", a password change or reset, two-factor turned on or off, an admin disabling the
    /// account: all change the stamp), and signs a client out after the practice's inactivity time, so a
    /// phone left unlocked does not stay in the portal. One statement per request (<see cref="SessionFacts"/>).
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var practiceId = principal.PracticeIdOf();
        var tenant = services.GetRequiredService<TenantContext>();
        if (practiceId == Guid.Empty || (tenant.HasPractice && tenant.PracticeId != practiceId))
        {
            context.RejectPrincipal();
            return;
        }
        tenant.Set(practiceId);

        var db = services.GetRequiredService<AppDbContext>();
        var facts = await SessionFacts.LoadAsync(db, principal.UserId(), context.HttpContext.RequestAborted);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (facts is null || facts.SecurityStamp is null || facts.SecurityStamp != principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        facts.KeepFor(context.HttpContext);

        if (principal.IsClient())
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var known = context.Properties.Items.TryGetValue(LastActivity, out var raw)
                && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var last)
                && now - last <= TimeSpan.FromMinutes(Math.Max(facts.PortalInactivityMinutes, 1));
            if (!known)
            {
                context.RejectPrincipal();
                context.HttpContext.Items[IdleSignOut] = true;
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            context.Properties.Items[LastActivity] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }

        // Identity's own validator still refreshes the principal's claims (roles, name) every 30 minutes.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Outside /api, a bare 4xx or 5xx status becomes a friendly HTML page (the request is run again at
    /// /error/{code}); /api keeps its problem details.
    /// </summary>
    public static WebApplication UseAppStatusCodePages(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    public static WebApplication MapAppPages(this WebApplication app)
    {
        app.MapRazorPages();
        // The practice's accent colour, as a stylesheet: the CSP allows no inline styles.
        app.MapGet("/theme.css", async (PracticeLook look, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "private, max-age=300";
            var practice = await look.GetAsync(http.RequestAborted);
            var css = practice is null ? "" : $":root {{ --accent: {practice.AccentColor}; }}\n";
            return Results.Text(css, "text/css");
        }).ExcludeFromDescription().AllowAnonymous(); // the sign-in page uses it too
        return app;
    }
}
