using CounselorSuite.Web.Features.Accounts;

namespace CounselorSuite.Web.Features.Invitations;

/// <summary>
/// The Setup page and POST /api/invitations/setup: a username with a setup code, which is either a new
/// code a counselor gave for an account that exists (tried first, <see cref="PasswordResets"/>) or an
/// invitation's code for a new account. Here, not in Accounts, so that accounts never depend on invitations.
/// </summary>
public sealed class AccountSetup(PasswordResets resets, InvitationAcceptance invitations)
{
    public async Task<AcceptOutcome> SetUpAsync(SetupCommand command, CancellationToken ct) =>
        await resets.TryReissuedCodeAsync(command.UserName, command.SetupCode, command.Password, ct) switch
        {
            PasswordOutcome.Changed changed => new AcceptOutcome.Accepted(changed.User),
            PasswordOutcome.Invalid invalid => new AcceptOutcome.Invalid(invalid.Errors),
            _ => await invitations.SetupAsync(command, ct),
        };
}
