using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CounselorSuite.Web.Infrastructure.Auth;

/// <summary>
/// The API takes bearer tokens only. Pages use cookies; keeping cookies away from /api means a page
/// on another site can never ride a signed-in browser's cookie into the API.
/// </summary>
public static class ApiAuth
{
    public const string Policy = "api";
    public const string Staff = "api-staff";
    public const string Admin = "api-admin";
    public const string Client = "api-client";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Policy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
        .AddPolicy(Staff, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.PracticeAdmin, Roles.Counselor))
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.PracticeAdmin))
        .AddPolicy(Client, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Client));
}
