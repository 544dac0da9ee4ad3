using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.DataRights;

public enum ExportStatus { Queued, Running, Ready, Failed }

/// <summary>A client's data export: a zip produced by a background job and kept in the database.</summary>
public sealed class ClientExport : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid ClientId { get; set; }
    public Guid RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public ExportStatus Status { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public string? Error { get; set; }

    /// <summary>The zip. Always read through a projection: lists must not load it.</summary>
    public byte[]? Content { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
}

/// <summary>The fact that a client was erased, and why early if it was before the retention period.</summary>
public sealed class ClientErasure : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid ClientId { get; set; }
    public Guid ErasedBy { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
    public DateTimeOffset RetentionEndsAt { get; set; }
    public bool EarlyOverride { get; set; }
    public string? OverrideReason { get; set; }
}
