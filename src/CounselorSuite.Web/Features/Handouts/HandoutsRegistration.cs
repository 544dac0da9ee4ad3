using CounselorSuite.Web.Infrastructure.Jobs;
using CounselorSuite.Documents;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounselorSuite.Web.Features.Handouts;

public static class HandoutsRegistration
{
    public static IServiceCollection AddHandouts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HandoutOptions>(configuration.GetSection("Handouts"));
        services.AddScoped<HandoutService>();
        services.AddScoped<HandoutComposer>();
        services.AddScoped<HandoutRenderJob>();
        services.AddScoped<NightlyHandoutRenders>();
        services.AddScoped<NightlyHandoutFanOut>();
        services.AddRecurringJob<NightlyHandoutFanOut>(NightlyHandoutRenders.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), NightlyHandoutRenders.Schedule);
        services.AddSingleton<HandoutPasswords>();
        // The worker-only host has no Identity set-up, yet must read the passwords the web host protected:
        // the same application name and key ring.
        services.AddDataProtection().SetApplicationName("CounselorSuite").PersistKeysToDbContext<AppDbContext>();
        services.AddScoped<IHandoutProgressSource, ProgressChartsSource>();
        services.AddScoped<IClientDataExportContributor, HandoutsExportContributor>();
        services.AddScoped<IClientErasureContributor, HandoutsErasureContributor>();
        return services;
    }

    /// <summary>For hosts that run a job server: renders a small document at start, so the first handout does not pay for it.</summary>
    public static IServiceCollection AddHandoutRendererWarmup(this IServiceCollection services) =>
        services.AddHostedService<PdfWarmup>();
}

/// <summary>Loads fonts and JIT-compiles the renderer in the background while the host starts (about 350 ms).</summary>
internal sealed class PdfWarmup(ILogger<PdfWarmup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var took = PdfSetup.Warmup();
            log.LogInformation("PDF renderer warmed up in {Milliseconds} ms.", (int)took.TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Missing fonts: say so at start; handouts will fail with the same reason until they are installed.
            log.LogError(e, "The PDF renderer could not start.");
        }
    }, stoppingToken);
}
