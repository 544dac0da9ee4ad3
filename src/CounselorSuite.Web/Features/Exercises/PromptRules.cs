using System.Text.RegularExpressions;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using static CounselorSuite.Web.Features.Exercises.ExerciseRules;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// The prompts of an exercise: kinds, keys and ids, a scale's range and dimension, a choice's options, and
/// what signals danger. Part of <see cref="ExerciseRules"/>.
/// </summary>
internal static partial class PromptRules
{
    public static List<ExercisePrompt> Validate(IReadOnlyList<PromptRequest?>? requests, FieldErrors errors, bool library)
    {
        var prompts = new List<ExercisePrompt>();
        if (requests is null || requests.Count == 0)
        {
            errors.Add("prompts", "Add at least one prompt.");
            return prompts;
        }
        if (requests.Count > MaxPrompts)
        {
            errors.Add("prompts", $"An exercise can have at most {MaxPrompts} prompts.");
            return prompts;
        }
        if (library && requests.Count is < 2 or > 8)
        {
            errors.Add("prompts", "A built-in exercise has 2 to 8 prompts.");
        }

        var ids = new HashSet<Guid>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"prompts[{i}]";
            if (requests[i] is not { } p)
            {
                errors.Add(field, "A prompt cannot be empty.");
                continue;
            }
            var before = FieldCount(errors);
            if (Prompt(p, field, ids, keys, errors, library) is { } prompt && FieldCount(errors) == before)
            {
                prompts.Add(prompt);
            }
        }
        return prompts;
    }

    /// <summary>One prompt; its problems go under its own field names.</summary>
    private static ExercisePrompt? Prompt(PromptRequest p, string field, HashSet<Guid> ids, HashSet<string> keys, FieldErrors errors, bool library)
    {
        if (p.Id is { } id && (id == Guid.Empty || !ids.Add(id)))
        {
            errors.Add($"{field}.id", id == Guid.Empty ? "A prompt id cannot be empty." : "Two prompts have the same id.");
        }
        if (library && (p.Key is null || !PromptKey().IsMatch(p.Key)))
        {
            errors.Add($"{field}.key", "A built-in prompt needs a key of lower-case letters, digits and dashes.");
        }
        if (p.Key is not null && !keys.Add(p.Key))
        {
            errors.Add($"{field}.key", "Two prompts have the same key.");
        }
        if (p.Key is { Length: > 40 })
        {
            errors.Add($"{field}.key", "A prompt key must be at most 40 characters.");
        }
        errors.Require(p.Text, $"{field}.text", MaxPromptText, "Prompt text");

        if (!EnumNames.TryParse<PromptKind>(p.Kind, out var kind))
        {
            errors.Add($"{field}.kind", "Kind must be Text, Scale, Checklist, YesNo or Choice.");
            return null;
        }

        ProgressDimension? dimension = null;
        if (p.Dimension is not null)
        {
            if (!EnumNames.TryParse<ProgressDimension>(p.Dimension, out var d))
            {
                errors.Add($"{field}.dimension", $"Unknown dimension. Use one of: {string.Join(", ", Enum.GetNames<ProgressDimension>())}.");
            }
            else if (kind != PromptKind.Scale)
            {
                errors.Add($"{field}.dimension", "Only a scale prompt measures a dimension.");
            }
            else
            {
                dimension = d;
            }
        }
        CheckRange(p, kind, field, errors, library);
        var options = Options(p, kind, field, errors);
        var safety = ValidateSafety(p, kind, options, $"{field}.safety", errors);
        return new ExercisePrompt
        {
            Id = p.Id ?? Guid.Empty,
            Key = p.Key,
            Kind = kind,
            Text = Clean(p.Text),
            Dimension = dimension,
            Min = kind == PromptKind.Scale ? p.Min : null,
            Max = kind == PromptKind.Scale ? p.Max : null,
            MinLabel = kind == PromptKind.Scale ? NullIfBlank(p.MinLabel) : null,
            MaxLabel = kind == PromptKind.Scale ? NullIfBlank(p.MaxLabel) : null,
            Options = kind is PromptKind.Choice or PromptKind.Checklist ? options : null,
            Safety = safety,
        };
    }

    /// <summary>A scale's minimum, maximum and labels; any other kind has none.</summary>
    private static void CheckRange(PromptRequest p, PromptKind kind, string field, FieldErrors errors, bool library)
    {
        if (kind != PromptKind.Scale)
        {
            if (p.Min is not null || p.Max is not null || p.MinLabel is not null || p.MaxLabel is not null)
            {
                errors.Add($"{field}.{(p.Min is not null ? "min" : p.Max is not null ? "max" : p.MinLabel is not null ? "minLabel" : "maxLabel")}",
                    "Only a scale prompt has a range and labels.");
            }
            return;
        }
        if (library && p.Dimension is null)
        {
            errors.Add($"{field}.dimension", "Every built-in scale names the dimension it measures.");
        }
        if (p.Min is null)
        {
            errors.Add($"{field}.min", "A scale needs a minimum.");
        }
        if (p.Max is null)
        {
            errors.Add($"{field}.max", "A scale needs a maximum.");
        }
        if (p.Min is { } min && p.Max is { } max)
        {
            if (min >= max)
            {
                errors.Add($"{field}.max", "The maximum must be above the minimum.");
            }
            else if ((long)max - min > MaxScaleRange)
            {
                errors.Add($"{field}.max", $"A scale can span at most {MaxScaleRange} points.");
            }
        }
        if (p.MinLabel is { Length: > MaxLabel })
        {
            errors.Add($"{field}.minLabel", $"A label must be at most {MaxLabel} characters.");
        }
        if (p.MaxLabel is { Length: > MaxLabel })
        {
            errors.Add($"{field}.maxLabel", $"A label must be at most {MaxLabel} characters.");
        }
    }

    /// <summary>A choice's or checklist's options; any other kind has none.</summary>
    private static List<string> Options(PromptRequest p, PromptKind kind, string field, FieldErrors errors)
    {
        if (kind is not (PromptKind.Choice or PromptKind.Checklist))
        {
            if (p.Options is { Count: > 0 })
            {
                errors.Add($"{field}.options", "Only a choice or checklist prompt has options.");
            }
            return [];
        }
        var options = (p.Options ?? []).Select(Clean).ToList();
        if (options.Count < 2)
        {
            errors.Add($"{field}.options", "A choice or checklist needs at least two options.");
        }
        else if (options.Count > MaxOptions)
        {
            errors.Add($"{field}.options", $"At most {MaxOptions} options.");
        }
        else if (options.Any(o => o.Length == 0))
        {
            errors.Add($"{field}.options", "An option cannot be empty.");
        }
        else if (options.Any(o => o.Length > MaxOption))
        {
            errors.Add($"{field}.options", $"An option must be at most {MaxOption} characters.");
        }
        else if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            errors.Add($"{field}.options", "Two options are the same.");
        }
        return options;
    }

    private static PromptSafety? ValidateSafety(PromptRequest p, PromptKind kind, List<string> options, string field, FieldErrors errors)
    {
        if (p.Safety is not { } safety || (safety.DangerAtOrBelow is null && safety.DangerAnswers is not { Count: > 0 }))
        {
            return null;
        }
        switch (kind)
        {
            case PromptKind.Text:
                errors.Add(field, "A text prompt cannot screen for danger: choose a yes/no, choice, checklist or scale prompt.");
                return null;
            case PromptKind.Scale:
                if (safety.DangerAnswers is { Count: > 0 })
                {
                    errors.Add($"{field}.dangerAnswers", "A scale signals danger by a value, not by answers.");
                }
                if (safety.DangerAtOrBelow is not { } limit)
                {
                    errors.Add($"{field}.dangerAtOrBelow", "Give the value at or below which a scale answer signals danger.");
                }
                else if (limit < p.Min || limit >= p.Max)
                {
                    errors.Add($"{field}.dangerAtOrBelow", "The danger value must lie within the scale, below its maximum.");
                }
                return new PromptSafety { DangerAtOrBelow = safety.DangerAtOrBelow };
            default:
                if (safety.DangerAtOrBelow is not null)
                {
                    errors.Add($"{field}.dangerAtOrBelow", "Only a scale signals danger by a value.");
                }
                var answers = (safety.DangerAnswers ?? []).Select(Clean).ToList();
                var choices = kind == PromptKind.YesNo ? [ExercisePrompt.Yes, ExercisePrompt.No] : options;
                if (answers.Count == 0 || answers.Any(a => !choices.Contains(a, StringComparer.Ordinal)))
                {
                    errors.Add($"{field}.dangerAnswers", "Danger answers must be among the prompt's choices.");
                }
                return new PromptSafety { DangerAnswers = answers.Distinct(StringComparer.Ordinal).ToList() };
        }
    }

    // Each prompt's errors are under its own field names, so a growing field count means this prompt failed.
    private static int FieldCount(FieldErrors errors) => errors.ToDictionary().Count;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : Clean(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PromptKey();
}
