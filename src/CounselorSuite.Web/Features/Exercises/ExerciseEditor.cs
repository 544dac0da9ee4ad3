using System.Security.Claims;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>What became of a change to the library.</summary>
public abstract record ExerciseChange
{
    /// <summary>A new exercise or a new version was written.</summary>
    public sealed record Saved(Guid Id, int Version) : ExerciseChange;

    /// <summary>The content equals the current version: no version was written.</summary>
    public sealed record Unchanged(Guid Id, int Version) : ExerciseChange;

    public sealed record Deleted : ExerciseChange;

    /// <summary>Archived or brought back.</summary>
    public sealed record ArchiveSet(Guid Id, bool Archived) : ExerciseChange;

    public sealed record NotFound : ExerciseChange;

    /// <summary>Someone saved a newer version since the editor loaded <c>BaseVersion</c>.</summary>
    public sealed record Stale(int CurrentVersion) : ExerciseChange;

    /// <summary>The exercise's state forbids it (a built-in is read-only; an assigned one stays).</summary>
    public sealed record Refused(string Reason) : ExerciseChange;

    /// <summary>A colleague's exercise (or a built-in, for archiving): the caller may read and copy it, not change it.</summary>
    public sealed record NotYours : ExerciseChange
    {
        public const string Reason = "Only the counselor who made this exercise, or an admin, can change, archive or delete it. Copy it to adapt it.";
    }
}

/// <summary>
/// Who asks for a change to the library. The library is the practice's: everyone on its staff reads and
/// copies every exercise, but a counselor changes, archives or deletes only the exercises they made; an
/// admin may do so for all of them, and is the only one who archives a built-in for the whole practice.
/// </summary>
public sealed record ExerciseEditorRole(Guid UserId, bool IsAdmin)
{
    public static ExerciseEditorRole Of(ClaimsPrincipal user) => new(user.UserId(), user.IsAdmin());

    public bool MayChange(Guid? createdBy, bool builtIn) => IsAdmin || (!builtIn && createdBy == UserId);
}

/// <summary>
/// Writes the library: every change goes through here so the version rules hold for the API and the
/// pages alike. Versions are only ever added; an edit on a stale version is refused, never merged.
/// </summary>
public sealed class ExerciseEditor(AppDbContext db, IExerciseUsage usage, TimeProvider clock)
{
    public async Task<ExerciseChange.Saved> CreateAsync(ExerciseContent content, Guid userId, CancellationToken ct, Guid? copiedFrom = null)
    {
        var now = clock.GetUtcNow();
        var practiceId = db.CurrentPracticeId;
        var exercise = new Exercise
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), CurrentVersion = 1, CopiedFromId = copiedFrom,
            CreatedAt = now, CreatedBy = userId, UpdatedAt = now,
        };
        var prompts = content.Prompts.Select(p => p.Id == Guid.Empty ? p with { Id = Guid.CreateVersion7(now) } : p).ToList();
        db.Exercises.Add(exercise);
        db.ExerciseVersions.Add(ExerciseVersion.Create(practiceId, exercise.Id, 1, content with { Prompts = prompts }, now, userId));
        await db.SaveChangesAsync(ct);
        return new ExerciseChange.Saved(exercise.Id, 1);
    }

    /// <summary>Saves <paramref name="content"/> as the next version of an exercise the editor loaded at <paramref name="baseVersion"/>.</summary>
    public async Task<ExerciseChange> UpdateAsync(Guid id, int baseVersion, ExerciseContent content, ExerciseEditorRole editor, CancellationToken ct)
    {
        var userId = editor.UserId;
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
        {
            return new ExerciseChange.NotFound();
        }
        if (exercise.IsBuiltIn)
        {
            return new ExerciseChange.Refused("Built-in exercises cannot be edited. Copy it into your practice's exercises and edit the copy.");
        }
        if (!editor.MayChange(exercise.CreatedBy, builtIn: false))
        {
            return new ExerciseChange.NotYours();
        }
        if (exercise.CurrentVersion != baseVersion)
        {
            return new ExerciseChange.Stale(exercise.CurrentVersion);
        }
        var current = await db.ExerciseVersions.AsNoTracking()
            .FirstAsync(v => v.ExerciseId == id && v.Version == exercise.CurrentVersion, ct);
        var now = clock.GetUtcNow();
        content = content with { Prompts = KeepPromptIds(content.Prompts, current.Prompts, now) };
        if (content.SameAs(current.Content()))
        {
            return new ExerciseChange.Unchanged(id, current.Version);
        }

        var next = exercise.CurrentVersion + 1;
        db.ExerciseVersions.Add(ExerciseVersion.Create(exercise.PracticeId, id, next, content, now, userId));
        exercise.CurrentVersion = next;
        exercise.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException
                                  || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another save won the race between our read and our write.
            db.ChangeTracker.Clear();
            var latest = await db.Exercises.AsNoTracking().Where(e => e.Id == id).Select(e => e.CurrentVersion).FirstAsync(ct);
            return new ExerciseChange.Stale(latest);
        }
        return new ExerciseChange.Saved(id, next);
    }

    /// <summary>Copies the current version of any exercise (built-in or own) into a new practice exercise.</summary>
    public async Task<ExerciseChange> CopyAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var source = await db.Exercises.AsNoTracking()
            .Where(e => e.Id == id)
            .SelectMany(e => e.Versions.Where(v => v.Version == e.CurrentVersion))
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return new ExerciseChange.NotFound();
        }
        var content = source.Content();
        // A copy is a new exercise: its prompts get ids of their own (keys stay, to trace them to the library).
        content = content with { Prompts = content.Prompts.Select(p => p with { Id = Guid.Empty }).ToList() };
        var copy = await CreateAsync(content, userId, ct, copiedFrom: id);
        if (copy is ExerciseChange.Saved saved)
        {
            // The review travels with the copy: adapting the words does not make a risky exercise safe.
            var review = await db.Exercises.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new { e.SuitabilityNote, e.AfterSafetyScreening }).FirstAsync(ct);
            await db.Exercises.Where(e => e.Id == saved.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.SuitabilityNote, review.SuitabilityNote)
                .SetProperty(e => e.AfterSafetyScreening, review.AfterSafetyScreening), ct);
        }
        return copy;
    }

    public async Task<ExerciseChange> SetArchivedAsync(Guid id, bool archived, ExerciseEditorRole editor, CancellationToken ct)
    {
        var owner = await db.Exercises.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.CreatedBy, BuiltIn = e.BuiltInKey != null }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return new ExerciseChange.NotFound();
        }
        if (!editor.MayChange(owner.CreatedBy, owner.BuiltIn))
        {
            return new ExerciseChange.NotYours();
        }
        var now = clock.GetUtcNow();
        // Archiving is not an edit of the content: it never conflicts with one, so no version check.
        await db.Exercises.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.IsArchived, archived)
            .SetProperty(e => e.ArchivedAt, archived ? now : null)
            .SetProperty(e => e.UpdatedAt, now), ct);
        return new ExerciseChange.ArchiveSet(id, archived);
    }

    /// <summary>Deletes a practice's own exercise that was never assigned, with all its versions.</summary>
    public async Task<ExerciseChange> DeleteAsync(Guid id, ExerciseEditorRole editor, CancellationToken ct)
    {
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
        {
            return new ExerciseChange.NotFound();
        }
        if (exercise.IsBuiltIn)
        {
            return new ExerciseChange.Refused("Built-in exercises cannot be deleted; archive it to hide it from the library.");
        }
        if (!editor.MayChange(exercise.CreatedBy, builtIn: false))
        {
            return new ExerciseChange.NotYours();
        }
        if (await usage.IsEverAssignedAsync(id, ct))
        {
            return new ExerciseChange.Refused("This exercise was assigned, so it stays: archive it to hide it from the library.");
        }
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        try
        {
            await db.ExerciseVersions.Where(v => v.ExerciseId == id).ExecuteDeleteAsync(ct);
            await db.Exercises.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when ((e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // An assignment made between the check and the delete: the database's foreign key has the last word.
            return new ExerciseChange.Refused("This exercise was assigned, so it stays: archive it to hide it from the library.");
        }
        return new ExerciseChange.Deleted();
    }

    /// <summary>
    /// A prompt sent without an id keeps the id of the current version's prompt at the same place when
    /// it is the same question (same kind and text), so saving unchanged content is no change.
    /// </summary>
    private static List<ExercisePrompt> KeepPromptIds(IReadOnlyList<ExercisePrompt> incoming, IReadOnlyList<ExercisePrompt> current, DateTimeOffset now)
    {
        var claimed = incoming.Where(p => p.Id != Guid.Empty).Select(p => p.Id).ToHashSet();
        var result = new List<ExercisePrompt>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var p = incoming[i];
            if (p.Id == Guid.Empty)
            {
                var id = i < current.Count && current[i].Kind == p.Kind && current[i].Text == p.Text && claimed.Add(current[i].Id)
                    ? current[i].Id
                    : Guid.CreateVersion7(now);
                p = p with { Id = id };
            }
            // Keys trace a prompt to the library; an edit that keeps the id keeps the key.
            var before = current.FirstOrDefault(c => c.Id == p.Id);
            p = p with { Key = p.Key ?? before?.Key };
            result.Add(p);
        }
        return result;
    }
}
