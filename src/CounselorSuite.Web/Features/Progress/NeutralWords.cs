using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Input;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// Everyday words for the dimensions, for discreet handouts: a chart there must still say what it tracks
/// ("Talking openly over time", not "Chart 1"), without naming a theme or dimension to someone glancing at
/// the page. None of them contains a theme's or a dimension's name (tested).
/// </summary>
public static class NeutralWords
{
    private static readonly IReadOnlyDictionary<ProgressDimension, string> Words = new Dictionary<ProgressDimension, string>
    {
        [ProgressDimension.HonestCommunication] = "Talking openly",
        [ProgressDimension.Reliability] = "Keeping plans",
        [ProgressDimension.RespectForBoundaries] = "Personal space",
        [ProgressDimension.EmotionalAvailability] = "Being there",
        [ProgressDimension.EqualPartnership] = "Sharing the load",
        [ProgressDimension.SharedDecisions] = "Deciding together",
        [ProgressDimension.Autonomy] = "Time of one's own",
        [ProgressDimension.MutualSupport] = "Cheering each other on",
        [ProgressDimension.Consent] = "Free to choose",
        [ProgressDimension.Safety] = "Feeling at ease",
    };

    /// <summary>The neutral words for a dimension name ("HonestCommunication"); "Ratings" for one we do not know.</summary>
    public static string For(string dimension) =>
        EnumNames.TryParse<ProgressDimension>(dimension, out var known) && Words.TryGetValue(known, out var words) ? words : "Ratings";
}
