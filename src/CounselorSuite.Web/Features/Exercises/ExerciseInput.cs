using CounselorSuite.Web.Infrastructure.Input;
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
public static class ExerciseRules
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

        if (!EnumNames.TryParse<ExerciseTheme>(request.Category, out var theme))
        {
            errors.Add(themeField, string.IsNullOrWhiteSpace(request.Category)
                ? "Theme is required."
                : $"Unknown theme. Use one of: {string.Join(", ", Enum.GetNames<ExerciseTheme>())}.");
        }

        var suitability = ExerciseSuitability.Either;
        if (request.Suitability is not null && !EnumNames.TryParse(request.Suitability, out suitability))
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

        var steps = Steps(request.Steps, errors);
        var prompts = PromptRules.Validate(request.Prompts, errors, library);
        if (errors.Any)
        {
            return null;
        }
        return new ExerciseContent(
            Clean(request.Title), Clean(request.Summary), theme, suitability, joint, request.EstimatedMinutes,
            Clean(request.Instructions), steps, request.SafetyScreening ?? false, request.PointsToResources ?? false, prompts);
    }

    private static List<string> Steps(IReadOnlyList<string?>? rawSteps, FieldErrors errors)
    {
        var steps = new List<string>();
        if (rawSteps is null)
        {
            return steps;
        }
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
        return steps;
    }

    /// <summary>Trims and makes line ends \n, so a browser's \r\n never counts as a change.</summary>
    public static string Clean(string? value) => (value ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
}
