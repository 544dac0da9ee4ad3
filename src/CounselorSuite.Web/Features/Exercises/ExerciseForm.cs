using System.Globalization;
using CounselorSuite.Web.Infrastructure.Content;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// What the shared partial Pages/Shared/_ExerciseForm.cshtml renders: an exercise as a client sees it
/// (instructions, steps, then one accessible input per prompt, named by <see cref="PromptFields.Name"/>).
/// The partial renders no &lt;form&gt; tag and no buttons: the page around it adds those.
/// </summary>
public sealed record ExerciseFormModel(
    string Title,
    string Summary,
    string InstructionsHtml,
    IReadOnlyList<string> Steps,
    int? EstimatedMinutes,
    IReadOnlyList<ExercisePrompt> Prompts)
{
    /// <summary>Answers to show in the inputs (a restored draft, or a submission to read back).</summary>
    public IReadOnlyDictionary<Guid, PromptAnswer> Answers { get; init; } = new Dictionary<Guid, PromptAnswer>();

    /// <summary>Per-prompt error messages, shown next to the prompt and tied to its input.</summary>
    public IReadOnlyDictionary<Guid, string> Errors { get; init; } = new Dictionary<Guid, string>();

    /// <summary>Show the answers without letting them change (after submitting).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Prefix for element ids, so two forms on one page do not clash.</summary>
    public string IdPrefix { get; init; } = "q";

    /// <summary>Show the title and summary as a heading (off when the page has its own heading).</summary>
    public bool ShowHeading { get; init; } = true;

    public static ExerciseFormModel From(ExerciseVersion version, MarkdownRenderer markdown) =>
        new(version.Title, version.Summary, markdown.ToHtml(version.Instructions), version.Steps, version.EstimatedMinutes, version.Prompts);

    public static ExerciseFormModel From(ExerciseContent content, MarkdownRenderer markdown) =>
        new(content.Title, content.Summary, markdown.ToHtml(content.Instructions), content.Steps, content.EstimatedMinutes, content.Prompts);

    public string ElementId(ExercisePrompt prompt) => $"{IdPrefix}-{prompt.Id:N}";

    public PromptAnswer? AnswerTo(ExercisePrompt prompt) => Answers.GetValueOrDefault(prompt.Id);

    /// <summary>Scales of up to 11 points show one radio button per point; longer ones a number field.</summary>
    public static bool ScaleAsRadios(ExercisePrompt prompt) => prompt.Max - prompt.Min <= 10;
}

/// <summary>How answer inputs are named in forms, and how a posted form turns back into answers.</summary>
public static class PromptFields
{
    /// <summary>The form field of a prompt's answer: answers[{promptId}] (repeated for a checklist).</summary>
    public static string Name(Guid promptId) => $"answers[{promptId}]";

    /// <summary>
    /// Reads the answers to <paramref name="prompts"/> from a posted form, in the API's answer shape.
    /// Fields of unknown prompts are ignored; a scale value that is not a whole number is an error for
    /// that prompt. Check each answer with <see cref="ExercisePrompt.Check"/> before saving it.
    /// </summary>
    public static (IReadOnlyList<PromptAnswer> Answers, IReadOnlyDictionary<Guid, string> Errors) Read(
        IFormCollection form, IReadOnlyList<ExercisePrompt> prompts)
    {
        var answers = new List<PromptAnswer>();
        var errors = new Dictionary<Guid, string>();
        foreach (var prompt in prompts)
        {
            var values = form[Name(prompt.Id)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            switch (prompt.Kind)
            {
                case PromptKind.Text:
                    answers.Add(new PromptAnswer(prompt.Id, values.Count > 0 ? ExerciseRules.Clean(values[0]) : null, null, null));
                    break;
                case PromptKind.Scale:
                    int? value = null;
                    if (values.Count > 0)
                    {
                        if (int.TryParse(values[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                        {
                            value = parsed;
                        }
                        else
                        {
                            errors[prompt.Id] = "Enter a whole number.";
                        }
                    }
                    answers.Add(new PromptAnswer(prompt.Id, null, value, null));
                    break;
                default:
                    answers.Add(new PromptAnswer(prompt.Id, null, null, values));
                    break;
            }
        }
        return (answers, errors);
    }
}

/// <summary>One prompt of an <see cref="ExerciseFormModel"/>, for Pages/Shared/_PromptInput.cshtml.</summary>
public sealed record PromptInputModel(ExerciseFormModel Form, ExercisePrompt Prompt, int Number);
