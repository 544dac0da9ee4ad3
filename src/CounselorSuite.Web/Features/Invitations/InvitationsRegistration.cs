namespace CounselorSuite.Web.Features.Invitations;

/// <summary>The invitations feature's services and endpoints; <c>FeatureRegistration</c> lists it.</summary>
public static class InvitationsRegistration
{
    /// <summary>Needs ASP.NET Core Identity (<c>AddIdentityAndSecurity</c>), so only the web host has it.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<AccountSetup>();
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationAcceptance>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app) => app.MapInvitationsApi();
}
