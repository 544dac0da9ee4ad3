using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Practices;

namespace CounselorSuite.Web.Features.Portal;

/// <summary>
/// Words a portal's name and footer must not contain: someone looking over a client's shoulder, or at
/// their browser history, should not learn from the header what the portal is for. The list is the kind
/// of care, the subjects of the library's themes, and their names; it is matched inside longer words
/// ("counsel" in "Counseling", "therap" in "Therapy").
/// </summary>
public static class PortalWords
{
    private static readonly string[] Revealing =
    [
        "counsel", "therap", "psych", "clinic", "mental", "wellbeing", "well-being", "health",
        "abuse", "violence", "domestic", "coerc", "trauma", "crisis", "shelter", "refuge", "survivor",
        "marriage", "marital", "couples", "relationship", "family services", "consent", "safe",
    ];

    private static readonly IReadOnlyList<string> All = Revealing
        .Concat(ExerciseVocabulary.Themes.Select(t => t.Name))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>The first revealing word in <paramref name="text"/> (any case, inside longer words too), or null.</summary>
    public static string? FirstRevealing(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : All.FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The message next to a field whose text gives the topic away.</summary>
    public static string Refusal(string field, string word) =>
        $"{field} would tell anyone looking at the screen what the portal is for (\u201c{word}\u201d). Choose plain words, such as \u201c{Practice.DefaultPortalName}\u201d.";
}
