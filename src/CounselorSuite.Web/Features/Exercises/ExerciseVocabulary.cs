namespace CounselorSuite.Web.Features.Exercises;

/// <summary>The five themes of the exercise library, in the order pages list them (see docs: domain).</summary>
public enum ExerciseTheme { SeeingPower, Consent, NonCooperation, TrustSmallActs, BalancedPower }

/// <summary>Who an exercise suits. A couple exercise may also be joint (done together).</summary>
public enum ExerciseSuitability { Individual, Couple, Either }

public enum PromptKind { Text, Scale, Checklist, YesNo, Choice }

/// <summary>
/// The named dimensions progress is tracked on: the four trust acts, the four marks of balanced power,
/// consent and safety. Scale prompts name the dimension they measure. Stored by name: never rename.
/// </summary>
public enum ProgressDimension
{
    HonestCommunication,
    Reliability,
    RespectForBoundaries,
    EmotionalAvailability,
    EqualPartnership,
    SharedDecisions,
    Autonomy,
    MutualSupport,
    Consent,
    Safety,
}

public sealed record ThemeInfo(ExerciseTheme Value, string Name, string Description);

public sealed record DimensionInfo(ProgressDimension Value, string Name, string Group, string Description);

/// <summary>
/// The one place where themes and dimensions get their display names and descriptions: validation,
/// the library pages and progress all read them from here.
/// </summary>
public static class ExerciseVocabulary
{
    public static readonly IReadOnlyList<ThemeInfo> Themes =
    [
        new(ExerciseTheme.SeeingPower, "Seeing power",
            "Mapping where power sits in the relationship: money, emotion and physical strength, and where it comes from."),
        new(ExerciseTheme.Consent, "Consent and non-consent",
            "Naming limits, asking, and hearing no, from subtle pressure to open force."),
        new(ExerciseTheme.NonCooperation, "Responding to non-cooperation",
            "Accepting the other's decision, working for cooperation, or walking away safely."),
        new(ExerciseTheme.TrustSmallActs, "Trust through small acts",
            "Honesty, reliability, respect for boundaries and emotional availability in everyday moments."),
        new(ExerciseTheme.BalancedPower, "Balanced power",
            "Equal partnership, shared decisions, independence and mutual support."),
    ];

    public static readonly IReadOnlyList<DimensionInfo> Dimensions =
    [
        new(ProgressDimension.HonestCommunication, "Honest communication", "Trust through small acts",
            "Saying what is true, kindly, and being able to hear it."),
        new(ProgressDimension.Reliability, "Consistency and reliability", "Trust through small acts",
            "Keeping small promises and being predictable in good ways."),
        new(ProgressDimension.RespectForBoundaries, "Respect for boundaries", "Trust through small acts",
            "Noticing and honouring each other's limits."),
        new(ProgressDimension.EmotionalAvailability, "Vulnerability and emotional availability", "Trust through small acts",
            "Being open about feelings and present for the other's."),
        new(ProgressDimension.EqualPartnership, "Equal partnership", "Balanced power",
            "Both people's needs and contributions count the same."),
        new(ProgressDimension.SharedDecisions, "Shared decision-making", "Balanced power",
            "Decisions that affect both are made together."),
        new(ProgressDimension.Autonomy, "Independence and autonomy", "Balanced power",
            "Each person keeps a life, friends, money and time of their own."),
        new(ProgressDimension.MutualSupport, "Mutual support and encouragement", "Balanced power",
            "Backing each other's goals and growth."),
        new(ProgressDimension.Consent, "Consent", "Consent and safety",
            "Feeling free to say yes or no, and having a no respected."),
        new(ProgressDimension.Safety, "Safety", "Consent and safety",
            "Feeling physically and emotionally safe in the relationship."),
    ];

    public static ThemeInfo Theme(ExerciseTheme theme) => Themes.First(t => t.Value == theme);

    public static DimensionInfo Dimension(ProgressDimension dimension) => Dimensions.First(d => d.Value == dimension);

    public static string DisplayName(this ExerciseTheme theme) => Theme(theme).Name;

    public static string DisplayName(this ProgressDimension dimension) => Dimension(dimension).Name;

    public static string DisplayName(this ExerciseSuitability suitability) => suitability switch
    {
        ExerciseSuitability.Individual => "Individual",
        ExerciseSuitability.Couple => "Couple",
        _ => "Individual or couple",
    };
}
