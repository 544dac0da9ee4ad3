using CounselorSuite.Web.Infrastructure.Input;

namespace CounselorSuite.Web.Features.Exercises;

/// <summary>
/// Dimensions are passed around as their names (for example "HonestCommunication") in the progress code;
/// names and display labels come from the shared vocabulary (<see cref="ExerciseVocabulary"/>).
/// </summary>
public static class DimensionNames
{
    /// <summary>The names a measure item may map to: the <see cref="ProgressDimension"/> names.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(Enum.GetNames<ProgressDimension>(), StringComparer.Ordinal);

    /// <summary>"HonestCommunication" → "Honest communication", for titles, legends and tables.</summary>
    public static string Label(string dimension) =>
        EnumNames.TryParse<ProgressDimension>(dimension, out var known) ? known.DisplayName() : dimension;
}
