using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Handouts;

public enum HandoutStatus { Queued, Running, Ready, Failed }

public enum HandoutPaper { A4, Letter }

/// <summary>
/// One client's PDF handout, rendered by a background job and kept in the database. A counselor's
/// request makes one per client of the case, grouped by <see cref="BatchId"/>; each holds only what its
/// client may see.
/// </summary>
public sealed class Handout : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }

    /// <summary>The handouts made together by one request (one per client).</summary>
    public Guid BatchId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }

    /// <summary>The session it is for, when the counselor attached one (of the same case).</summary>
    public Guid? SessionId { get; set; }

    /// <summary>
    /// Set while a Queued handout waits for the nightly job ("render the night before"): no render is enqueued
    /// until that job clears it. Null for every handout whose render is already enqueued, running or done.
    /// </summary>
    public DateTimeOffset? RenderAfter { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The exercise versions, pinned when composed, in the order chosen.</summary>
    public Guid[] ExerciseVersionIds { get; set; } = [];
    public bool IncludeProgress { get; set; }
    public string? Note { get; set; }
    public DateOnly SessionDate { get; set; }
    public bool Discreet { get; set; }
    public HandoutPaper Paper { get; set; }

    /// <summary>
    /// The PDF password, encrypted with a time-limited data-protection key, only until the job has used it:
    /// the job clears it when the handout is Ready. Never the password in clear.
    /// </summary>
    public string? ProtectedPassword { get; set; }
    public bool PasswordProtected { get; set; }

    public HandoutStatus Status { get; set; }

    /// <summary>Which run of the job holds the handout while Running; a run only writes its result under its own claim.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>Why it failed, in words a counselor understands; never exception text (it may quote data).</summary>
    public string? Error { get; set; }

    /// <summary>The PDF. Always read through a projection: lists must not load it.</summary>
    public byte[]? Content { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public int? PageCount { get; set; }
}

/// <summary>The practice's logo for handouts: PNG or JPEG, re-written without metadata when uploaded.</summary>
public sealed class PracticeLogo : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
