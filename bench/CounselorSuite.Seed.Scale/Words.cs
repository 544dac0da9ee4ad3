namespace CounselorSuite.Seed.Scale;

/// <summary>Plausible, made-up words for generated rows. No real people.</summary>
public static class Words
{
    private static readonly string[] First =
    [
        "Alex", "Sam", "Jordan", "Casey", "Taylor", "Riley", "Quinn", "Morgan", "Jamie", "Robin", "Avery", "Drew", "Kai", "Noa", "Lena",
        "Mateo", "Aisha", "Yusuf", "Mei", "Priya", "Tomas", "Ines", "Oskar", "Freya", "Luca", "Amara", "Hana", "Ravi", "Sofia", "Elif",
        "Jonas", "Maya", "Nadia", "Omar", "Petra", "Rosa", "Sven", "Tara", "Uma", "Viktor",
    ];

    private static readonly string[] Last =
    [
        "Lee", "Morgan", "Brooks", "Park", "Rivera", "Chen", "Novak", "Okafor", "Silva", "Haddad", "Kowalski", "Jensen", "Moreau", "Rossi",
        "Tanaka", "Nguyen", "Schmidt", "Costa", "Ahmed", "Larsen", "Dubois", "Ivanova", "Kaur", "Mensah", "Petrov", "Santos", "Weber", "Yilmaz",
    ];

    public static readonly string[] Places =
    [
        "Harbor", "Riverside", "Oak Lane", "Northgate", "Lakeside", "Hillview", "Meadow", "Cedar", "Bridge Street", "Old Town", "Southbank",
        "Elm Park", "Westfield", "Bayview", "Greenway",
    ];

    public static readonly string[] TimeZones = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "Australia/Sydney"];

    public static readonly string[] Answers =
    [
        "Better than last week.", "We talked it through after dinner.", "I kept the promise about Saturday.", "Hard day at work, a bit short with each other.",
        "I said no and it was heard.", "We planned the week together.", "Not much to add.", "I noticed I went quiet again.",
    ];

    public static readonly string[] Reviews =
    [
        "Thank you for writing this down. Let's look at it together next session.", "Good that you noticed this. Keep going.",
        "This is real progress. What helped most?", "Let's talk about the hard part next time.",
    ];

    public static readonly string[] NoteData = ["Both attended; calm start.", "Client reported a difficult week.", "Reviewed homework from last session."];
    public static readonly string[] NoteAssessment = ["Engaged, some avoidance around money.", "Progress on boundaries.", "Safety discussed; no concerns raised."];
    public static readonly string[] NotePlan = ["Continue weekly check-in.", "Assign the decision meeting exercise.", "Next session in two weeks."];

    public static string PersonName(Rng rng) => $"{rng.Pick(First)} {rng.Pick(Last)}";
}
