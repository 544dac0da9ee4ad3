using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Handouts;

/// <param name="ClientIds">Which clients of the case get one; all of them when left out.</param>
/// <param name="SessionDate">The session the handout belongs to; today when left out.</param>
/// <param name="Paper">"A4" or "Letter"; left out, the paper of the practice's locale (Letter for the US).</param>
/// <param name="Password">Protects each PDF with this password (8 to 128 characters). Never stored in clear.</param>
/// <param name="GeneratePassword">Makes a password and returns it once in the answer.</param>
/// <param name="SessionId">Attaches the handouts to a session of the same case; its date becomes the session date when none is given.</param>
/// <param name="RenderAt">"now" (default) or "nightBefore": made by the nightly job before the attached session.</param>
public sealed record CreateHandoutRequest(
    Guid? CaseId,
    IReadOnlyList<Guid>? ExerciseIds,
    bool? IncludeProgress,
    string? Note,
    bool? Discreet,
    IReadOnlyList<Guid>? ClientIds = null,
    DateOnly? SessionDate = null,
    string? Paper = null,
    string? Password = null,
    bool? GeneratePassword = null,
    Guid? SessionId = null,
    string? RenderAt = null);

public sealed record HandoutResponse(
    Guid Id, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ReadyAt, string? Error,
    Guid BatchId, Guid CaseId, Guid ClientId, DateOnly SessionDate, bool Discreet, bool PasswordProtected,
    string Paper, long? SizeBytes, string? Sha256, int? PageCount, string FileName,
    Guid? SessionId = null, DateTimeOffset? RenderAfter = null);

/// <summary>
/// The answer to a new handout: <c>id</c> and <c>status</c> of the first one (the only one for a single
/// client), the batch, each client's handout, and the password when one was generated (shown this once).
/// </summary>
public sealed record HandoutCreatedResponse(Guid Id, string Status, Guid BatchId, IReadOnlyList<HandoutResponse> Handouts, string? Password);

public abstract record CreateHandoutOutcome
{
    public sealed record Created(HandoutCreatedResponse Response) : CreateHandoutOutcome;
    public sealed record Invalid(FieldErrors Errors) : CreateHandoutOutcome;
    public sealed record NotFound : CreateHandoutOutcome;
}

public enum RetryOutcome { Queued, NotFailed, NotFound }

public sealed record HandoutPdf(byte[] Bytes, string FileName, Guid ClientId);

public static class HandoutAuditActions
{
    public const string Created = "HandoutCreated";
    public const string Produced = "HandoutProduced";
    public const string Downloaded = "HandoutDownloaded";
    public const string Retried = "HandoutRetried";
}
