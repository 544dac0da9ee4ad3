using System.Text.Json.Serialization;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CounselorSuite.Web.Features.Invitations;

/// <param name="SetupCode">Only when the invitation was made with a username instead of an email: the
/// one-time code the counselor hands to the client (shown once; never stored in readable form).</param>
public sealed record InviteResponse(
    Guid InvitationId, string AcceptUrl, DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SetupCode = null);
public sealed record AcceptResponse(Guid UserId);

public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("Invitations");
        group.MapPost("/", Invite).RequireAuthorization(ApiAuth.Staff).WithName("Invite")
            .WithSummary("Invite a counselor (admin) or a client into a case (counselor of the case, admin)")
            .WithDescription(
                "Give either `email` (a single-use link is mailed and returned as `acceptUrl`) or, for a client with no " +
                "email of their own, `userName` (3-64 letters, digits, '.', '_' or '-'): the username is reserved at once, " +
                "nothing is mailed, and the answer carries a one-time `setupCode` (valid 7 days) that the client enters " +
                "with the username at `acceptUrl` (the setup page) or POST /api/invitations/setup.");
        group.MapPost("/accept", Accept).RequireRateLimiting(AccountsApi.AuthRateLimit).AllowAnonymous().WithName("AcceptInvitation");
        group.MapPost("/setup", Setup).RequireRateLimiting(AccountsApi.AuthRateLimit).AllowAnonymous().WithName("SetUpAccountWithCode")
            .WithSummary("An email-less client sets a password with their username and one-time setup code");
        group.MapPost("/{id:guid}/revoke", Revoke).RequireAuthorization(ApiAuth.Staff).WithName("RevokeInvitation")
            .WithSummary("Withdraw an unused invitation; a reserved username is released");
        return app;
    }

    private static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Invite(
        InviteCommand request, HttpContext http, InvitationService invitations, CancellationToken ct)
    {
        var outcome = await invitations.InviteAsync(http.User, request, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        return outcome switch
        {
            InviteOutcome.Sent sent => TypedResults.Created($"/api/invitations/{sent.Invitation.Id}",
                new InviteResponse(sent.Invitation.Id, sent.AcceptUrl, sent.Invitation.ExpiresAt, sent.SetupCode)),
            InviteOutcome.Invalid invalid => invalid.Errors.ToProblem(),
            InviteOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an admin can invite counselors."),
            InviteOutcome.UserNameTaken => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This username is taken. Choose another."),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Created<AcceptResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        AcceptCommand request, InvitationAcceptance invitations, CancellationToken ct) =>
        ToResult(await invitations.AcceptAsync(request, ct));

    private static async Task<Results<Created<AcceptResponse>, ValidationProblem, ProblemHttpResult>> Setup(
        SetupCommand request, AccountSetup setup, CancellationToken ct) =>
        ToResult(await setup.SetUpAsync(request, ct));

    private static Results<Created<AcceptResponse>, ValidationProblem, ProblemHttpResult> ToResult(AcceptOutcome outcome) => outcome switch
    {
        AcceptOutcome.Accepted accepted => TypedResults.Created("/api/me", new AcceptResponse(accepted.User.Id)),
        AcceptOutcome.Invalid invalid => invalid.Errors.ToProblem(),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account with this name already exists."),
    };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Revoke(
        Guid id, HttpContext http, InvitationService invitations, CancellationToken ct) =>
        await invitations.RevokeAsync(http.User, id, ct) switch
        {
            RevokeOutcome.Revoked => TypedResults.NoContent(),
            RevokeOutcome.AlreadyAccepted => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This invitation has already been used."),
            _ => TypedResults.NotFound(),
        };
}
