using System.Collections.Concurrent;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>Which practices this process has already brought up to date with its embedded library.</summary>
public sealed class ExerciseLibrarySyncState
{
    internal readonly ConcurrentDictionary<Guid, bool> Synced = new();
}

/// <summary>
/// Materialises the built-in library in the current practice: a missing built-in gets an exercise with
/// version 1; a built-in whose library file has a newer version gets a new version (old versions are
/// never changed, so assignments keep what they were given). Runs at practice registration and lazily
/// on the first library read of each practice in each process. Safe to run twice and concurrently: an
/// advisory lock per practice serialises runs, and a unique index on the built-in key backs it up.
/// </summary>
public sealed class ExerciseLibrarySync(AppDbContext db, ExerciseLibrary library, ExerciseLibrarySyncState state, TimeProvider clock)
{
    /// <summary>Syncs the current practice unless this process did so already.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var practiceId = db.CurrentPracticeId;
        if (practiceId == Guid.Empty || state.Synced.ContainsKey(practiceId))
        {
            return;
        }
        await SyncAsync(ct);
    }

    /// <summary>Syncs the current practice now, all or nothing, inside the caller's transaction when there is one.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var practiceId = db.CurrentPracticeId;
        if (practiceId == Guid.Empty)
        {
            throw new InvalidOperationException("The library syncs into a practice: set the practice first.");
        }

        var joined = db.Database.CurrentTransaction is not null;
        await using (var transaction = await db.Database.BeginNestedTransactionAsync(ct))
        {
            var lockKey = "exercise-library:" + practiceId;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", ct);

            var existing = await db.Exercises.Where(e => e.BuiltInKey != null).ToDictionaryAsync(e => e.BuiltInKey!, ct);
            var now = clock.GetUtcNow();
            var written = 0;
            foreach (var item in library.Exercises)
            {
                if (!existing.TryGetValue(item.Key, out var exercise))
                {
                    exercise = new Exercise
                    {
                        PracticeId = practiceId, Id = Guid.CreateVersion7(now), BuiltInKey = item.Key, LibraryVersion = item.Version,
                        CurrentVersion = 1, CreatedAt = now, UpdatedAt = now,
                        SuitabilityNote = item.Review.Note, AfterSafetyScreening = item.Review.AfterSafetyScreening,
                    };
                    db.Exercises.Add(exercise);
                    db.ExerciseVersions.Add(ExerciseVersion.Create(practiceId, exercise.Id, 1, WithStableIds(item, exercise.Id), now, null, item.Version));
                    written++;
                    continue;
                }
                // A revised review is for counselors only: it updates in place, never as a new version for clients.
                exercise.SuitabilityNote = item.Review.Note;
                exercise.AfterSafetyScreening = item.Review.AfterSafetyScreening;
                if (exercise.LibraryVersion < item.Version)
                {
                    var next = exercise.CurrentVersion + 1;
                    db.ExerciseVersions.Add(ExerciseVersion.Create(practiceId, exercise.Id, next, WithStableIds(item, exercise.Id), now, null, item.Version));
                    exercise.CurrentVersion = next;
                    exercise.LibraryVersion = item.Version;
                    exercise.UpdatedAt = now;
                    written++;
                }
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            // Inside a caller's transaction the writes count only once it commits: remember the practice as
            // synced when nothing was left to write (the next read finds it so), not on the caller's behalf.
            if (!joined || written == 0)
            {
                state.Synced[practiceId] = true;
            }
            return written;
        }
    }

    private static ExerciseContent WithStableIds(LibraryExercise item, Guid exerciseId) => item.Content with
    {
        Prompts = item.Content.Prompts.Select(p => p with { Id = ExercisePrompt.StableId(exerciseId, p.Key!) }).ToList(),
    };
}
