using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Jobs;

namespace CounselorSuite.Web.Infrastructure;

/// <summary>
/// The one place where feature folders register their services and endpoints, so a feature is added
/// by a line here and removed with its folder.
/// </summary>
public static class FeatureRegistration
{
    /// <summary>The features both the web host and the worker-only host run.</summary>
    public static IServiceCollection AddAppFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCases();
        services.AddExercises();
        services.AddScoped<Features.Measures.MeasureCatalog>();
        services.AddScoped<Features.Progress.ProgressCharts>();
        // Sessions, notes, audit trail, data rights
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<SessionService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<SessionReminders>();
        services.AddScoped<SessionReminderFanOut>();
        services.AddRecurringJob<SessionReminderFanOut>(SessionReminders.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), SessionReminders.Schedule);
        services.AddSingleton(sp => NoteProtector.Create(
            configuration.GetSection("Notes").Get<NoteKeyOptions>() ?? new NoteKeyOptions(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<NoteProtector>()));
        services.AddScoped<NoteService>();
        services.AddScoped<ExportService>();
        services.AddScoped<ClientExportJob>();
        services.AddScoped<ErasureService>();
        // Export order is file order in the manifest; later features add theirs after these.
        services.AddScoped<IClientDataExportContributor, ProfileExportContributor>();
        services.AddScoped<IClientDataExportContributor, SessionsExportContributor>();
        services.AddScoped<IClientDataExportContributor, NotesExportContributor>();
        services.AddScoped<IClientErasureContributor, NotesErasureContributor>();
        services.AddScoped<IClientContactSource, SessionsContactSource>();
        services.AddHandouts(configuration);
        // Homework (after AddExercises: replaces its IExerciseUsage)
        services.AddHomework();
        services.AddScoped<Features.CounselorHome.OpenAlertCount>();
        return services;
    }

    /// <summary>
    /// The features of people signing in (accounts, invitations): they need ASP.NET Core Identity, which only
    /// the web host sets up (<c>AddIdentityAndSecurity</c>), so the worker-only host leaves them out.
    /// </summary>
    public static IServiceCollection AddSignInFeatures(this IServiceCollection services)
    {
        services.AddAccounts();
        services.AddInvitations();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureApis(this IEndpointRouteBuilder app)
    {
        app.MapAccounts();
        app.MapInvitations();
        app.MapCases();
        app.MapExercisesApi();
        Features.Measures.MeasuresApi.MapMeasuresApi(app);
        Features.Progress.ProgressApi.MapProgressApi(app);
        app.MapAuditApi();
        app.MapSessionsApi();
        app.MapCalendarFeedApi();
        app.MapNotesApi();
        app.MapDataRightsApi();
        app.MapHandoutsApi();
        app.MapHomeworkApi();
        return app;
    }
}
