using System.Text.RegularExpressions;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// An exercise as the API, the builder page and the library files send it. <c>Version</c> is the
/// version the editor started from (PUT only; an If-Match header may carry it instead).
/// </summary>
public sealed record ExerciseRequest(
    string? Title,
    string? Category,
    string? Summary,
    string? Instructions,
    IReadOnlyList<PromptRequest?>? Prompts,
    IReadOnlyList<string?>? Steps = null,
    string? Suitability = null,
    bool? Joint = null,
    int? EstimatedMinutes = null,
    bool? SafetyScreening = null,
    bool? PointsToResources = null,
    int? Version = null);

/// <summary>A prompt; leave <c>Id</c> out for a new prompt, send it back to keep a prompt's identity.</summary>
public sealed record PromptRequest(
    Guid? Id,
    string? Kind,
    string? Text,
    string? Dimension = null,
    int? Min = null,
    int? Max = null,
    string? MinLabel = null,
    string? MaxLabel = null,
    IReadOnlyList<string?>? Options = null,
    PromptSafetyRequest? Safety = null,
    string? Key = null);

public sealed record PromptSafetyRequest(IReadOnlyList<string?>? DangerAnswers, int? DangerAtOrBelow);

/// <summary>
/// The rules every exercise meets, whoever wrote it. The built-in library is held to a few more (a key
/// per prompt, a dimension on every scale, 2 to 8 prompts, an estimated time).
/// </summary>
public static partial class ExerciseRules
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 300;
    public const int MaxInstructions = 20_000;
    public const int MaxSteps = 30;
    public const int MaxStep = 500;
    public const int MaxPrompts = 50;
    public const int MaxPromptText = 1_000;
    public const int MaxLabel = 100;
    public const int MaxOptions = 30;
    public const int MaxOption = 200;
    public const int MaxScaleRange = 100;

    /// <summary>
    /// Validates <paramref name="request"/>; returns the content, or null with <paramref name="errors"/>
    /// filled per field. Prompts without an id keep Guid.Empty: the caller decides their ids.
    /// </summary>
    public static ExerciseContent? Validate(ExerciseRequest request, FieldErrors errors, bool library = false, string themeField = "category")
    {
        errors.Require(request.Title, "title", MaxTitle, "Title");
        errors.Require(request.Summary, "summary", MaxSummary, "Summary");
        if (request.Summary is not null && request.Summary.Contains('\n'))
        {
            errors.Add("summary", "Summary must be one line.");
        }

        if (library)
        {
            errors.Require(request.Instructions, "instructions", MaxInstructions, "Instructions");
        }
        else if (request.Instructions is { Length: > MaxInstructions })
        {
            errors.Add("instructions", $"Instructions must be at most {MaxInstructions:N0} characters.");
        }

        if (!ExerciseVocabulary.TryParseName<ExerciseTheme>(request.Category, out var theme))
        {
            errors.Add(themeField, string.IsNullOrWhiteSpace(request.Category)
                ? "Theme is required."
                : $"Unknown theme. Use one of: {string.Join(", ", Enum.GetNames<ExerciseTheme>())}.");
        }

        var suitability = ExerciseSuitability.Either;
        if (request.Suitability is not null && !ExerciseVocabulary.TryParseName(request.Suitability, out suitability))
        {
            errors.Add("suitability", "Suitability must be Individual, Couple or Either.");
        }
        if (library && request.Suitability is null)
        {
            errors.Add("suitability", "Suitability is required.");
        }
        var joint = request.Joint ?? false;
        if (joint && suitability == ExerciseSuitability.Individual)
        {
            errors.Add("joint", "An exercise for one person cannot be done jointly.");
        }

        if (request.EstimatedMinutes is { } minutes && (minutes < 1 || minutes > 600))
        {
            errors.Add("estimatedMinutes", "Estimated time must be between 1 and 600 minutes.");
        }
        else if (library && request.EstimatedMinutes is null)
        {
            errors.Add("estimatedMinutes", "Estimated time is required.");
        }

        var steps = new List<string>();
        if (request.Steps is { } rawSteps)
        {
            if (rawSteps.Count > MaxSteps)
            {
                errors.Add("steps", $"At most {MaxSteps} steps.");
            }
            for (var i = 0; i < rawSteps.Count; i++)
            {
                var step = Clean(rawSteps[i]);
                if (step.Length == 0)
                {
                    errors.Add($"steps[{i}]", "A step cannot be empty.");
                }
                else if (step.Length > MaxStep)
                {
                    errors.Add($"steps[{i}]", $"A step must be at most {MaxStep} characters.");
                }
                steps.Add(step);
            }
        }

        var prompts = ValidatePrompts(request.Prompts, errors, library);
        if (errors.Any)
        {
            return null;
        }
        return new ExerciseContent(
            Clean(request.Title), Clean(request.Summary), theme, suitability, joint, request.EstimatedMinutes,
            Clean(request.Instructions), steps, request.SafetyScreening ?? false, request.PointsToResources ?? false, prompts);
    }

    private static List<ExercisePrompt> ValidatePrompts(IReadOnlyList<PromptRequest?>? requests, FieldErrors errors, bool library)
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

            if (!ExerciseVocabulary.TryParseName<PromptKind>(p.Kind, out var kind))
            {
                errors.Add($"{field}.kind", "Kind must be Text, Scale, Checklist, YesNo or Choice.");
                continue;
            }

            ProgressDimension? dimension = null;
            if (p.Dimension is not null)
            {
                if (!ExerciseVocabulary.TryParseName<ProgressDimension>(p.Dimension, out var d))
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

            if (kind == PromptKind.Scale)
            {
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
            else if (p.Min is not null || p.Max is not null || p.MinLabel is not null || p.MaxLabel is not null)
            {
                errors.Add($"{field}.{(p.Min is not null ? "min" : p.Max is not null ? "max" : p.MinLabel is not null ? "minLabel" : "maxLabel")}",
                    "Only a scale prompt has a range and labels.");
            }

            var options = new List<string>();
            if (kind is PromptKind.Choice or PromptKind.Checklist)
            {
                options = (p.Options ?? []).Select(Clean).ToList();
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
            }
            else if (p.Options is { Count: > 0 })
            {
                errors.Add($"{field}.options", "Only a choice or checklist prompt has options.");
            }

            var safety = ValidateSafety(p, kind, options, $"{field}.safety", errors);
            if (FieldCount(errors) > before)
            {
                continue;
            }
            prompts.Add(new ExercisePrompt
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
            });
        }
        return prompts;
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

    /// <summary>Trims and makes line ends \n, so a browser's \r\n never counts as a change.</summary>
    public static string Clean(string? value) => (value ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    // Each prompt's errors are under its own field names, so a growing field count means this prompt failed.
    private static int FieldCount(FieldErrors errors) => errors.ToDictionary().Count;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : Clean(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PromptKey();
}
