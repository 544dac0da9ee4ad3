using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.DataRights;

public sealed record ErasureRequest(bool? Override, string? Reason);
public sealed record RetentionResponse(Guid ClientId, DateTimeOffset LastContactAt, int RetentionYears, DateTimeOffset RetentionEndsAt,
    bool Erased, DateTimeOffset? ErasedAt);
public sealed record ErasureResponse(Guid ClientId, DateTimeOffset ErasedAt, bool EarlyOverride);

public abstract record ErasureOutcome
{
    public sealed record Erased(ErasureResponse Erasure) : ErasureOutcome;
    public sealed record Invalid(FieldErrors Errors) : ErasureOutcome;
    public sealed record TooEarly(DateTimeOffset RetentionEndsAt) : ErasureOutcome;
    public sealed record AlreadyErased : ErasureOutcome;
    public sealed record NotFound : ErasureOutcome;
}

/// <summary>
/// Erases a client at the end of the practice's retention period: the account is disabled and its login
/// name freed, names and contact details are replaced, every feature's contributor removes or anonymises
/// its data, and the audit trail records the fact (ids only). Earlier erasure needs an override with a reason.
/// </summary>
public sealed class ErasureService(
    AppDbContext db, IEnumerable<IClientErasureContributor> contributors, IEnumerable<IClientContactSource> contacts,
    IAuditLog audit, TimeProvider clock)
{
    public const string ErasedName = "Erased client";

    public async Task<RetentionResponse?> RetentionAsync(Guid clientId, CancellationToken ct)
    {
        var client = await db.Users.AsNoTracking().Where(u => u.Id == clientId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == Roles.ClientId))
            .Select(u => new { u.CreatedAt }).FirstOrDefaultAsync(ct);
        if (client is null)
        {
            return null;
        }
        DateTimeOffset? latest = null;
        foreach (var source in contacts)
        {
            if (await source.LastContactAsync(clientId, ct) is { } at && (latest is null || at > latest))
            {
                latest = at;
            }
        }
        var lastContact = latest is { } last && last > client.CreatedAt ? last : client.CreatedAt;
        // A session booked in the future counts from now on, not from its date: the relationship is ongoing.
        var now = clock.GetUtcNow();
        if (lastContact > now)
        {
            lastContact = now;
        }
        var years = await db.Practices.Where(p => p.Id == db.CurrentPracticeId).Select(p => p.RetentionYears).FirstAsync(ct);
        var erasure = await db.ClientErasures.AsNoTracking().FirstOrDefaultAsync(e => e.ClientId == clientId, ct);
        return new RetentionResponse(clientId, lastContact.ToUniversalTime(), years, lastContact.AddYears(years).ToUniversalTime(),
            erasure is not null, erasure?.ErasedAt);
    }

    public async Task<ErasureOutcome> EraseAsync(ClaimsPrincipal admin, Guid clientId, ErasureRequest request, CancellationToken ct)
    {
        var retention = await RetentionAsync(clientId, ct);
        if (retention is null)
        {
            return new ErasureOutcome.NotFound();
        }
        var errors = new FieldErrors();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (request.Override == true && reason is null)
        {
            errors.Add("reason", "Give the reason for erasing before the end of the retention period.");
        }
        if (reason is { Length: > 1000 })
        {
            errors.Add("reason", "Reason must be at most 1000 characters.");
        }
        if (errors.Any)
        {
            return new ErasureOutcome.Invalid(errors);
        }
        if (retention.Erased)
        {
            return new ErasureOutcome.AlreadyErased();
        }
        var now = clock.GetUtcNow();
        var early = now < retention.RetentionEndsAt;
        if (early && request.Override != true)
        {
            return new ErasureOutcome.TooEarly(retention.RetentionEndsAt);
        }

        var context = new ClientErasureContext(db.CurrentPracticeId, clientId, admin.UserId(), now);
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        db.ClientErasures.Add(new ClientErasure
        {
            PracticeId = context.PracticeId, ClientId = clientId, ErasedBy = context.ErasedBy, ErasedAt = now,
            RetentionEndsAt = retention.RetentionEndsAt, EarlyOverride = early, OverrideReason = early ? reason : null,
        });
        await db.SaveChangesAsync(ct);

        foreach (var contributor in contributors)
        {
            await contributor.EraseAsync(context, ct);
        }
        await EraseAccountAsync(clientId, ct);

        audit.Add(new AuditEntry(AuditActions.ClientErased, "User", clientId, [clientId]) { Detail = early ? "before the retention period (override)" : null });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ErasureOutcome.Erased(new ErasureResponse(clientId, now, early));
    }

    /// <summary>The account itself: it stays as a row (other records point to it) but identifies no one and cannot sign in.</summary>
    private async Task EraseAccountAsync(Guid clientId, CancellationToken ct)
    {
        var placeholder = $"erased-{clientId:N}";
        await db.Users.Where(u => u.Id == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DisplayName, ErasedName)
            .SetProperty(u => u.UserName, placeholder)
            .SetProperty(u => u.NormalizedUserName, placeholder.ToUpperInvariant())
            .SetProperty(u => u.Email, (string?)null)
            .SetProperty(u => u.NormalizedEmail, (string?)null)
            .SetProperty(u => u.EmailConfirmed, false)
            .SetProperty(u => u.PhoneNumber, (string?)null)
            .SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null)
            .SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue), ct);
        // Frees the login name: the person may later be invited again as someone new.
        await db.LoginNames.Where(l => l.UserId == clientId && l.PracticeId == db.CurrentPracticeId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == clientId).ExecuteDeleteAsync(ct);
        await db.Set<AppUserClaim>().Where(c => c.UserId == clientId).ExecuteDeleteAsync(ct);
        await db.Set<AppUserLogin>().Where(l => l.UserId == clientId).ExecuteDeleteAsync(ct);
        await db.ClientProfiles.Where(p => p.UserId == clientId).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.AcceptedUserId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Email, (string?)null)
            .SetProperty(i => i.UserName, (string?)null)
            .SetProperty(i => i.DisplayName, ErasedName), ct);
        await db.ClientExports.Where(e => e.ClientId == clientId).ExecuteDeleteAsync(ct);

        // A case whose clients are all erased loses its title, which usually names them.
        var emptied = await db.Cases.Where(c => c.Clients.Any(x => x.ClientId == clientId)
                && c.Clients.All(x => db.ClientErasures.Any(e => e.ClientId == x.ClientId)))
            .Select(c => c.Id).ToListAsync(ct);
        await db.Cases.Where(c => emptied.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, "Erased case"), ct);
    }
}
