namespace CounselorSuite.Documents.Model;

/// <summary>A handout or worksheet to render as a PDF.</summary>
/// <param name="Title">Shown by PDF readers as the document's title.</param>
/// <param name="Blocks">The content, top to bottom.</param>
public sealed record Handout(string Title, IReadOnlyList<Block> Blocks)
{
    public PageSetup Page { get; init; } = new();

    public string? Author { get; init; }

    public string? Subject { get; init; }

    /// <summary>The "created by" application named in the PDF's properties; empty to name none (discreet handouts).</summary>
    public string Creator { get; init; } = "CounselorSuite";

    /// <summary>If set, the PDF is encrypted and opens only with one of the passwords.</summary>
    public PdfPasswords? Passwords { get; init; }
}

/// <summary>
/// Passwords of an encrypted PDF (AES-256): the user password opens it for reading, printing, copying and
/// filling in; the owner password also allows changing and re-assembling its pages.
/// </summary>
public sealed record PdfPasswords
{
    public PdfPasswords(string userPassword, string ownerPassword)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPassword);
        ArgumentException.ThrowIfNullOrEmpty(ownerPassword);
        UserPassword = userPassword;
        OwnerPassword = ownerPassword;
    }

    public string UserPassword { get; }

    public string OwnerPassword { get; }

    // Keeps the passwords out of logs that print records.
    public override string ToString() => "PdfPasswords { *** }";
}
