using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Exercises;

/// <summary>
/// The library is the practice's, its custom exercises are their authors': a colleague reads and copies
/// an exercise but may not change, archive or delete it (403, with what to do instead); an admin may.
/// </summary>
public sealed class ExerciseOwnershipTests
{
    private sealed record Colleagues(PracticeWorld World, HttpClient Colleague, string ColleagueEmail, Guid ExerciseId, System.Text.Json.Nodes.JsonObject Created);

    /// <summary>A practice whose counselor made an exercise, and a second counselor of the same practice.</summary>
    private static async Task<Colleagues> ColleaguesAsync(TestApp app)
    {
        var world = await app.CreateWorldAsync();
        var created = await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise("Made by the first counselor"));
        var (_, colleagueEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        return new Colleagues(world, await app.SignInAsync(colleagueEmail), colleagueEmail, created["id"]!.GetValue<Guid>(), created);
    }

    [Fact]
    public async Task A_colleague_reads_and_copies_an_exercise_but_gets_403_for_every_change_and_nothing_changes()
    {
        var app = await TestApp.SharedAsync();
        var (world, colleague, _, id, created) = await ColleaguesAsync(app);
        var edit = ExerciseTestData.EditOf(created);
        edit["title"] = "Changed by a colleague";

        await (await colleague.GetAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.OK);
        var put = await colleague.PutAsJsonAsync($"/api/exercises/{id}", edit);
        await put.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Copy it", (await put.ReadJsonAsync())["title"]!.GetValue<string>());
        await (await colleague.PostAsync($"/api/exercises/{id}/archive", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await colleague.PostAsync($"/api/exercises/{id}/restore", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await colleague.DeleteAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.Forbidden);

        var unchanged = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal(("Made by the first counselor", 1, false),
            (unchanged["title"]!.GetValue<string>(), unchanged["version"]!.GetValue<int>(), unchanged["archived"]!.GetValue<bool>()));

        var copy = await colleague.PostAsync($"/api/exercises/{id}/copy", null);
        await copy.EnsureStatusAsync(HttpStatusCode.Created);
        var copyId = (await copy.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var ownEdit = ExerciseTestData.EditOf(await colleague.GetExerciseAsync(copyId));
        ownEdit["title"] = "My adaptation";
        await (await colleague.PutAsJsonAsync($"/api/exercises/{copyId}", ownEdit)).EnsureStatusAsync(HttpStatusCode.OK);
        // And the copy is now the colleague's own: its first author may not change it either.
        await (await world.Counselor.PostAsync($"/api/exercises/{copyId}/archive", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_changes_archives_and_deletes_any_exercise_of_the_practice()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, _, id, created) = await ColleaguesAsync(app);
        var edit = ExerciseTestData.EditOf(created);
        edit["title"] = "Tidied by the admin";

        await (await world.Admin.PutAsJsonAsync($"/api/exercises/{id}", edit)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Admin.PostAsync($"/api/exercises/{id}/archive", null)).EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Admin.PostAsync($"/api/exercises/{id}/restore", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Tidied by the admin", (await world.Counselor.GetExerciseAsync(id))["title"]!.GetValue<string>());
        await (await world.Admin.DeleteAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Only_an_admin_archives_a_built_in_exercise_for_the_whole_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var builtIn = (await world.Counselor.ListAsync("&builtIn=true"))[0]["id"]!.GetValue<Guid>();

        await (await world.Counselor.PostAsync($"/api/exercises/{builtIn}/archive", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.False((await world.Counselor.GetExerciseAsync(builtIn))["archived"]!.GetValue<bool>());

        await (await world.Admin.PostAsync($"/api/exercises/{builtIn}/archive", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True((await world.Counselor.GetExerciseAsync(builtIn))["archived"]!.GetValue<bool>());
        await (await world.Admin.PostAsync($"/api/exercises/{builtIn}/restore", null)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task On_the_pages_a_colleague_is_offered_only_the_copy_and_posting_a_change_anyway_is_403()
    {
        var app = await TestApp.SharedAsync();
        var (world, _, colleagueEmail, id, _) = await ColleaguesAsync(app);
        using var author = await PageBrowser.SignInAsync(app, world.CounselorEmail);
        using var browser = await PageBrowser.SignInAsync(app, colleagueEmail);
        // The author's forms, replayed by the colleague with the colleague's own form token.
        var authorsPage = await author.OpenAsync($"/counselor/exercises/{id}");
        var archiveForm = (IHtmlFormElement)authorsPage.QuerySelector("form[action*='handler=Archive']")!;

        var page = await browser.OpenAsync($"/counselor/exercises/{id}");

        Assert.NotNull(page.QuerySelector("#made-by-colleague"));
        Assert.Null(page.QuerySelector($"a[href='/counselor/exercises/edit/{id}']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Archive']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Delete']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Copy']"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var archive = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, archiveForm.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["archive"] = "true", ["__RequestVerificationToken"] = token }),
        });
        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        var delete = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/counselor/exercises/{id}?handler=Delete")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "true", ["__RequestVerificationToken"] = token }),
        });
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        // The builder sends a colleague back to the exercise's page, and refuses a save posted anyway.
        var builder = await browser.GetAsync($"/counselor/exercises/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, builder.StatusCode);
        Assert.Equal($"/counselor/exercises/{id}", builder.Headers.Location!.OriginalString);
        var authorsBuilder = await author.OpenAsync($"/counselor/exercises/edit/{id}");
        var form = (IHtmlFormElement)authorsBuilder.QuerySelector("form.builder")!;
        var fields = PageBrowser.Fields(form);
        fields.RemoveAll(f => f.Key is "__RequestVerificationToken" or "Input.Title");
        fields.AddRange([new("__RequestVerificationToken", token), new("Input.Title", "Saved by a colleague"), new("command", "save")]);
        var save = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/counselor/exercises/edit/{id}") { Content = new FormUrlEncodedContent(fields) });
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);

        var unchanged = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal(("Made by the first counselor", 1, false),
            (unchanged["title"]!.GetValue<string>(), unchanged["version"]!.GetValue<int>(), unchanged["archived"]!.GetValue<bool>()));
        Assert.NotNull((await author.OpenAsync($"/counselor/exercises/{id}")).QuerySelector("form[action*='handler=Archive']"));
    }
}
