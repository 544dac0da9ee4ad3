using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Web;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>A built-in exercise as its library file describes it.</summary>
/// <param name="Review">Whether it could be turned against a coerced partner: required of every library file.</param>
public sealed record LibraryExercise(string Key, int Version, string FileName, ExerciseContent Content, ExerciseReview Review);

/// <summary>A library file that cannot be used; the message names the file and the field.</summary>
public sealed class ExerciseLibraryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The built-in exercises: JSON files in Features/Exercises/Library, embedded in the assembly, read
/// and validated once at start-up. A bad file stops the start, naming the file and the field, so a
/// broken text never reaches a client. To improve an exercise, edit its file and raise its "version":
/// the sync adds a new version in every practice and leaves the old ones (and assignments) alone.
/// </summary>
public sealed partial class ExerciseLibrary
{
    public const string ResourcePrefix = "ExerciseLibrary/";

    public IReadOnlyList<LibraryExercise> Exercises { get; }

    private ExerciseLibrary(IReadOnlyList<LibraryExercise> exercises) => Exercises = exercises;

    public LibraryExercise? Find(string key) => Exercises.FirstOrDefault(e => e.Key == key);

    public static ExerciseLibrary LoadEmbedded()
    {
        var assembly = typeof(ExerciseLibrary).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
        if (files.Count == 0)
        {
            throw new ExerciseLibraryException("The exercise library is empty: no embedded Features/Exercises/Library/*.json files were found.");
        }
        return Load(files);
    }

    public static ExerciseLibrary Load(IEnumerable<(string FileName, string Json)> files)
    {
        var exercises = new List<LibraryExercise>();
        foreach (var (fileName, json) in files)
        {
            var exercise = Parse(fileName, json);
            if (exercises.FirstOrDefault(e => e.Key == exercise.Key) is { } twin)
            {
                throw new ExerciseLibraryException($"Exercise library file '{fileName}', field 'key': '{exercise.Key}' is also the key of '{twin.FileName}'.");
            }
            exercises.Add(exercise);
        }
        return new ExerciseLibrary(exercises);
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field would otherwise be dropped without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record LibraryFile(
        string? Key, int? Version, string? Title, string? Summary, string? Theme, string? Suitability, bool? Joint,
        int? EstimatedMinutes, string? Instructions, List<string?>? Steps, bool? SafetyScreening, bool? PointsToResources,
        bool? AfterSafetyScreening, string? SuitabilityNote, List<PromptRequest?>? Prompts);

    private static LibraryExercise Parse(string fileName, string json)
    {
        LibraryFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LibraryFile>(json, FileJson);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(document)" : e.Path.TrimStart('$', '.');
            throw new ExerciseLibraryException($"Exercise library file '{fileName}', field '{field}': {FirstLine(e.Message)}", e);
        }
        if (file is null)
        {
            throw new ExerciseLibraryException($"Exercise library file '{fileName}', field '(document)': the file holds no exercise.");
        }

        var errors = new FieldErrors();
        var expectedKey = Path.GetFileNameWithoutExtension(fileName);
        if (file.Key is null || !FileKey().IsMatch(file.Key))
        {
            errors.Add("key", "A key of lower-case letters, digits and dashes is required.");
        }
        else if (file.Key != expectedKey)
        {
            errors.Add("key", $"The key must match the file name ('{expectedKey}').");
        }
        if (file.Version is not > 0)
        {
            errors.Add("version", "A version of 1 or more is required.");
        }
        if (file.Joint is null)
        {
            errors.Add("joint", "Say whether the exercise is joint (true or false).");
        }
        CheckReview(file, errors);
        var request = new ExerciseRequest(file.Title, file.Theme, file.Summary, file.Instructions, file.Prompts, file.Steps,
            file.Suitability, file.Joint, file.EstimatedMinutes, file.SafetyScreening, file.PointsToResources);
        var content = ExerciseRules.Validate(request, errors, library: true, themeField: "theme");
        if (errors.Any || content is null)
        {
            var first = errors.ToDictionary().First();
            var more = errors.ToDictionary().Count > 1 ? $" (and {errors.ToDictionary().Count - 1} more field(s))" : "";
            throw new ExerciseLibraryException($"Exercise library file '{fileName}', field '{first.Key}': {first.Value[0]}{more}");
        }
        return new LibraryExercise(file.Key!, file.Version!.Value, fileName, content, new ExerciseReview(file.SuitabilityNote!.Trim(), file.AfterSafetyScreening!.Value));
    }

    /// <summary>Every built-in carries its review, so none reaches a counselor unexamined.</summary>
    private static void CheckReview(LibraryFile file, FieldErrors errors)
    {
        if (file.AfterSafetyScreening is null)
        {
            errors.Add("afterSafetyScreening", "Say whether the exercise is suitable only after the case's safety screening (true or false).");
        }
        if (string.IsNullOrWhiteSpace(file.SuitabilityNote))
        {
            errors.Add("suitabilityNote", "A note on whether the exercise could be turned against a coerced partner is required.");
        }
        else if (file.SuitabilityNote.Length > ExerciseReview.MaxNote || file.SuitabilityNote.Contains('\n'))
        {
            errors.Add("suitabilityNote", $"The suitability note must be one line of at most {ExerciseReview.MaxNote} characters.");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileKey();
}
