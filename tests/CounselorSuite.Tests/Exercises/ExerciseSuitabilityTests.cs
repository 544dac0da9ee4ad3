using System.Net;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Tests.Exercises;

/// <summary>Every built-in was read for "could this be turned against a coerced partner?"; the answer reaches the counselor.</summary>
public sealed class ExerciseSuitabilityTests
{
    private const string LivingWithANo = "Living with a no you didn't want";
    private static readonly ExerciseLibrary Library = ExerciseLibrary.LoadEmbedded();

    [Fact]
    public void Every_built_in_carries_a_review_and_the_risky_ones_wait_for_screening()
    {
        Assert.All(Library.Exercises, e => Assert.False(string.IsNullOrWhiteSpace(e.Review.Note), e.Key));
        Assert.True(Library.Find("noncoop-living-with-a-no")!.Review.AfterSafetyScreening);
        Assert.True(Library.Find("trust-keeping-small-promises")!.Review.AfterSafetyScreening);
        Assert.False(Library.Find("safety-check-in")!.Review.AfterSafetyScreening);
        // The caveat is in the exercise itself, where the client reads it.
        Assert.Contains("punishment", Library.Find("trust-keeping-small-promises")!.Content.Instructions);
        Assert.Contains("not a reliability problem", Library.Find("trust-keeping-small-promises")!.Content.Instructions);
    }

    [Theory]
    [InlineData("\"afterSafetyScreening\": false,", "", "afterSafetyScreening")]
    [InlineData("\"afterSafetyScreening\": false", "\"afterSafetyScreening\": \"later\"", "afterSafetyScreening")]
    [InlineData("\"suitabilityNote\": \"", "\"suitabilityNote\": \"\", \"x\": \"", "x")]
    public void A_library_file_without_a_valid_review_stops_the_start_naming_the_field(string find, string replace, string field)
    {
        var json = File.ReadAllText(Path.Combine(ExerciseLibraryTests.RepositoryRoot(), "src/CounselorSuite.Web/Features/Exercises/Library/power-where-power-sits.json"));
        Assert.Contains(find, json);

        var error = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("power-where-power-sits.json", json.Replace(find, replace))]));

        Assert.Contains($"field '{field}'", error.Message);
    }

    [Fact]
    public void An_empty_or_multi_line_note_is_refused()
    {
        var json = File.ReadAllText(Path.Combine(ExerciseLibraryTests.RepositoryRoot(), "src/CounselorSuite.Web/Features/Exercises/Library/power-where-power-sits.json"));
        var note = Library.Find("power-where-power-sits")!.Review.Note;

        var empty = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("power-where-power-sits.json", json.Replace(note, " "))]));
        var lines = Assert.Throws<ExerciseLibraryException>(() => ExerciseLibrary.Load([("power-where-power-sits.json", json.Replace(note, "one\\ntwo"))]));

        Assert.Contains("field 'suitabilityNote'", empty.Message);
        Assert.Contains("field 'suitabilityNote'", lines.Message);
    }

    [Fact]
    public async Task The_review_is_synced_into_each_practice_and_a_revised_one_replaces_it_without_a_new_version()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        var key = "noncoop-living-with-a-no";
        var json = File.ReadAllText(Path.Combine(ExerciseLibraryTests.RepositoryRoot(), $"src/CounselorSuite.Web/Features/Exercises/Library/{key}.json"))
            .Replace(Library.Find(key)!.Review.Note, "Revised review.");
        var revised = ExerciseLibrary.Load([($"{key}.json", json)]);

        var before = await InPracticeAsync(app, practice.PracticeId, db =>
            db.Exercises.AsNoTracking().Where(e => e.BuiltInKey == key).Select(e => new { e.SuitabilityNote, e.AfterSafetyScreening }).SingleAsync());
        var written = await InPracticeAsync(app, practice.PracticeId, db =>
            new ExerciseLibrarySync(db, revised, new ExerciseLibrarySyncState(), TimeProvider.System).SyncAsync(CancellationToken.None));
        var after = await InPracticeAsync(app, practice.PracticeId, db =>
            db.Exercises.AsNoTracking().Where(e => e.BuiltInKey == key).Select(e => new { e.SuitabilityNote, e.CurrentVersion }).SingleAsync());

        Assert.Equal((Library.Find(key)!.Review.Note, true), (before.SuitabilityNote!, before.AfterSafetyScreening));
        Assert.Equal(0, written);
        Assert.Equal(("Revised review.", 1), (after.SuitabilityNote!, after.CurrentVersion));
    }

    [Fact]
    public async Task The_exercise_page_shows_the_review_and_a_copy_keeps_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.BuiltInAsync(LivingWithANo);
        var id = exercise["id"]!.GetValue<Guid>();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        var page = await counselor.PageAsync($"/counselor/exercises/{id}");
        var copied = await counselor.PostFormAsync($"/counselor/exercises/{id}", [], $"/counselor/exercises/{id}?handler=Copy");
        await copied.EnsureStatusAsync(HttpStatusCode.Redirect);
        var copyId = copied.Headers.Location!.OriginalString.Split('/').Last();
        var copy = await counselor.PageAsync($"/counselor/exercises/{copyId}");

        Assert.Contains("Only after the case's safety screening", Html.TextOf(page, "suitability"));
        Assert.Contains(Library.Find("noncoop-living-with-a-no")!.Review.Note, Html.TextOf(page, "suitability"));
        Assert.Contains("Only after the case's safety screening", Html.TextOf(copy, "suitability"));
    }

    [Fact]
    public async Task The_assign_form_warns_until_the_screening_is_back_and_again_while_an_alert_is_open()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var casePage = $"/counselor/cases/{world.CaseId}";

        var unscreened = await counselor.PageAsync(casePage);
        Assert.Contains("No safety screening has come back yet from Client Person", Html.TextOf(unscreened, "assign-caution"));
        Assert.Contains(LivingWithANo, Html.TextOf(unscreened, "assign-caution"));
        Assert.Contains("assign-notes", unscreened);

        // A screening sent with reassuring answers: the case is ready.
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var item = await world.Clients[0].Client.OnlyItemIdAsync();
        await world.Clients[0].Client.SubmitOkAsync(item, SafetyAlertTests.SafeAnswers(checkIn));
        var screened = await counselor.PageAsync(casePage);
        Assert.DoesNotContain("id=\"assign-caution\"", screened);

        // An open alert (a danger answer in a later check-in) brings the warning back.
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var second = (await world.Clients[0].Client.MyItemsAsync()).First(i => i["id"]!.GetValue<Guid>() != item)["id"]!.GetValue<Guid>();
        await world.Clients[0].Client.SubmitOkAsync(second, SafetyAlertTests.DangerAnswers(checkIn));
        var alerted = await counselor.PageAsync(casePage);
        Assert.Contains("This case has an open safety alert.", Html.TextOf(alerted, "assign-caution"));
    }

    private static Task<T> InPracticeAsync<T>(TestApp app, Guid practiceId, Func<AppDbContext, Task<T>> work) =>
        app.InPracticeAsync(practiceId, work);
}
