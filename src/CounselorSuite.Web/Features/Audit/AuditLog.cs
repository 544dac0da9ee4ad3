using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Audit;

/// <summary>
/// What happened, to what, and whose data it touched. Ids only: never names, answer text or note text.
/// </summary>
/// <param name="Action">One of <see cref="AuditActions"/> (or a feature's own constant, PascalCase verb phrase).</param>
/// <param name="EntityType">The kind of record, for example "Note" or "Session".</param>
/// <param name="EntityId">The record's id, when there is one.</param>
/// <param name="ClientIds">The clients whose data was read or changed (both partners of a couple's session).</param>
public sealed record AuditEntry(string Action, string EntityType, Guid? EntityId = null, IReadOnlyCollection<Guid>? ClientIds = null)
{
    /// <summary>The person acting, when it is not the signed-in user (a sign-in, an accepted invitation).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>A short technical remark such as "Scheduled→Cancelled"; never personal data or free text.</summary>
    public string? Detail { get; init; }
}

/// <summary>
/// The audit trail, for every feature: call it on each read and change of client data and on security
/// events. The acting user and the request's IP address are taken from the current request.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Adds a record to the current unit of work: the caller's next SaveChangesAsync stores it in the same
    /// transaction as the change, so a change is never stored without its record (or the other way round).
    /// </summary>
    void Add(AuditEntry entry);

    /// <summary>
    /// Records a read, or an event that changes nothing else, in the unit of work's transaction: the row goes
    /// out in front of the unit's next command (no round trip of its own) or just before it commits, and is
    /// committed with it (docs/decisions/0005-audit-in-the-request-transaction.md). Outside a unit of work it is
    /// saved at once.
    /// </summary>
    Task WriteAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>
    /// A sign-in attempt for a login name whose practice is already bound (SignInDirectory). Attempts for
    /// names no practice knows are not recorded: they belong to no practice's trail.
    /// </summary>
    Task RecordSignInAsync(string loginName, bool succeeded, string? detail, CancellationToken ct);
}

public static class AuditActions
{
    // Security events
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string RecoveryCodesRegenerated = "RecoveryCodesRegenerated";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string SetupCodeIssued = "SetupCodeIssued";
    public const string SignedOutEverywhere = "SignedOutEverywhere";
    public const string RefreshTokenReused = "RefreshTokenReused";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountEnabled = "AccountEnabled";
    public const string InvitationCreated = "InvitationCreated";
    public const string InvitationAccepted = "InvitationAccepted";
    public const string CounselorAddedToCase = "CounselorAddedToCase";
    public const string CounselorRemovedFromCase = "CounselorRemovedFromCase";
    public const string PracticeSettingsChanged = "PracticeSettingsChanged";

    // Client data
    public const string ProfileRead = "ProfileRead";
    public const string ProfileChanged = "ProfileChanged";
    public const string SessionsListed = "SessionsListed";
    public const string SessionRead = "SessionRead";
    public const string SessionCreated = "SessionCreated";
    public const string SessionRescheduled = "SessionRescheduled";
    public const string SessionStatusChanged = "SessionStatusChanged";
    public const string SessionReminderSent = "SessionReminderSent";
    public const string CalendarFeedRead = "CalendarFeedRead";
    public const string CalendarFeedRotated = "CalendarFeedRotated";
    public const string CalendarFeedChanged = "CalendarFeedChanged";
    public const string NotesListed = "NotesListed";
    public const string NoteRead = "NoteRead";
    public const string NoteCreated = "NoteCreated";
    public const string NoteUpdated = "NoteUpdated";
    public const string NoteDeleted = "NoteDeleted";
    public const string NoteSigned = "NoteSigned";
    public const string NoteAddendumAdded = "NoteAddendumAdded";
    public const string NoteReleased = "NoteReleased";
    public const string ExportRequested = "ExportRequested";
    public const string ExportProduced = "ExportProduced";
    public const string ExportRead = "ExportRead";
    public const string ExportDownloaded = "ExportDownloaded";
    public const string ClientErased = "ClientErased";
    public const string AuditSearched = "AuditSearched";
    public const string AuditExported = "AuditExported";
}

internal sealed class AuditLog(
    AppDbContext db, TenantContext tenant, PendingWrites pending, IHttpContextAccessor http, ILookupNormalizer normalizer, TimeProvider clock) : IAuditLog
{
    public void Add(AuditEntry entry)
    {
        if (RecordOf(entry) is { } record)
        {
            db.AuditRecords.Add(record);
        }
    }

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        if (RecordOf(entry) is not { } record)
        {
            return;
        }
        if (db.Database.CurrentTransaction is null)
        {
            db.AuditRecords.Add(record);
            await db.SaveChangesAsync(ct);
            return;
        }
        // No SaveChanges: it would cost a savepoint and two round trips of its own. The row rides with the
        // next command, and the commit takes it or the rollback drops it with everything else of the request.
        pending.Add(InsertOf(record));
    }

    private AuditRecord? RecordOf(AuditEntry entry)
    {
        if (!tenant.HasPractice)
        {
            // Without a practice there is no trail to write to (and RLS would refuse the row).
            return null;
        }
        var context = http.HttpContext;
        var actor = entry.ActorId ?? context?.User.UserId();
        var now = clock.GetUtcNow();
        return new AuditRecord
        {
            PracticeId = tenant.PracticeId,
            Id = Guid.CreateVersion7(now),
            At = now,
            UserId = actor is { } id && id != Guid.Empty ? id : null,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            ClientIds = entry.ClientIds?.Distinct().Order().ToArray() ?? [],
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Detail = entry.Detail is { Length: > 200 } tooLong ? tooLong[..200] : entry.Detail,
        };
    }

    /// <summary>The row as one INSERT (the columns of AuditRecordConfiguration, snake case), with parameters of its own.</summary>
    private PendingStatement InsertOf(AuditRecord r)
    {
        var parameters = new List<NpgsqlParameter>();
        string P(string hint, object? value)
        {
            var name = pending.ParameterName(hint);
            parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            return name;
        }
        var sql = "INSERT INTO audit_records (practice_id, id, at, user_id, action, entity_type, entity_id, client_ids, ip_address, detail) VALUES ("
            + string.Join(", ", P("practice", r.PracticeId), P("id", r.Id), P("at", r.At), P("user", r.UserId), P("action", r.Action),
                P("type", r.EntityType), P("entity", r.EntityId), P("clients", r.ClientIds), P("ip", r.IpAddress), P("detail", r.Detail))
            + ")";
        return new PendingStatement(sql, parameters);
    }

    public async Task RecordSignInAsync(string loginName, bool succeeded, string? detail, CancellationToken ct)
    {
        if (!tenant.HasPractice)
        {
            return;
        }
        var normalized = normalizer.NormalizeName(loginName.Trim());
        var userId = await db.LoginNames.AsNoTracking()
            .Where(l => l.NormalizedName == normalized && l.PracticeId == tenant.PracticeId)
            .Select(l => (Guid?)l.UserId)
            .FirstOrDefaultAsync(ct);
        var isClient = userId is { } id && await db.UserRoles.AnyAsync(r => r.UserId == id && r.RoleId == Roles.ClientId, ct);
        await WriteAsync(new AuditEntry(succeeded ? AuditActions.SignedIn : AuditActions.SignInFailed, "User", userId,
            isClient ? [userId!.Value] : null)
        {
            ActorId = userId,
            Detail = detail,
        }, ct);
    }
}
