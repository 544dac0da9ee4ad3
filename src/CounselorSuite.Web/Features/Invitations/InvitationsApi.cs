using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Invitations;

public sealed record InviteResponse(Guid InvitationId, string AcceptUrl, DateTimeOffset ExpiresAt);
public sealed record AcceptResponse(Guid UserId);

public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("Invitations");
        group.MapPost("/", Invite).RequireAuthorization(ApiAuth.Staff).WithName("Invite");
        group.MapPost("/accept", Accept).RequireRateLimiting(AccountsApi.AuthRateLimit).WithName("AcceptInvitation");
        return app;
    }

    private static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Invite(
        InviteCommand request, HttpContext http, InvitationService invitations, CancellationToken ct)
    {
        var outcome = await invitations.InviteAsync(http.User, request, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        return outcome switch
        {
            InviteOutcome.Sent sent => TypedResults.Created($"/api/invitations/{sent.Invitation.Id}",
                new InviteResponse(sent.Invitation.Id, sent.AcceptUrl, sent.Invitation.ExpiresAt)),
            InviteOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            InviteOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an admin can invite counselors."),
            InviteOutcome.EmailTaken => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account with this email already exists."),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Created<AcceptResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        AcceptCommand request, InvitationService invitations, CancellationToken ct)
    {
        var outcome = await invitations.AcceptAsync(request, ct);
        return outcome switch
        {
            AcceptOutcome.Accepted accepted => TypedResults.Created("/api/me", new AcceptResponse(accepted.User.Id)),
            AcceptOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account with this email already exists."),
        };
    }
}
