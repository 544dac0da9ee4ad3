using System.Security.Claims;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Invitations;

/// <summary>
/// Admins invite counselors; counselors (and admins) invite clients into a case they manage. The link is
/// single-use and expires after seven days. The email names only the practice: it may be read by the
/// person a client fears. A client with no email of their own gets a username and a one-time setup code
/// instead, handed over by the counselor; the username is reserved at once so nobody else takes it.
/// The invited person's side is <see cref="InvitationAcceptance"/>.
/// </summary>
public sealed partial class InvitationService(
    AppDbContext db, TenantContext tenant, SignInDirectory directory,
    IMailSender mail, TimeProvider clock, IConfiguration configuration, IAuditLog audit, ReaderTimes times)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UserNamePattern();

    public async Task<InviteOutcome> InviteAsync(ClaimsPrincipal inviter, InviteCommand command, string requestBaseUrl, CancellationToken ct)
    {
        var byUserName = !string.IsNullOrWhiteSpace(command.UserName);
        var errors = Validate(command, byUserName);
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
        var baseUrl = Transport.LinkBase(configuration, requestBaseUrl);
        return byUserName
            ? await InviteByUserNameAsync(invitation, baseUrl, now, ct)
            : await InviteByEmailAsync(invitation, baseUrl, taken, ct);
    }

    private static FieldErrors Validate(InviteCommand command, bool byUserName)
    {
        var errors = new FieldErrors().Require(command.DisplayName, "displayName", 200, "Display name");
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
        return errors;
    }

    private async Task<InviteOutcome> InviteByUserNameAsync(Invitation invitation, string baseUrl, DateTimeOffset now, CancellationToken ct)
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

    private async Task<InviteOutcome> InviteByEmailAsync(Invitation invitation, string baseUrl, bool taken, CancellationToken ct)
    {
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
        // ToUpper runs in PostgreSQL as upper(), the same folding as the stored normalized user names.
#pragma warning disable CA1304, CA1311, CA1862, MA0011
        var pending = await db.Invitations.AnyAsync(i => i.UserName != null && i.UserName.ToUpper() == normalized
            && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
#pragma warning restore CA1304, CA1311, CA1862, MA0011
        return !pending;
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
