using System.Security.Claims;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Invitations;

/// <param name="UserName">For a client with no email of their own: the username they will sign in with.
/// Exactly one of <paramref name="Email"/> and <paramref name="UserName"/>.</param>
public sealed record InviteCommand(string? Email, string? Role, string? DisplayName, Guid? CaseId, string? UserName = null);
public sealed record AcceptCommand(string? Token, string? Password, string? DisplayName);
public sealed record SetupCommand(string? UserName, string? SetupCode, string? Password, string? DisplayName = null);

public abstract record InviteOutcome
{
    /// <param name="SetupCode">Only for a username invitation: the one-time code, shown to the inviter once.</param>
    public sealed record Sent(Invitation Invitation, string AcceptUrl, string? SetupCode) : InviteOutcome;
    public sealed record Invalid(FieldErrors Errors) : InviteOutcome;
    public sealed record Forbidden : InviteOutcome;
    public sealed record CaseNotFound : InviteOutcome;
    public sealed record UserNameTaken : InviteOutcome;
}

public abstract record AcceptOutcome
{
    public sealed record Accepted(AppUser User) : AcceptOutcome;
    public sealed record Invalid(FieldErrors Errors) : AcceptOutcome;
    public sealed record EmailTaken : AcceptOutcome;
}

public enum RevokeOutcome { Revoked, NotFound, AlreadyAccepted }

/// <summary>What the accept page shows before the person chooses a password.</summary>
public sealed record InvitationPreview(string? DisplayName, string? PracticeName, string? Problem);

/// <summary>
/// Admins invite counselors; counselors (and admins) invite clients into a case they manage. The link is
/// single-use and expires after seven days. The email names only the practice: it may be read by the
/// person a client fears. A client with no email of their own gets a username and a one-time setup code
/// instead, handed over by the counselor; the username is reserved at once so nobody else takes it.
/// </summary>
public sealed partial class InvitationService(
    AppDbContext db, TenantContext tenant, SignInDirectory directory, AccountCreator accounts,
    IMailSender mail, TimeProvider clock, IConfiguration configuration, IAuditLog audit, ReaderTimes times)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();

    public async Task<InviteOutcome> InviteAsync(ClaimsPrincipal inviter, InviteCommand command, string requestBaseUrl, CancellationToken ct)
    {
        var errors = new FieldErrors().Require(command.DisplayName, "displayName", 200, "Display name");
        var byUserName = !string.IsNullOrWhiteSpace(command.UserName);
        if (byUserName && !string.IsNullOrWhiteSpace(command.Email))
        {
            errors.Add("userName", "Give an email or a username, not both.");
        }
        else if (byUserName)
        {
            if (!UserNamePattern().IsMatch(command.UserName!.Trim()))
            {
                errors.Add("userName", "A username has 3 to 64 characters: letters, digits, dots, underscores or dashes.");
            }
            if (command.Role == Roles.Counselor)
            {
                errors.Add("userName", "Counselors are invited by email.");
            }
        }
        else
        {
            errors.ValidateEmail(command.Email, "email");
        }
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
        // An email with an account (here or at another practice) is invited all the same: the inviter must
        // not learn it exists. The mail tells the person instead, and the link cannot make a second account.
        var taken = !byUserName && await directory.IsTakenAsync(command.Email!, ct);

        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            PracticeId = tenant.PracticeId,
            Id = Guid.CreateVersion7(now),
            Email = byUserName ? null : command.Email!.Trim(),
            UserName = byUserName ? command.UserName!.Trim() : null,
            Role = command.Role!,
            DisplayName = command.DisplayName!.Trim(),
            CaseId = command.CaseId,
            InvitedBy = inviter.UserId(),
            TokenHash = "",
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        var baseUrl = configuration["App:PublicBaseUrl"]?.TrimEnd('/') ?? requestBaseUrl.TrimEnd('/');

        if (byUserName)
        {
            var (code, codeHash) = SetupCodes.Create();
            invitation.TokenHash = codeHash;
            await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
            if (!await ReserveUserNameAsync(invitation.UserName!, now, ct))
            {
                return new InviteOutcome.UserNameTaken();
            }
            db.Invitations.Add(invitation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return new InviteOutcome.UserNameTaken();
            }
            await transaction.CommitAsync(ct);
            // Nothing is mailed: the counselor hands the code over in person.
            return new InviteOutcome.Sent(invitation, $"{baseUrl}/account/setup", code);
        }

        var (token, hash) = InvitationTokens.Create(tenant.PracticeId);
        invitation.TokenHash = hash;
        db.Invitations.Add(invitation);
        audit.Add(new AuditEntry(AuditActions.InvitationCreated, "Invitation", invitation.Id) { Detail = $"role={invitation.Role}" });
        await db.SaveChangesAsync(ct);

        var acceptUrl = $"{baseUrl}/invitations/accept?token={Uri.EscapeDataString(token)}";
        var practiceName = await db.Practices.Where(p => p.Id == tenant.PracticeId).Select(p => p.Name).FirstAsync(ct);
        // The invitee has no zone yet: the practice's clock, with its zone named since they may live elsewhere.
        var expires = (await times.ForPracticeAsync(ct)).DateTime(invitation.ExpiresAt, withZone: true);
        await mail.SendAsync(taken ? AlreadyHasAnAccount(invitation, practiceName) : new OutgoingMail(
            invitation.Email!,
            $"You're invited to {practiceName}'s secure portal",
            $"""
            Hello {invitation.DisplayName},

            You have been invited to {practiceName}'s secure portal.
            Open this link to choose your password and sign in:

            {acceptUrl}

            The link works once and expires on {expires}.
            If you did not expect this message, you can ignore it.
            """), ct);
        return new InviteOutcome.Sent(invitation, acceptUrl, null);
    }

    private static OutgoingMail AlreadyHasAnAccount(Invitation invitation, string practiceName) => new(
        invitation.Email!,
        $"You're invited to {practiceName}'s secure portal",
        $"""
        Hello {invitation.DisplayName},

        {practiceName} invited you to its secure portal with this email address, but this address
        already has an account with us, and an address can have only one.

        Sign in with your account as usual (use "Forgot your password?" on the sign-in page if you need to),
        or ask {practiceName} to invite you with another address.
        If you did not expect this message, you can ignore it.
        """);

    /// <summary>
    /// Puts the username into the installation-wide sign-in directory, pointing at the id the account
    /// will get. A reservation this practice left behind (a revoked or expired invitation that was never
    /// used) is taken over; anything else means the name is taken.
    /// </summary>
    private async Task<bool> ReserveUserNameAsync(string userName, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = directory.Normalize(userName);
        var existing = await db.LoginNames.FirstOrDefaultAsync(l => l.NormalizedName == normalized, ct);
        if (existing is null)
        {
            db.LoginNames.Add(new LoginName { NormalizedName = normalized, PracticeId = tenant.PracticeId, UserId = Guid.CreateVersion7(now) });
            return true;
        }
        if (existing.PracticeId != tenant.PracticeId || await db.Users.AnyAsync(u => u.Id == existing.UserId, ct))
        {
            return false;
        }
        var pending = await db.Invitations.AnyAsync(i => i.UserName != null && i.UserName.ToUpper() == normalized
            && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
        return !pending;
    }

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

    /// <summary>
    /// Withdraws an invitation that has not been used. An admin may withdraw any; a counselor those
    /// into cases they work on. Anything else is not found. A reserved username is released.
    /// </summary>
    public async Task<RevokeOutcome> RevokeAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken ct)
    {
        var managedCases = db.Cases.ManagedBy(user).Select(c => (Guid?)c.Id);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId
            && (user.IsAdmin() || (user.IsCounselor() && i.Role == Roles.Client && managedCases.Contains(i.CaseId))), ct);
        if (invitation is null)
        {
            return RevokeOutcome.NotFound;
        }
        if (invitation.AcceptedAt is not null)
        {
            return RevokeOutcome.AlreadyAccepted;
        }
        if (invitation.RevokedAt is not null)
        {
            return RevokeOutcome.Revoked;
        }
        invitation.RevokedAt = clock.GetUtcNow();
        if (invitation.UserName is { } userName)
        {
            var normalized = directory.Normalize(userName);
            var reservation = await db.LoginNames.FirstOrDefaultAsync(l => l.NormalizedName == normalized && l.PracticeId == invitation.PracticeId, ct);
            if (reservation is not null && !await db.Users.AnyAsync(u => u.Id == reservation.UserId, ct))
            {
                db.LoginNames.Remove(reservation);
            }
        }
        await db.SaveChangesAsync(ct);
        return RevokeOutcome.Revoked;
    }
}
