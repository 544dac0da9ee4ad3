using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>
/// A measure a practice admin imported from a definition file. Built-in measures are not stored: they
/// ship with the code (Features/Measures/BuiltIn) and every practice has them.
/// </summary>
public sealed class Measure : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }

    /// <summary>The validated definition in canonical JSON (jsonb); re-read with MeasureValidator.Parse.</summary>
    public required string Definition { get; set; }
    public Guid ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
