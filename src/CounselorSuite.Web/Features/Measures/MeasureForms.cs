using System.Globalization;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Measures;

/// <summary>
/// A measure as an assignable form: its items become the prompts of a hidden exercise version, so the
/// homework flow (assigning once or recurring, drafts, submitting, reminders, the portal's answer page)
/// carries measures without a second code path. Scoring happens on submission (MeasureSubmissions).
/// </summary>
/// <remarks>
/// Item to prompt: a whole-number range with step 1 becomes a Scale prompt; every other item (answer
/// options, fractional steps) becomes a Choice prompt whose choices are the options' labels. A critical
/// rule becomes the prompt's safety rule, so a danger answer raises a safety alert in a draft too, and a
/// submission with a critical item is a screening: it stays between the client and the counselors and
/// cannot be shared with a partner.
/// </remarks>
public static class MeasureForms
{
    /// <summary>The version carrying <paramref name="key"/> (the given version or the latest), made on first use; null when the practice has no such measure.</summary>
    public static async Task<(ExerciseVersion Version, MeasureDefinition Measure)?> EnsureAsync(
        AppDbContext db, TimeProvider clock, string key, int? version, CancellationToken ct)
    {
        var found = await new MeasureCatalog(db, clock).FindAsync(key, version, ct);
        if (found is not { } measure)
        {
            return null;
        }
        var definition = measure.Definition;
        var existing = await ExistingAsync(db, definition, ct);
        if (existing is not null)
        {
            return (existing, definition);
        }

        var now = clock.GetUtcNow();
        var practiceId = db.CurrentPracticeId;
        var exercise = new Exercise
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), CurrentVersion = 1, IsArchived = true, ArchivedAt = now,
            CreatedAt = now, UpdatedAt = now,
        };
        var content = new ExerciseContent(definition.Title, definition.Description ?? definition.Title, ExerciseTheme.TrustSmallActs,
            ExerciseSuitability.Either, Joint: false, EstimatedMinutes: Math.Max(2, definition.Items.Count / 2), definition.Instructions ?? "",
            Steps: [], SafetyScreening: false, PointsToResources: definition.Items.Any(i => i.Critical is not null),
            Prompts: definition.Items.Select(i => PromptFor(exercise.Id, i)).ToList());
        var form = ExerciseVersion.Create(practiceId, exercise.Id, 1, content, now, null);
        db.Exercises.Add(exercise);
        db.ExerciseVersions.Add(form);
        db.MeasureForms.Add(new MeasureForm
        {
            PracticeId = practiceId, ExerciseId = exercise.Id, ExerciseVersionId = form.Id, MeasureKey = definition.Key,
            MeasureVersion = definition.Version, CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Made at the same moment by another request: use that one.
            db.ChangeTracker.Clear();
            var made = await ExistingAsync(db, definition, ct);
            return made is null ? null : (made, definition);
        }
        return (form, definition);
    }

    /// <summary>The measure a form version carries, or null when the version is an ordinary exercise.</summary>
    public static async Task<MeasureDefinition?> MeasureOfAsync(AppDbContext db, TimeProvider clock, Guid exerciseVersionId, CancellationToken ct)
    {
        var form = await db.MeasureForms.AsNoTracking().Where(f => f.ExerciseVersionId == exerciseVersionId)
            .Select(f => new { f.MeasureKey, f.MeasureVersion }).FirstOrDefaultAsync(ct);
        if (form is null)
        {
            return null;
        }
        return (await new MeasureCatalog(db, clock).FindAsync(form.MeasureKey, form.MeasureVersion, ct))?.Definition;
    }

    private static Task<ExerciseVersion?> ExistingAsync(AppDbContext db, MeasureDefinition definition, CancellationToken ct) =>
        db.MeasureForms.AsNoTracking().Where(f => f.MeasureKey == definition.Key && f.MeasureVersion == definition.Version)
            .Join(db.ExerciseVersions.AsNoTracking(), f => f.ExerciseVersionId, v => v.Id, (f, v) => v)
            .FirstOrDefaultAsync(ct);

    /// <summary>Whether an item is asked as a Scale prompt (whole numbers, step 1) rather than a Choice.</summary>
    public static bool AsScale(MeasureItem item) =>
        item.Options.Count == 0 && item.Range is { } r && r.Step == 1 && IsWhole(r.Min) && IsWhole(r.Max);

    /// <summary>The label a Choice prompt shows for an answer value; unique within the item.</summary>
    public static string ChoiceLabel(MeasureItem item, double value)
    {
        var option = item.Options.FirstOrDefault(o => o.Value == value);
        var text = option?.Label ?? value.ToString("0.###", CultureInfo.InvariantCulture);
        // Two options with the same words must still be told apart when the answer comes back.
        return option is not null && item.Options.Count(o => o.Label == option.Label) > 1
            ? $"{text} ({value.ToString("0.###", CultureInfo.InvariantCulture)})"
            : text;
    }

    /// <summary>The answer values an item offers, in order.</summary>
    public static IReadOnlyList<double> Values(MeasureItem item)
    {
        if (item.Options.Count > 0)
        {
            return item.Options.Select(o => o.Value).ToList();
        }
        var range = item.Range!;
        var values = new List<double>();
        for (var v = range.Min; v <= range.Max + 1e-9 && values.Count < 200; v += range.Step)
        {
            values.Add(Math.Round(v, 6));
        }
        return values;
    }

    internal static ExercisePrompt PromptFor(Guid exerciseId, MeasureItem item)
    {
        var id = ExercisePrompt.StableId(exerciseId, item.Id);
        var dimension = item.Dimension is not null && EnumNames.TryParse<ProgressDimension>(item.Dimension, out var d) ? d : (ProgressDimension?)null;
        if (AsScale(item))
        {
            var range = item.Range!;
            return new ExercisePrompt
            {
                Id = id, Key = item.Id, Kind = PromptKind.Scale, Text = item.Text,
                // A reverse item's raw answer runs against its dimension; MeasureSubmissions adds its scored value instead.
                Dimension = item.Reverse ? null : dimension,
                Min = (int)range.Min, Max = (int)range.Max, MinLabel = range.MinLabel, MaxLabel = range.MaxLabel,
                Safety = item.Critical is { } c ? ScaleSafety(item, c) : null,
            };
        }
        var values = Values(item);
        return new ExercisePrompt
        {
            Id = id, Key = item.Id, Kind = PromptKind.Choice, Text = item.Text,
            Options = values.Select(v => ChoiceLabel(item, v)).ToList(),
            Safety = item.Critical is { } rule
                ? new PromptSafety { DangerAnswers = values.Where(rule.IsHit).Select(v => ChoiceLabel(item, v)).ToList() }
                : null,
        };
    }

    private static PromptSafety ScaleSafety(MeasureItem item, CriticalRule rule)
    {
        // "At or below" is what a scale prompt's safety rule says itself; any other rule lists the values.
        if (rule.AtOrBelow is { } below && rule.AtOrAbove is null && rule.Values.All(v => v <= below))
        {
            return new PromptSafety { DangerAtOrBelow = (int)Math.Floor(below) };
        }
        // Scale prompts have no list of danger values: the submission hook raises the alert for these
        // (MeasureSubmissions), and an empty rule still marks the answer as a screening.
        return new PromptSafety { DangerAnswers = [] };
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9 && Math.Abs(value) < 100_000;
}
