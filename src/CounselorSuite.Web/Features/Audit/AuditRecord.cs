using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Audit;

/// <summary>
/// One line of the audit trail: who did what to which record, when and from where. Append-only: the
/// app's database role may insert and read these rows but never update or delete them. It never holds
/// what was written (no answer or note text, no names), only ids.
/// </summary>
public sealed class AuditRecord : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The person acting; null for the system (a background job) or an unknown caller.</summary>
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public Guid? EntityId { get; set; }

    /// <summary>The clients whose data this touched (both partners for a couple's session).</summary>
    public Guid[] ClientIds { get; set; } = [];
    public string? IpAddress { get; set; }

    /// <summary>A short technical remark ("Scheduled→Cancelled", "LockedOut"); never personal data.</summary>
    public string? Detail { get; set; }
}
