using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Exercises;

public sealed class ExercisePagesTests
{
    [Fact]
    public async Task A_counselor_browses_the_library_grouped_under_the_five_themes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);

        var page = await browser.OpenAsync("/counselor/exercises");

        Assert.True(page.QuerySelectorAll("li.exercise-card").Length >= 24);
        Assert.Equal(["Seeing power", "Consent and non-consent", "Responding to non-cooperation", "Trust through small acts", "Balanced power"],
            page.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
        Assert.Contains(page.QuerySelectorAll("li.exercise-card h3 a"), a => a.TextContent == "Private check-in");
    }

    [Fact]
    public async Task The_browse_page_filters_and_searches()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise("Lighthouse talk", "Meet at the lighthouse and speak in turns."));
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);

        var safety = await browser.OpenAsync("/counselor/exercises?dimension=Safety&suitability=Individual");
        var search = await browser.OpenAsync("/counselor/exercises?q=lighthouse");
        var theme = await browser.OpenAsync("/counselor/exercises?theme=BalancedPower");

        var safetyTitles = safety.QuerySelectorAll("li.exercise-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Private check-in", safetyTitles);
        Assert.True(safetyTitles.Count < 10);
        Assert.Equal("Safety", (safety.QuerySelector("#dimension") as IHtmlSelectElement)!.Value);
        Assert.Equal(["Lighthouse talk"], search.QuerySelectorAll("li.exercise-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Balanced power"], theme.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task A_counselor_copies_a_built_in_edits_it_into_version_2_and_the_api_returns_both_versions()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var builtIn = (await world.Counselor.ListAsync("&q=promises&builtIn=true"))[0];
        var builtInId = builtIn["id"]!.GetValue<Guid>();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);

        var details = await browser.OpenAsync($"/counselor/exercises/{builtInId}");
        var copyForm = (IHtmlFormElement)details.QuerySelector("form[action*='handler=Copy']")!;
        var copied = await browser.FollowAsync(await browser.SubmitAsync(copyForm));
        await copied.EnsureStatusAsync(HttpStatusCode.OK);
        var editor = await PageBrowser.ParseAsync(copied);
        Assert.Contains("Copied into your practice", editor.QuerySelector("[role=status]")!.TextContent);
        var copyUrl = copied.RequestMessage!.RequestUri!.AbsolutePath;
        var copyId = Guid.Parse(copyUrl.Split('/').Last());

        var builder = (IHtmlFormElement)editor.QuerySelector("form.builder")!;
        var saved = await browser.FollowAsync(await browser.SubmitAsync(builder, builder.QuerySelector("button[value=save]"),
            f => f.Set("Input.Title", "Keeping small promises, our way"), copyUrl));
        await saved.EnsureStatusAsync(HttpStatusCode.OK);
        var after = await PageBrowser.ParseAsync(saved);

        Assert.Contains("Saved as version 2", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Keeping small promises, our way", after.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, after.QuerySelectorAll("#history-heading + .table-wrap tbody tr").Length);
        var api = await world.Counselor.GetExerciseAsync(copyId);
        Assert.Equal([2, 1], api["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var v1 = await (await world.Counselor.GetAsync($"/api/exercises/{copyId}/versions/1")).ReadJsonAsync();
        Assert.Equal(builtIn["title"]!.GetValue<string>(), v1["title"]!.GetValue<string>());
        Assert.Equal(builtIn["title"]!.GetValue<string>(), (await world.Counselor.GetExerciseAsync(builtInId))["title"]!.GetValue<string>());

        var other = await app.CreateWorldAsync();
        await (await other.Counselor.GetAsync($"/api/exercises/{copyId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        using var otherBrowser = await PageBrowser.SignInAsync(app, other.CounselorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/counselor/exercises/{copyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/counselor/exercises/edit/{copyId}")).StatusCode);
    }

    [Fact]
    public async Task The_builder_adds_reorders_and_removes_prompts_without_javascript_and_saves_version_1()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        const string url = "/counselor/exercises/edit";

        var page = await browser.OpenAsync(url);
        page = await PressAsync(browser, page, url, "add-Scale", f =>
        {
            f.Set("Input.Title", "Morning weather report");
            f.Set("Input.Summary", "Say how you feel in one word each morning.");
            f.Set("Input.Theme", "TrustSmallActs");
            f.Set("Input.Instructions", "Each morning, name your *weather*.");
            f.Set("Input.Prompts[0].Text", "One word for today?");
        });
        Assert.Equal(2, page.QuerySelectorAll("fieldset.prompt-editor").Length);
        page = await PressAsync(browser, page, url, "up-1", f => f.Set("Input.Prompts[1].Text", "How sunny, from 0 to 10?"));
        Assert.Equal("How sunny, from 0 to 10?", page.QuerySelector("#Input_Prompts_0__Text")!.TextContent);
        Assert.Equal("0", (page.QuerySelector("#Input_Prompts_0__Min") as IHtmlInputElement)!.Value);
        page = await PressAsync(browser, page, url, "add-Choice");
        page = await PressAsync(browser, page, url, "remove-2");
        Assert.Equal(2, page.QuerySelectorAll("fieldset.prompt-editor").Length);

        // The phone preview shows the prompts as a client will answer them.
        var preview = page.QuerySelector(".phone-preview")!;
        Assert.Equal(11, preview.QuerySelectorAll("input[type=radio]").Length);
        Assert.Contains("<em>weather</em>", preview.QuerySelector(".instructions")!.InnerHtml);
        Assert.All(preview.QuerySelectorAll("input, textarea"), i => Assert.StartsWith("answers[", i.GetAttribute("name")));

        var form = (IHtmlFormElement)page.QuerySelector("form.builder")!;
        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, form.QuerySelector("button[value=save]"), null, url));
        var details = await PageBrowser.ParseAsync(saved);
        Assert.Equal("Morning weather report", details.QuerySelector("h1")!.TextContent);
        Assert.Equal(["How sunny, from 0 to 10?", "One word for today?"],
            details.QuerySelectorAll(".prompt-summary li strong").Select(s => s.TextContent));
    }

    [Fact]
    public async Task Editing_a_copy_of_the_safety_check_in_in_the_builder_keeps_its_safety_screening()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var checkIn = (await world.Counselor.ListAsync("&dimension=Safety&builtIn=true")).Single(i => i["title"]!.GetValue<string>() == "Private check-in");
        var copy = await (await world.Counselor.PostAsync($"/api/exercises/{checkIn["id"]}/copy", null)).ReadJsonAsync();
        var id = copy["id"]!.GetValue<Guid>();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        var url = $"/counselor/exercises/edit/{id}";
        var page = await browser.OpenAsync(url);

        var form = (IHtmlFormElement)page.QuerySelector("form.builder")!;
        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, form.QuerySelector("button[value=save]"),
            f => f.Set("Input.Title", "Private check-in (Harbor)"), url));
        await saved.EnsureStatusAsync(HttpStatusCode.OK);

        var v2 = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.True(v2["safetyScreening"]!.GetValue<bool>());
        Assert.Equal(copy["prompts"]!.AsArray().Select(p => p!["safety"]?.ToJsonString()), v2["prompts"]!.AsArray().Select(p => p!["safety"]?.ToJsonString()));
        Assert.Equal(copy["prompts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()), v2["prompts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task The_builder_shows_errors_per_field_and_saves_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        const string url = "/counselor/exercises/edit";
        var page = await browser.OpenAsync(url);
        page = await PressAsync(browser, page, url, "add-Scale");

        var response = await browser.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.builder")!, null, f =>
        {
            f.Set("command", "save");
            f.Set("Input.Title", "");
            f.Set("Input.Prompts[1].Text", "Scale?");
            f.Set("Input.Prompts[1].Min", "5");
            f.Set("Input.Prompts[1].Max", "5");
        }, url);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var result = await PageBrowser.ParseAsync(response);
        var summary = result.QuerySelector("#errors")!.TextContent;
        Assert.Contains("Title is required", summary);
        Assert.Contains("Prompt text is required", summary);
        Assert.Contains("maximum must be above the minimum", result.QuerySelector("#prompt-1")!.TextContent);
        Assert.Equal("Scale?", result.QuerySelector("#Input_Prompts_1__Text")!.TextContent);
        Assert.Empty(await world.Counselor.ListAsync("&builtIn=false&includeArchived=true"));
    }

    [Fact]
    public async Task Saving_a_stale_form_shows_a_clear_conflict_and_overwrites_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var created = await world.Counselor.CreateExerciseAsync();
        var id = created["id"]!.GetValue<Guid>();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        var url = $"/counselor/exercises/edit/{id}";
        var page = await browser.OpenAsync(url);
        var theirs = ExerciseTestData.EditOf(created);
        theirs["title"] = "Saved by a colleague";
        await (await world.Admin.PutAsJsonAsync($"/api/exercises/{id}", theirs)).EnsureStatusAsync(HttpStatusCode.OK);

        var form = (IHtmlFormElement)page.QuerySelector("form.builder")!;
        var response = await browser.SubmitAsync(form, form.QuerySelector("button[value=save]"), f => f.Set("Input.Title", "My own title"), url);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var conflict = await PageBrowser.ParseAsync(response);
        Assert.Contains("Someone else saved a newer version", conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Contains("Nothing of yours was saved and nothing was overwritten", conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("My own title", (conflict.QuerySelector("#Input_Title") as IHtmlInputElement)!.Value);
        Assert.Equal("Saved by a colleague", (await world.Counselor.GetExerciseAsync(id))["title"]!.GetValue<string>());

        // Seeing the conflict, the counselor may deliberately save theirs as the next version.
        var again = (IHtmlFormElement)conflict.QuerySelector("form.builder")!;
        var saved = await browser.FollowAsync(await browser.SubmitAsync(again, again.QuerySelector("button[value=save-anyway]"), null, url));
        await saved.EnsureStatusAsync(HttpStatusCode.OK);
        var now = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal(("My own title", 3), (now["title"]!.GetValue<string>(), now["version"]!.GetValue<int>()));
        Assert.Equal("Saved by a colleague", (await (await world.Counselor.GetAsync($"/api/exercises/{id}/versions/2")).ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hostile_instructions_are_sanitised_on_the_details_page_and_in_the_preview()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = (await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise(
            instructions: "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) ![p](data:image/png;base64,AAAA)")))["id"]!.GetValue<Guid>();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);

        var page = await browser.OpenAsync($"/counselor/exercises/{id}");

        foreach (var instructions in page.QuerySelectorAll(".instructions"))
        {
            Assert.Empty(instructions.QuerySelectorAll("script, img, [onerror], [style]"));
            Assert.All(instructions.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href")!));
        }
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Archiving_on_the_page_hides_the_exercise_from_the_library()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = (await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise("Archive me")))["id"]!.GetValue<Guid>();
        using var browser = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        var page = await browser.OpenAsync($"/counselor/exercises/{id}");

        var archived = await browser.FollowAsync(await browser.SubmitAsync((IHtmlFormElement)page.QuerySelector("form[action*='handler=Archive']")!));

        Assert.Contains("Archived", (await PageBrowser.ParseAsync(archived)).QuerySelector("[role=status]")!.TextContent);
        var library = await browser.OpenAsync("/counselor/exercises?source=own");
        Assert.DoesNotContain(library.QuerySelectorAll("li.exercise-card h3"), h => h.TextContent.Contains("Archive me"));
        var withArchived = await browser.OpenAsync("/counselor/exercises?source=own&archived=true");
        Assert.Contains(withArchived.QuerySelectorAll("li.exercise-card h3"), h => h.TextContent.Contains("Archive me"));
    }

    [Fact]
    public async Task A_client_cannot_open_the_exercise_pages()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await PageBrowser.SignInAsync(app, world.Clients[0].Email);

        var library = await browser.GetAsync("/counselor/exercises");
        var builder = await browser.GetAsync("/counselor/exercises/edit");

        Assert.Equal(HttpStatusCode.Forbidden, library.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, builder.StatusCode);
        Assert.DoesNotContain("Keeping small promises", await library.Content.ReadAsStringAsync());
    }

    private static async Task<IHtmlDocument> PressAsync(PageBrowser browser, IHtmlDocument page, string url, string command,
        Action<List<KeyValuePair<string, string>>>? change = null)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form.builder")!;
        var button = form.QuerySelector($"button[value='{command}']") ?? throw new InvalidOperationException($"No button {command}");
        var response = await browser.SubmitAsync(form, button, change, url);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await PageBrowser.ParseAsync(response);
    }
}
