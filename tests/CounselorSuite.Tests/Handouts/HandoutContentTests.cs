using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Exercises;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

/// <summary>What the rendered PDFs say, read back with PdfPig.</summary>
public sealed class HandoutContentTests
{
    private static async Task<byte[]> MakeAsync(HandoutTestApp app, PracticeWorld world, object body, int index = 0)
    {
        var created = await world.Counselor.ComposeAsync(body);
        var id = HandoutKit.Ids(created)[index];
        await app.RunJobAsync(world.Practice.PracticeId, id);
        Assert.Equal("Ready", await world.Counselor.StatusAsync(id));
        return (await world.Counselor.DownloadAsync(id)).Pdf;
    }

    [Fact]
    public async Task The_pdf_has_the_title_the_exercise_texts_the_note_the_practice_help_and_page_numbers()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await SetPracticeAsync(app, world.Practice.PracticeId, help: "Call the Riverside helpline on 0800 555 0199.", contact: "Riverside Practice, 1 Mill Lane");
        var first = await world.Counselor.ExerciseAsync("Evening talk", "Sit together for *ten minutes* after dinner.");
        var second = await world.Counselor.ExerciseAsync("Morning walk", "Walk around the block before breakfast.");

        var pdf = Pdf.Open(await MakeAsync(app, world, new
        {
            caseId = world.CaseId, exerciseIds = new[] { first, second }, includeProgress = false, discreet = false,
            note = "Remember the blue notebook we talked about.", sessionDate = "2026-11-27",
        }));

        var text = pdf.Text;
        Assert.Equal("Session handout, 27 November 2026", pdf.Metadata["Title"]);
        Assert.Contains("Session handout", text);
        Assert.Contains("Evening talk", text);
        Assert.Contains("Morning walk", text);
        Assert.Contains("after dinner.", text);
        Assert.Contains("before breakfast.", text);
        Assert.Contains("What went well today?", text); // a free-text prompt
        Assert.Contains("Morning", text);                // a choice option
        Assert.Contains("blue notebook", text);
        Assert.Contains("0800 555 0199", pdf.Pages[^1]);   // help resources on the last page
        Assert.Contains("1 Mill Lane", text);
        Assert.Contains($"Page 1 of {pdf.Pages.Count}", pdf.Pages[0]);
        Assert.Contains($"Page {pdf.Pages.Count} of {pdf.Pages.Count}", pdf.Pages[^1]);
        Assert.Contains("Test Practice", pdf.Pages[0]);  // header
    }

    [Fact]
    public async Task Progress_charts_are_drawn_with_their_axis_labels_and_without_charts_nothing_is_said_about_progress()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var body = new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = true, discreet = false };

        var without = Pdf.Open(await MakeAsync(app, world, body)).Text;
        TestProgressSource.Charts[world.Clients[0].Id] = _ => [TestProgressSource.Chart("Closeness over time", "Weeknumber", "Closeness", "Closeness rose from 40 to 65.")];
        var with = Pdf.Open(await MakeAsync(app, world, body)).Text;

        Assert.DoesNotContain("progress", without, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Your progress", with);
        Assert.Contains("Weeknumber", with);  // x-axis title
        Assert.Contains("Closeness", with);   // rotated y-axis title and chart title
        Assert.Contains("Closeness over time", with);
    }

    [Fact]
    public async Task A_partners_handout_never_contains_the_other_partners_progress()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (a, b) = (world.Clients[0], world.Clients[1]);
        TestProgressSource.Charts[a.Id] = _ => [TestProgressSource.Chart("Alpha", "Weeks", "Rating", "Only-for-A summary", series: "AlphaSeries")];
        TestProgressSource.Charts[b.Id] = _ => [TestProgressSource.Chart("Bravo", "Weeks", "Rating", "Only-for-B summary", series: "BravoSeries")];
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = Array.Empty<Guid>(), includeProgress = true, discreet = false });
        var byClient = created["handouts"]!.AsArray().ToDictionary(h => h!["clientId"]!.GetValue<Guid>(), h => h!["id"]!.GetValue<Guid>());
        foreach (var id in byClient.Values)
        {
            await app.RunJobAsync(world.Practice.PracticeId, id);
        }

        var textA = Pdf.Open((await a.Client.DownloadAsync(byClient[a.Id])).Pdf).Text;
        var textB = Pdf.Open((await b.Client.DownloadAsync(byClient[b.Id])).Pdf).Text;

        Assert.Contains("Alpha", textA);
        Assert.DoesNotContain("Bravo", textA);
        Assert.Contains("Bravo", textB);
        Assert.DoesNotContain("Alpha", textB);
    }

    [Fact]
    public async Task A_discreet_handout_has_no_theme_dimension_or_exercise_title_in_its_text_metadata_or_file_name()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await SetPracticeAsync(app, world.Practice.PracticeId, help: "Safety line: 0800 555 0100", contact: "Call 555 0123");
        var library = await world.Counselor.ListAsync();
        // Library exercises whose own texts name no theme or dimension (others are refused in discreet mode).
        var chosen = new[] { "Keeping small promises", "Our money map", "Backing each other's goals" }
            .Select(title => library.Single(e => e["title"]!.GetValue<string>() == title))
            .Select(e => (Id: e["id"]!.GetValue<Guid>(), Title: e["title"]!.GetValue<string>()))
            .ToList();
        Assert.Equal(3, chosen.Count);
        TestProgressSource.Charts[world.Clients[0].Id] = discreet => [TestProgressSource.Chart(discreet ? "Area 1" : "Safety", "Week", "Rating", "Area 1 went up.")];

        var created = await world.Counselor.ComposeAsync(new
        {
            caseId = world.CaseId, exerciseIds = chosen.Select(c => c.Id), includeProgress = true, discreet = true,
            note = "See you next week.", sessionDate = "2026-11-27",
        });
        var id = created["id"]!.GetValue<Guid>();
        await app.RunJobAsync(world.Practice.PracticeId, id);
        var (bytes, fileName) = await world.Clients[0].Client.DownloadAsync(id);
        var pdf = Pdf.Open(bytes);

        Assert.Equal("document-2026-11-27.pdf", fileName);
        Assert.Contains("Area 1", pdf.Text); // the progress section is there, neutrally named
        Assert.Contains("See you next week.", pdf.Text);
        var everything = pdf.Text + "\n" + string.Join("\n", pdf.Metadata.Values) + "\n" + fileName;
        var revealing = ExerciseVocabulary.Themes.Select(t => t.Name)
            .Concat(ExerciseVocabulary.Dimensions.Select(d => d.Name))
            .Concat(chosen.Select(c => c.Title))
            .Concat(["Test Practice", "handout"]); // nor the practice's name
        foreach (var word in revealing)
        {
            Assert.DoesNotContain(word, everything, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("0800 555 0100", pdf.Text); // the help text named a theme word: replaced
        Assert.Contains("555 0123", pdf.Text);
    }

    [Fact]
    public async Task The_progress_part_is_one_overview_page_of_charts_side_by_side_after_the_help()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await SetPracticeAsync(app, world.Practice.PracticeId, help: "Call the Riverside helpline on 0800 555 0199.", contact: "Riverside Practice, 1 Mill Lane");
        TestProgressSource.Charts[world.Clients[0].Id] = _ => Enumerable.Range(1, 8)
            .Select(i => TestProgressSource.Chart($"Area{i}", "Week", "Rating", $"Summary {i}.")).ToList();

        var bytes = await MakeAsync(app, world, new { caseId = world.CaseId, exerciseIds = Array.Empty<Guid>(), includeProgress = true, discreet = false });
        var pdf = Pdf.Open(bytes);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "counselorsuite-progress-handout.pdf"), bytes); // to look at

        var page = Assert.Single(pdf.Pages);
        Assert.All(Enumerable.Range(1, 8), i => Assert.Contains($"Area{i}", page));
        Assert.Contains("0800 555 0199", page);
        Assert.True(page.IndexOf("0800 555 0199", StringComparison.Ordinal) < page.IndexOf("Area1", StringComparison.Ordinal), "The help comes before the charts.");
        Assert.DoesNotContain("Summary 1.", page); // the long text alternatives stay on the progress pages
    }

    [Fact]
    public async Task A_discreet_handout_never_says_your_counselor()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Morning walk", "Walk around the block. Your counselor will ask how it went; tell your counsellor what you noticed.");

        var discreet = Pdf.Open(await MakeAsync(app, world, new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = true })).Text;
        var plain = Pdf.Open(await MakeAsync(app, world, new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false })).Text;

        Assert.DoesNotContain("counsel", discreet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The person you meet with will ask how it went; tell the person you meet with what you noticed.", discreet);
        Assert.Contains("Your counselor will ask", plain);
    }

    [Fact]
    public async Task Discreet_mode_refuses_exercises_and_notes_that_name_a_theme_and_queues_nothing()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var revealing = await world.Counselor.ExerciseAsync("Evening talk", "This is about consent and saying no.");
        var neutral = await world.Counselor.ExerciseAsync("Morning walk", "Walk around the block.");

        var exercise = await world.Counselor.PostAsJsonAsync("/api/handouts", new { caseId = world.CaseId, exerciseIds = new[] { revealing }, includeProgress = false, discreet = true });
        var note = await world.Counselor.PostAsJsonAsync("/api/handouts", new { caseId = world.CaseId, exerciseIds = new[] { neutral }, includeProgress = false, discreet = true, note = "Keep doing the Morning walk." });

        await exercise.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("consent", (await exercise.ReadJsonAsync())["errors"]!["exerciseIds"]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await note.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await note.ReadJsonAsync())["errors"]!["note"]);
        // Without discreet mode the same exercise is fine.
        await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { revealing }, includeProgress = false, discreet = false });
    }

    [Fact]
    public async Task A_discreet_handout_whose_charts_name_a_dimension_fails_with_a_reason_instead_of_showing_it()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        TestProgressSource.Charts[world.Clients[0].Id] = _ => [TestProgressSource.Chart("Respect for boundaries", "Week", "Rating", "Went up.")];
        var id = (await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = Array.Empty<Guid>(), includeProgress = true, discreet = true }))["id"]!.GetValue<Guid>();

        await app.RunJobAsync(world.Practice.PracticeId, id);

        var state = await (await world.Counselor.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.Equal("Failed", state["status"]!.GetValue<string>());
        Assert.Contains("discreet", state["error"]!.GetValue<string>());
        await (await world.Counselor.GetAsync($"/api/handouts/{id}/pdf")).EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_password_protected_pdf_opens_with_the_password_and_not_without_and_the_password_is_not_kept()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false, password = "river-stone-42" });
        var id = created["id"]!.GetValue<Guid>();
        Assert.Null(created["password"]); // a chosen password is not echoed
        await using (var owner = await app.Database.OpenAsOwnerAsync())
        {
            await using var raw = new NpgsqlCommand("SELECT protected_password FROM handouts WHERE id = @id", owner);
            raw.Parameters.AddWithValue("id", id);
            var stored = (string)(await raw.ExecuteScalarAsync())!;
            Assert.DoesNotContain("river-stone-42", stored);
        }

        await app.RunJobAsync(world.Practice.PracticeId, id);
        var (bytes, _) = await world.Clients[0].Client.DownloadAsync(id);

        Assert.Contains("Talk for ten minutes.", Pdf.Open(bytes, "river-stone-42").Text);
        Assert.ThrowsAny<Exception>(() => Pdf.Open(bytes));
        Assert.ThrowsAny<Exception>(() => Pdf.Open(bytes, "wrong-password"));
        await using (var owner = await app.Database.OpenAsOwnerAsync())
        {
            await using var after = new NpgsqlCommand("SELECT protected_password IS NULL, password_protected FROM handouts WHERE id = @id", owner);
            after.Parameters.AddWithValue("id", id);
            await using var reader = await after.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0)); // forgotten once the PDF is made
            Assert.True(reader.GetBoolean(1));
        }
    }

    [Fact]
    public async Task A_generated_password_is_shown_once_in_the_answer_and_opens_the_pdf()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false, generatePassword = true });
        var password = created["password"]!.GetValue<string>();
        var id = created["id"]!.GetValue<Guid>();

        await app.RunJobAsync(world.Practice.PracticeId, id);

        var state = await (await world.Counselor.GetAsync($"/api/handouts/{id}")).ReadJsonAsync();
        Assert.DoesNotContain(password, state.ToJsonString());
        Assert.True(state["passwordProtected"]!.GetValue<bool>());
        Assert.Contains("Talk for ten minutes.", Pdf.Open((await world.Counselor.DownloadAsync(id)).Pdf, password).Text);
    }

    [Fact]
    public async Task Letter_paper_gives_letter_pages_and_the_practice_logo_is_embedded()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await using (var conn = await app.Database.OpenAsOwnerAsync())
        {
            var png = LogoImageTests.Png(40, 20);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO practice_logos (practice_id, content, content_type, width, height, size_bytes, sha256, uploaded_by, uploaded_at) VALUES (@p, @c, 'image/png', 40, 20, @s, 'x', @u, now())", conn);
            insert.Parameters.AddWithValue("p", world.Practice.PracticeId);
            insert.Parameters.AddWithValue("c", png);
            insert.Parameters.AddWithValue("s", (long)png.Length);
            insert.Parameters.AddWithValue("u", world.Practice.UserId);
            await insert.ExecuteNonQueryAsync();
        }
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");

        var bytes = await MakeAsync(app, world, new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false, paper = "Letter" });

        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var page = document.GetPage(1);
        Assert.Equal(612, page.Width, 0);
        Assert.Equal(792, page.Height, 0);
        Assert.Single(page.GetImages());
    }

    internal static async Task SetPracticeAsync(TestApp app, Guid practiceId, string help, string contact)
    {
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var update = new NpgsqlCommand("UPDATE practices SET help_resources = @h, contact_line = @c WHERE id = @p", conn);
        update.Parameters.AddWithValue("h", help);
        update.Parameters.AddWithValue("c", contact);
        update.Parameters.AddWithValue("p", practiceId);
        await update.ExecuteNonQueryAsync();
    }
}
