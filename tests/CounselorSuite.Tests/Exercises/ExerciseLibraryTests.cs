using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Tests.Exercises;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class ExerciseLibraryTests
{
    private static readonly ExerciseLibrary Library = ExerciseLibrary.LoadEmbedded();

    [Fact]
    public void Every_library_file_is_embedded_loads_and_passes_validation()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src/CounselorSuite.Web/Features/Exercises/Library"), "*.json");

        Assert.Equal(files.Length, Library.Exercises.Count);
        Assert.Equal(files.Select(Path.GetFileName).Order(), Library.Exercises.Select(e => e.FileName).Order());
    }

    [Fact]
    public void The_library_has_at_least_24_exercises_and_four_per_theme()
    {
        var exercises = Library.Exercises.Where(e => !e.Content.SafetyScreening).ToList();

        Assert.True(exercises.Count >= 24, $"only {exercises.Count} exercises");
        foreach (var theme in Enum.GetValues<ExerciseTheme>())
        {
            Assert.True(exercises.Count(e => e.Content.Theme == theme) >= 4, $"fewer than four exercises on {theme}");
        }
    }

    [Fact]
    public void Built_ins_have_two_to_eight_prompts_and_every_scale_names_its_dimension()
    {
        foreach (var exercise in Library.Exercises)
        {
            Assert.InRange(exercise.Content.Prompts.Count, 2, 8);
            Assert.All(exercise.Content.Prompts.Where(p => p.Kind == PromptKind.Scale), p => Assert.NotNull(p.Dimension));
            Assert.NotNull(exercise.Content.EstimatedMinutes);
            Assert.False(exercise.Content.Joint && exercise.Content.Suitability != ExerciseSuitability.Couple,
                $"{exercise.Key} is joint but not for couples");
        }
    }

    [Fact]
    public void The_safety_check_in_screens_privately_and_points_to_resources()
    {
        var checkIn = Library.Find("safety-check-in");

        Assert.NotNull(checkIn);
        Assert.True(checkIn.Content.SafetyScreening);
        Assert.True(checkIn.Content.PointsToResources);
        Assert.False(checkIn.Content.Joint);
        Assert.Contains(checkIn.Content.Prompts, p => p.Safety?.DangerAnswers is { Count: > 0 });
        Assert.Contains(checkIn.Content.Prompts, p => p.Safety?.DangerAtOrBelow is not null);
    }

    [Fact]
    public void Exercises_on_walking_away_and_non_consent_point_to_the_practices_resources()
    {
        Assert.True(Library.Find("noncoop-weighing-stepping-back")!.Content.PointsToResources);
        Assert.True(Library.Find("consent-from-a-nudge-to-force")!.Content.PointsToResources);
    }

    [Theory]
    [InlineData("\"theme\": \"SeeingPower\"", "\"theme\": \"Power\"", "theme")]
    [InlineData("\"max\": 10", "\"max\": 0", "prompts[1].max")]
    [InlineData("\"estimatedMinutes\": 25", "\"estimatedMinutes\": \"soon\"", "estimatedMinutes")]
    [InlineData("\"title\":", "\"titel\":", "titel")]
    [InlineData("\"dimension\": \"EqualPartnership\"", "\"dimension\": \"Happiness\"", "prompts[1].dimension")]
    [InlineData("\"kind\": \"Choice\"", "\"kind\": \"Choice\", \"hint\": 1", "prompts[2].hint")]
    public void A_malformed_library_file_is_rejected_naming_the_file_and_the_field(string find, string replace, string field)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/CounselorSuite.Web/Features/Exercises/Library/power-where-power-sits.json"));
        var index = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, "the test's edit does not apply");
        var broken = json[..index] + replace + json[(index + find.Length)..];

        var error = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("power-where-power-sits.json", broken)]));

        Assert.Contains("'power-where-power-sits.json'", error.Message);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void A_file_whose_key_does_not_match_its_name_or_is_not_json_is_rejected()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/CounselorSuite.Web/Features/Exercises/Library/trust-showing-up.json"));

        var renamed = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("other-name.json", json)]));
        Assert.Contains("'other-name.json', field 'key'", renamed.Message);

        var garbage = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("trust-showing-up.json", "{ not json")]));
        Assert.Contains("'trust-showing-up.json'", garbage.Message);
    }

    [Fact]
    public void Themes_and_dimensions_each_have_a_name_and_a_description()
    {
        Assert.Equal(Enum.GetValues<ExerciseTheme>().Order(), ExerciseVocabulary.Themes.Select(t => t.Value).Order());
        Assert.Equal(Enum.GetValues<ProgressDimension>().Order(), ExerciseVocabulary.Dimensions.Select(d => d.Value).Order());
        Assert.All(ExerciseVocabulary.Dimensions, d => Assert.False(string.IsNullOrWhiteSpace(d.Name + d.Description)));
        Assert.All(ExerciseVocabulary.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Name + t.Description)));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CounselorSuite.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }
}
