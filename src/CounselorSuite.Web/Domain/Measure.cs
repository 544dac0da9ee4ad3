using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Domain;

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

/// <summary>
/// The exercise version that carries a measure's items as prompts, so a measure is assigned, drafted,
/// submitted and reminded about exactly like an exercise. One per measure version, made on first
/// assignment; its exercise is archived and left out of the library (it is not meant to be edited).
/// Prompt keys are the measure's item ids.
/// </summary>
public sealed class MeasureForm : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid ExerciseId { get; set; }
    public Guid ExerciseVersionId { get; set; }
    public required string MeasureKey { get; set; }
    public int MeasureVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A scored measure: one per submission of a measure assignment. Written in the same save as the
/// submission, never changed afterwards.
/// </summary>
public sealed class MeasureResult : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }
    public required string MeasureKey { get; set; }
    public int MeasureVersion { get; set; }
    public double Total { get; set; }

    /// <summary>The cut-off band's label the total falls in; null when the measure has no band there.</summary>
    public string? Band { get; set; }

    /// <summary>The band is one of concern (for example a distress range).</summary>
    public bool BandConcern { get; set; }

    /// <summary>Subscale scores as JSON (jsonb): a list of {key, title, score}.</summary>
    public required string Subscales { get; set; }
    public DateTimeOffset At { get; set; }
}
