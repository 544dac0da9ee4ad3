namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// Whether an exercise was ever assigned. An exercise that was can be archived but never deleted, so
/// that every assignment keeps the exact version it was given. The homework feature replaces the
/// default below with one that looks at its assignments (register it after AddExercises).
/// </summary>
public interface IExerciseUsage
{
    Task<bool> IsEverAssignedAsync(Guid exerciseId, CancellationToken ct);
}

/// <summary>Until assignments exist, nothing has been assigned.</summary>
public sealed class NoExerciseUsage : IExerciseUsage
{
    public Task<bool> IsEverAssignedAsync(Guid exerciseId, CancellationToken ct) => Task.FromResult(false);
}
