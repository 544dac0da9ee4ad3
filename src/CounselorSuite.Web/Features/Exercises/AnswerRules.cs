using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>An answer as the API takes it: text for text prompts, value for scales, choices for the rest.</summary>
public sealed record AnswerRequest(Guid? PromptId, string? Text, int? Value, IReadOnlyList<string?>? Choices);

/// <summary>
/// Checks answers against the prompts of the pinned version and turns them into the stored form: one
/// answer per prompt, in the prompts' order, empty answers left out.
/// </summary>
public static class AnswerRules
{
    public const int MaxAnswers = 200;

    public static List<PromptAnswer>? Validate(IReadOnlyList<AnswerRequest?>? requests, IReadOnlyList<ExercisePrompt> prompts, FieldErrors errors)
    {
        var byPrompt = new Dictionary<Guid, PromptAnswer>();
        requests ??= [];
        if (requests.Count > MaxAnswers)
        {
            errors.Add("answers", $"At most {MaxAnswers} answers.");
            return null;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"answers[{i}]";
            if (requests[i] is not { } request)
            {
                errors.Add(field, "An answer cannot be empty.");
                continue;
            }
            var prompt = request.PromptId is { } id ? prompts.FirstOrDefault(p => p.Id == id) : null;
            if (prompt is null)
            {
                errors.Add($"{field}.promptId", request.PromptId is null ? "Say which prompt this answers." : "This exercise has no such prompt.");
                continue;
            }
            if (byPrompt.ContainsKey(prompt.Id))
            {
                errors.Add($"{field}.promptId", "Two answers to the same prompt.");
                continue;
            }
            if (request.Choices is { } choices && choices.Any(c => c is null))
            {
                errors.Add($"{field}.choices", "A choice cannot be empty.");
                continue;
            }
            var answer = new PromptAnswer(prompt.Id,
                request.Text is null ? null : ExerciseRules.Clean(request.Text),
                request.Value,
                request.Choices?.Select(c => c!).ToList());
            if (request.Text is { Length: > 20_000 })
            {
                errors.Add($"{field}.text", "An answer must be at most 20000 characters.");
                continue;
            }
            if (prompt.Check(answer) is { } problem)
            {
                errors.Add($"{field}.{FieldOf(prompt.Kind)}", problem);
                continue;
            }
            byPrompt[prompt.Id] = answer;
        }
        if (errors.Any)
        {
            return null;
        }
        return prompts.Where(p => byPrompt.ContainsKey(p.Id) && !IsEmpty(byPrompt[p.Id])).Select(p => byPrompt[p.Id]).ToList();
    }

    public static bool IsEmpty(PromptAnswer answer) =>
        string.IsNullOrEmpty(answer.Text) && answer.Value is null && (answer.Choices is null || answer.Choices.Count == 0);

    private static string FieldOf(PromptKind kind) => kind switch
    {
        PromptKind.Text => "text",
        PromptKind.Scale => "value",
        _ => "choices",
    };

    public static string Serialize(IReadOnlyList<PromptAnswer> answers) => JsonSerializer.Serialize(answers, ExercisePrompt.Json);

    public static List<PromptAnswer> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<PromptAnswer>>(json, ExercisePrompt.Json) ?? [];

    /// <summary>What makes two submit requests "the same body": the occurrence and the canonical answers.</summary>
    public static string Hash(Guid occurrenceId, IReadOnlyList<PromptAnswer> answers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{occurrenceId:N}\n{Serialize(answers)}")));

    /// <summary>The prompts whose answers signal danger.</summary>
    public static bool SignalsDanger(IReadOnlyList<PromptAnswer> answers, IReadOnlyList<ExercisePrompt> prompts) =>
        answers.Any(a => prompts.FirstOrDefault(p => p.Id == a.PromptId) is { } p && p.SignalsDanger(a));

    /// <summary>Answers from a safety-screening exercise or prompt stay between the client and the counselors.</summary>
    public static bool IsScreening(ExerciseVersion version, IReadOnlyList<PromptAnswer> answers) =>
        version.SafetyScreening || answers.Any(a => version.Prompts.FirstOrDefault(p => p.Id == a.PromptId)?.Safety is not null);
}
