using System.Threading.RateLimiting;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounselorSuite.Web.Infrastructure;

public static class ServiceRegistration
{
    public const string SmartScheme = "cookie-or-bearer";

    /// <summary>Everything both the web host and the worker-only host need: data, tenancy, mail, jobs.</summary>
    public static IServiceCollection AddCoreServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = AppConnectionString.From(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(connectionString);
        services.AddScoped<TenantContext>();
        services.AddScoped<PendingWrites>();
        services.AddScoped<PracticeBinding>();
        services.AddScoped<BatchedReaders>();
        services.AddScoped<UnitOfWork>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(connectionString.Value, npgsql => npgsql.MigrationsAssembly("CounselorSuite.Migrations"))
            .UseSnakeCaseNamingConvention()
            // BatchedReaders first: a query it answers from a batch is not sent, so it needs no binding in front.
            .AddInterceptors(sp.GetRequiredService<BatchedReaders>(), sp.GetRequiredService<PracticeBinding>()));

        // The one way user Markdown becomes HTML, in pages and handouts alike.
        services.AddSingleton<Content.MarkdownRenderer>();
        // The reader's zone and locale, for pages and for jobs acting for a person.
        services.AddReaderTime();
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddScoped<PracticeFanOut>();
        services.AddSingleton<IMailSender, MailSender>();

        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString.Configured), new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromMilliseconds(configuration.GetValue("Jobs:QueuePollMilliseconds", 1000)),
                SchemaName = "hangfire",
                // The migrator installs the schema as the owner; the app's role may not create tables.
                PrepareSchemaIfNecessary = false,
                // Long renders would otherwise run twice after the fixed 30-minute timeout.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            }));
        // Registered in DI rather than globally, so each host's job server restores practices with its own
        // services (Hangfire's global configuration is static and shared by every host in a process).
        services.Replace(ServiceDescriptor.Singleton<JobActivator>(sp => new PracticeJobActivator(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }

    public static IServiceCollection AddIdentityAndSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppIdentity();
        services.AddSignInSchemes();

        services.AddDataProtection()
            .SetApplicationName("CounselorSuite")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cs_af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSignInRateLimits(configuration);

        services.AddMemoryCache();
        services.AddSingleton<SecurityStamps>();
        return services;
    }

    /// <summary>Identity with practice-scoped users: login names are unique through the sign-in directory, not by email.</summary>
    private static void AddAppIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false; // the sign-in directory keeps login names unique
                o.User.AllowedUserNameCharacters += "+";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<PracticeUserStore>()
            .AddRoleStore<Microsoft.AspNetCore.Identity.EntityFrameworkCore.RoleStore<AppRole, AppDbContext, Guid, AppUserRole, AppRoleClaim>>()
            .AddClaimsPrincipalFactory<PracticeClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
    }

    /// <summary>Cookies for pages, bearer tokens for the API, chosen per request; everything needs a signed-in user unless it says otherwise.</summary>
    private static void AddSignInSchemes(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = ApiTokens.AccessLifetime;
                // Refused once the security stamp changed (SecurityStamps); /api/auth/refresh issues ApiTokens' own refresh tokens.
                o.Events.OnMessageReceived = SecurityStamps.CheckAccessTokenAsync;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        services.Configure<AuthenticationOptions>(o =>
        {
            o.AddScheme(ApiTokenSignIn.Scheme, scheme => scheme.HandlerType = typeof(ApiTokenSignIn));
            o.DefaultScheme = SmartScheme;
            o.DefaultAuthenticateScheme = SmartScheme;
            o.DefaultChallengeScheme = SmartScheme;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cs_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Safe by default: an endpoint or page without its own policy needs a signed-in user; the few meant
        // for everyone say AllowAnonymous (AuthorizationCoverageTests lists them). An address that matches
        // nothing passes, so it gets its 404 page rather than a sign-in redirect.
        services.AddAuthorizationBuilder().AddApiPolicies()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() is null))
                .Build());
    }

    /// <summary>Sign-in, registration and reset attempts per address and minute; reads of their forms are free.</summary>
    private static void AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:AuthPermitsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: the sign-in and registration pages carry this policy too, and showing
            // their forms (GET) must not use up a person's attempts.
            o.AddPolicy(AccountsApi.AuthRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    return; // pages: the status code page explains it in HTML
                }
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many attempts. Wait a minute and try again." },
                });
            };
        });
    }
}
