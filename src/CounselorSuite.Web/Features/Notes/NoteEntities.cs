using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Notes;

public enum NoteTemplate { DAP, SOAP, Free }

public enum NoteState { Draft, Signed }

/// <summary>
/// A clinical note of a case, usually of one session. Its fields are stored encrypted (see NoteProtector):
/// the database only ever holds ciphertext. Once signed it never changes; corrections are addenda.
/// </summary>
public sealed class Note : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? SessionId { get; set; }
    public NoteTemplate Template { get; set; }

    /// <summary>The template's fields as JSON, encrypted with the notes' own data-protection keys.</summary>
    public required byte[] ProtectedBody { get; set; }
    public NoteState State { get; set; }
    public int Version { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? SignedBy { get; set; }
    public DateTimeOffset? SignedAt { get; set; }

    public List<NoteAddendum> Addenda { get; set; } = [];
    public List<NoteRelease> Releases { get; set; } = [];
}

/// <summary>A correction or later remark on a signed note, with its own author and time.</summary>
public sealed class NoteAddendum : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid NoteId { get; set; }
    public Guid AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required byte[] ProtectedText { get; set; }
}

/// <summary>
/// A counselor's explicit decision that one client may receive a signed note in their data export.
/// Per client, because in a couple or family case a note may hold what one partner said alone.
/// </summary>
public sealed class NoteRelease : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid NoteId { get; set; }
    public Guid ClientId { get; set; }
    public Guid ReleasedBy { get; set; }
    public DateTimeOffset ReleasedAt { get; set; }
}
