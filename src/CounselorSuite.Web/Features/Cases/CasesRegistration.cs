namespace CounselorSuite.Web.Features.Cases;

/// <summary>The cases feature's services and endpoints; <c>FeatureRegistration</c> lists it.</summary>
public static class CasesRegistration
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services.AddScoped<CaseOpener>();

    /// <summary>Cases, and the counselors of a case.</summary>
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCasesApi();
        app.MapCaseCounselorsApi();
        return app;
    }
}
