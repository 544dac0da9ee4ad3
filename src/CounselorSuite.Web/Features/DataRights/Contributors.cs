using System.Text.Json;

namespace CounselorSuite.Web.Features.DataRights;

/// <summary>
/// The zip being built for one client. Contributors add files under their own folder
/// ("sessions/sessions.json", "homework/answers.json", "handouts/2026-03-01.pdf").
/// </summary>
public sealed class ClientExportContext(Guid practiceId, Guid clientId, DateTimeOffset generatedAt)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public Guid PracticeId { get; } = practiceId;
    public Guid ClientId { get; } = clientId;
    public DateTimeOffset GeneratedAt { get; } = generatedAt;
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void AddFile(string path, byte[] content)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith('/') || path.Contains("..") || path.Contains('\\'))
        {
            throw new ArgumentException($"'{path}' is not a relative path inside the export.", nameof(path));
        }
        if (!_files.TryAdd(path, content))
        {
            throw new InvalidOperationException($"Two contributors wrote '{path}' into the export.");
        }
    }

    public void AddJson(string path, object value) => AddFile(path, JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions));
}

/// <summary>
/// Implemented by each feature that keeps data about a client (homework answers, progress, handouts):
/// it adds that data to the client's export. Register with
/// <c>services.AddScoped&lt;IClientDataExportContributor, MyContributor&gt;()</c>. Runs inside the export job,
/// with the practice bound; only the client's own data, never a partner's unshared writing, and never
/// notes that were not released to this client.
/// </summary>
public interface IClientDataExportContributor
{
    Task ContributeAsync(ClientExportContext export, CancellationToken ct);
}

public sealed record ClientErasureContext(Guid PracticeId, Guid ClientId, Guid ErasedBy, DateTimeOffset ErasedAt);

/// <summary>
/// Implemented by each feature that keeps data about a client: removes or anonymises it when an admin
/// erases the client. Keep aggregates (counts, scores over time) but without anything that identifies the
/// person; never touch the audit trail. All contributors run in one transaction on the request's
/// AppDbContext; an exception rolls the whole erasure back. Register with
/// <c>services.AddScoped&lt;IClientErasureContributor, MyContributor&gt;()</c>.
/// </summary>
public interface IClientErasureContributor
{
    Task EraseAsync(ClientErasureContext erasure, CancellationToken ct);
}

/// <summary>
/// Implemented by each feature that records contact with a client (sessions booked or attended): the
/// retention period runs from the latest contact any of them knows of, or from the account's creation.
/// Register with <c>services.AddScoped&lt;IClientContactSource, MySource&gt;()</c>.
/// </summary>
public interface IClientContactSource
{
    /// <summary>The latest contact with the client this feature knows of; null when it knows none.</summary>
    Task<DateTimeOffset?> LastContactAsync(Guid clientId, CancellationToken ct);
}
