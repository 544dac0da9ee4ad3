using System.Security.Claims;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Invitations;

public sealed record InviteCommand(string? Email, string? Role, string? DisplayName, Guid? CaseId);
public sealed record AcceptCommand(string? Token, string? Password, string? DisplayName);

public abstract record InviteOutcome
{
    public sealed record Sent(Invitation Invitation, string AcceptUrl) : InviteOutcome;
    public sealed record Invalid(FieldErrors Errors) : InviteOutcome;
    public sealed record Forbidden : InviteOutcome;
    public sealed record CaseNotFound : InviteOutcome;
    public sealed record EmailTaken : InviteOutcome;
}

public abstract record AcceptOutcome
{
    public sealed record Accepted(AppUser User) : AcceptOutcome;
    public sealed record Invalid(FieldErrors Errors) : AcceptOutcome;
    public sealed record EmailTaken : AcceptOutcome;
}

/// <summary>
/// Admins invite counselors; counselors (and admins) invite clients into a case they manage. The link is
/// single-use and expires after seven days. The email names only the practice: it may be read by the
/// person a client fears.
/// </summary>
public sealed class InvitationService(
    AppDbContext db, TenantContext tenant, SignInDirectory directory, AccountCreator accounts,
    IMailSender mail, TimeProvider clock, IConfiguration configuration, IAuditLog audit)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public async Task<InviteOutcome> InviteAsync(ClaimsPrincipal inviter, InviteCommand command, string requestBaseUrl, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .ValidateEmail(command.Email, "email")
            .Require(command.DisplayName, "displayName", 200, "Display name");
        if (command.Role is not (Roles.Counselor or Roles.Client))
        {
            errors.Add("role", "Role must be Counselor or Client.");
        }
        if (errors.Any)
        {
            return new InviteOutcome.Invalid(errors);
        }

        var mayInvite = command.Role == Roles.Counselor ? inviter.IsAdmin() : inviter.IsAdmin() || inviter.IsCounselor();
        if (!mayInvite)
        {
            return new InviteOutcome.Forbidden();
        }
        if (command.Role == Roles.Client && command.CaseId is null)
        {
            return new InviteOutcome.Invalid(errors.Add("caseId", "A client is invited into a case: caseId is required."));
        }
        if (command.CaseId is { } caseId && !await db.Cases.ManagedBy(inviter).AnyAsync(c => c.Id == caseId, ct))
        {
            return new InviteOutcome.CaseNotFound();
        }
        if (await directory.IsTakenAsync(command.Email!, ct))
        {
            return new InviteOutcome.EmailTaken();
        }

        var now = clock.GetUtcNow();
        var (token, hash) = InvitationTokens.Create(tenant.PracticeId);
        var invitation = new Invitation
        {
            PracticeId = tenant.PracticeId,
            Id = Guid.CreateVersion7(now),
            Email = command.Email!.Trim(),
            Role = command.Role!,
            DisplayName = command.DisplayName!.Trim(),
            CaseId = command.CaseId,
            InvitedBy = inviter.UserId(),
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        audit.Add(new AuditEntry(AuditActions.InvitationCreated, "Invitation", invitation.Id) { Detail = $"role={invitation.Role}" });
        await db.SaveChangesAsync(ct);

        var baseUrl = configuration["App:PublicBaseUrl"]?.TrimEnd('/') ?? requestBaseUrl.TrimEnd('/');
        var acceptUrl = $"{baseUrl}/invitations/accept?token={Uri.EscapeDataString(token)}";
        var practiceName = await db.Practices.Where(p => p.Id == tenant.PracticeId).Select(p => p.Name).FirstAsync(ct);
        await mail.SendAsync(new OutgoingMail(
            invitation.Email,
            $"You're invited to {practiceName}'s secure portal",
            $"""
            Hello {invitation.DisplayName},

            You have been invited to {practiceName}'s secure portal.
            Open this link to choose your password and sign in:

            {acceptUrl}

            The link works once and expires on {invitation.ExpiresAt:yyyy-MM-dd} (UTC).
            If you did not expect this message, you can ignore it.
            """), ct);
        return new InviteOutcome.Sent(invitation, acceptUrl);
    }

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
        if (errors.Any)
        {
            return new AcceptOutcome.Invalid(errors);
        }

        tenant.Set(practiceId);
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.RevokedAt is not null)
        {
            return new AcceptOutcome.Invalid(errors.Add("token", "This invitation link is not valid."));
        }
        if (invitation.AcceptedAt is not null)
        {
            return new AcceptOutcome.Invalid(errors.Add("token", "This invitation has already been used. Sign in instead."));
        }
        if (invitation.ExpiresAt <= now)
        {
            return new AcceptOutcome.Invalid(errors.Add("token", "This invitation has expired. Ask for a new one."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claim the invitation first: of two racing accepts, only one updates the row.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0)
        {
            return new AcceptOutcome.Invalid(errors.Add("token", "This invitation has already been used. Sign in instead."));
        }

        var displayName = string.IsNullOrWhiteSpace(command.DisplayName) ? invitation.DisplayName : command.DisplayName.Trim();
        var login = invitation.Email ?? invitation.UserName!;
        var result = await accounts.CreateAsync(new NewAccount(practiceId, login, invitation.Email, displayName, command.Password!, invitation.Role), ct);
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
            db.CaseClients.Add(new CaseClient { PracticeId = practiceId, CaseId = caseId, ClientId = user.Id, AddedAt = now });
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
