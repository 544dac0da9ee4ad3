using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Infrastructure;

/// <summary>
/// The one place where feature folders register their services and endpoints, so a feature is added
/// by a line here and removed with its folder.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddAppFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddExercises();
        services.AddScoped<Features.Progress.Measures.MeasureCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureApis(this IEndpointRouteBuilder app)
    {
        app.MapExercisesApi();
        Features.Progress.Measures.MeasuresApi.MapMeasuresApi(app);
        return app;
    }
}
