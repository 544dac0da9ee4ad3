using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Invitations;

/// <summary>
/// The invited person's side: the accept page's preview, accepting an email invitation through its link, and
/// an email-less client's setup with username and code. Either way the invitation is claimed once, the
/// account created, and a client joins the invitation's case, all in one transaction.
/// </summary>
public sealed class InvitationAcceptance(
    AppDbContext db, TenantContext tenant, SignInDirectory directory, AccountCreator accounts, TimeProvider clock, IAuditLog audit)
{
    public async Task<InvitationPreview> PreviewAsync(string? token, CancellationToken ct)
    {
        if (!InvitationTokens.TryParse(token, out var practiceId, out var hash))
        {
            return new InvitationPreview(null, null, "This invitation link is not valid.");
        }
        if (tenant.HasPractice && tenant.PracticeId != practiceId)
        {
            return new InvitationPreview(null, null, "You are signed in to another account. Sign out first, then open the link again.");
        }
        tenant.Set(practiceId);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash && i.Email != null, ct);
        var problem = Problem(invitation);
        if (invitation is null || problem is not null)
        {
            return new InvitationPreview(null, null, problem);
        }
        var practiceName = await db.Practices.Where(p => p.Id == practiceId).Select(p => p.Name).FirstAsync(ct);
        return new InvitationPreview(invitation.DisplayName, practiceName, null);
    }

    private string? Problem(Invitation? invitation) => invitation switch
    {
        null or { RevokedAt: not null } => "This invitation link is not valid.",
        { AcceptedAt: not null } => "This invitation has already been used. Sign in instead.",
        _ when invitation.ExpiresAt <= clock.GetUtcNow() => "This invitation has expired. Ask for a new one.",
        _ => null,
    };

    public async Task<AcceptOutcome> AcceptAsync(AcceptCommand command, CancellationToken ct)
    {
        var errors = new FieldErrors().Require(command.Password, "password", 256, "Password");
        if (command.DisplayName is { Length: > 200 })
        {
            errors.Add("displayName", "Display name must be at most 200 characters.");
        }
        if (!InvitationTokens.TryParse(command.Token, out var practiceId, out var hash))
        {
            errors.Add("token", "This invitation link is not valid.");
        }
        else if (tenant.HasPractice && tenant.PracticeId != practiceId)
        {
            errors.Add("token", "You are signed in to another account. Sign out first, then open the link again.");
        }
        if (errors.Any)
        {
            return new AcceptOutcome.Invalid(errors);
        }

        tenant.Set(practiceId);
        // Setup-code invitations are never accepted through a link.
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.Email != null, ct);
        if (Problem(invitation) is { } problem)
        {
            return new AcceptOutcome.Invalid(errors.Add("token", problem));
        }
        return await CompleteAsync(invitation!, invitation!.Email!, invitation.Email, command.DisplayName, command.Password!, null, "token", errors, ct);
    }

    /// <summary>An email-less client chooses their password with the username and setup code they were given.</summary>
    public async Task<AcceptOutcome> SetupAsync(SetupCommand command, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Require(command.UserName, "userName", 64, "Username")
            .Require(command.SetupCode, "setupCode", 40, "Setup code")
            .Require(command.Password, "password", 256, "Password");
        if (command.DisplayName is { Length: > 200 })
        {
            errors.Add("displayName", "Display name must be at most 200 characters.");
        }
        if (errors.Any)
        {
            return new AcceptOutcome.Invalid(errors);
        }

        const string notRight = "The username or setup code is not right.";
        var normalized = directory.Normalize(command.UserName!);
        var entry = await db.LoginNames.AsNoTracking().FirstOrDefaultAsync(l => l.NormalizedName == normalized, ct);
        if (entry is null || !SetupCodes.TryHash(command.SetupCode, out var hash))
        {
            return new AcceptOutcome.Invalid(errors.Add("setupCode", notRight));
        }
        if (tenant.HasPractice && tenant.PracticeId != entry.PracticeId)
        {
            return new AcceptOutcome.Invalid(errors.Add("setupCode", "You are signed in to another account. Sign out first."));
        }
        tenant.Set(entry.PracticeId);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.Email == null && i.UserName != null, ct);
        if (invitation is null || invitation.RevokedAt is not null || directory.Normalize(invitation.UserName!) != normalized)
        {
            return new AcceptOutcome.Invalid(errors.Add("setupCode", notRight));
        }
        if (Problem(invitation) is { } problem)
        {
            return new AcceptOutcome.Invalid(errors.Add("setupCode", problem.Replace("invitation", "setup code")));
        }
        return await CompleteAsync(invitation, invitation.UserName!, null, command.DisplayName, command.Password!, entry.UserId, "setupCode", errors, ct);
    }

    private async Task<AcceptOutcome> CompleteAsync(Invitation invitation, string login, string? email, string? displayNameTyped,
        string password, Guid? reservedUserId, string secretField, FieldErrors errors, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        // Claim the invitation first: of two racing accepts, only one updates the row.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0)
        {
            return new AcceptOutcome.Invalid(errors.Add(secretField, "This invitation has already been used. Sign in instead."));
        }

        var displayName = string.IsNullOrWhiteSpace(displayNameTyped) ? invitation.DisplayName : displayNameTyped.Trim();
        var result = await accounts.CreateAsync(
            new NewAccount(invitation.PracticeId, login, email, displayName, password, invitation.Role, reservedUserId), ct);
        switch (result)
        {
            case AccountCreation.NameTaken:
                return new AcceptOutcome.EmailTaken();
            case AccountCreation.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    errors.Add("password", e.Description);
                }
                return new AcceptOutcome.Invalid(errors);
        }
        var user = ((AccountCreation.Created)result).User;
        await db.Invitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, user.Id), ct);
        if (invitation.CaseId is { } caseId)
        {
            db.CaseClients.Add(new CaseClient { PracticeId = invitation.PracticeId, CaseId = caseId, ClientId = user.Id, AddedAt = now });
        }
        audit.Add(new AuditEntry(AuditActions.InvitationAccepted, "Invitation", invitation.Id, invitation.Role == Roles.Client ? [user.Id] : null)
        {
            ActorId = user.Id,
            Detail = invitation.CaseId is { } joined ? $"role={invitation.Role};case={joined}" : $"role={invitation.Role}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AcceptOutcome.Accepted(user);
    }
}
