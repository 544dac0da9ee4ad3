using System.Text;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// Dimensions are passed around as their names (for example "HonestCommunication") in the progress code.
/// </summary>
/// <remarks>
/// MERGE: the fixed set of dimensions is defined by the exercises feature (Features/Exercises). When it
/// lands, replace <see cref="Known"/> with the names of that type (for example
/// <c>Enum.GetNames&lt;Dimension&gt;()</c>) and delete the list below; nothing else here depends on it.
/// </remarks>
public static class DimensionNames
{
    /// <summary>The names a measure item may map to. Temporary copy, see the remarks on the class.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "HonestCommunication", "Reliability", "RespectForBoundaries", "EmotionalAvailability",
        "EqualPartnership", "SharedDecisions", "Autonomy", "MutualSupport", "Consent", "Safety",
    };

    /// <summary>"HonestCommunication" → "Honest communication", for titles, legends and tables.</summary>
    public static string Label(string dimension)
    {
        if (string.IsNullOrEmpty(dimension))
        {
            return dimension;
        }
        var text = new StringBuilder(dimension.Length + 4);
        for (var i = 0; i < dimension.Length; i++)
        {
            var c = dimension[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(dimension[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
