using Microsoft.AspNetCore.Mvc;

namespace CounselorSuite.Web.Infrastructure.Time;

public static class TimeSetup
{
    public static IServiceCollection AddReaderTime(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton<TimeSettingsCache>();
        services.AddScoped<ReaderTimes>();
        services.Configure<MvcOptions>(o => o.Filters.Add<ReaderTimePageFilter>());
        return services;
    }
}
