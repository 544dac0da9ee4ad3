namespace CounselorSuite.Web.Features.Accounts;

/// <summary>The accounts feature's services and endpoints; <c>FeatureRegistration</c> lists it.</summary>
public static class AccountsRegistration
{
    /// <summary>Needs ASP.NET Core Identity (<c>AddIdentityAndSecurity</c>), so only the web host has it.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<SignInDirectory>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<AccountCreator>();
        services.AddScoped<AccountAccess>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<DummyPasswordCheck>();
        services.AddScoped<PracticeRegistration>();
        return services;
    }

    /// <summary>Sign-in, tokens, registration and passwords, and an admin's turning an account off and on.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAccountsApi();
        app.MapAccountAccessApi();
        return app;
    }
}
