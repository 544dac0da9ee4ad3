using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Exercises;

public sealed class ExercisesApiTests
{
    [Fact]
    public async Task A_counselor_browses_the_built_in_library_across_all_five_themes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var items = await world.Counselor.ListAsync();

        var builtIns = items.Where(i => i["builtIn"]!.GetValue<bool>()).ToList();
        Assert.True(builtIns.Count >= 24);
        Assert.Equal(["BalancedPower", "Consent", "NonCooperation", "SeeingPower", "TrustSmallActs"],
            builtIns.Select(i => i["category"]!.GetValue<string>()).Distinct().Order());
        // Sorted by theme in the domain's order, then by title.
        Assert.Equal("SeeingPower", items[0]["category"]!.GetValue<string>());
        Assert.Equal("BalancedPower", items[^1]["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_library_filters_by_theme_dimension_and_suitability()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var consent = await world.Counselor.ListAsync("&category=Consent");
        var safety = await world.Counselor.ListAsync("&dimension=Safety");
        var individual = await world.Counselor.ListAsync("&suitability=Individual");

        Assert.NotEmpty(consent);
        Assert.All(consent, i => Assert.Equal("Consent", i["category"]!.GetValue<string>()));
        Assert.NotEmpty(safety);
        Assert.All(safety, i => Assert.Contains("Safety", i["dimensions"]!.AsArray().Select(d => d!.GetValue<string>())));
        Assert.Contains(safety, i => i["title"]!.GetValue<string>() == "Private check-in");
        Assert.NotEmpty(individual);
        Assert.All(individual, i => Assert.Contains(i["suitability"]!.GetValue<string>(), new[] { "Individual", "Either" }));
        var unknown = await world.Counselor.GetAsync("/api/exercises?category=Happiness");
        await unknown.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await unknown.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("category"));
    }

    [Fact]
    public async Task Search_finds_an_exercise_by_a_word_only_in_its_instructions()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var created = await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise(
            "Evening walk", "Take a slow walk along the riverbank and notice who sets the pace."));

        var found = await world.Counselor.ListAsync("&q=riverbank");
        var stemmed = await world.Counselor.ListAsync("&q=walking+riverbanks");

        Assert.Equal([created["id"]!.GetValue<Guid>()], found.Select(i => i["id"]!.GetValue<Guid>()));
        Assert.Contains(stemmed, i => i["id"]!.GetValue<Guid>() == created["id"]!.GetValue<Guid>());
        Assert.Empty(await world.Counselor.ListAsync("&q=xylophone"));
    }

    [Fact]
    public async Task Editing_creates_version_2_and_version_1_stays_readable_and_unchanged()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var v1 = await world.Counselor.CreateExerciseAsync();
        var id = v1["id"]!.GetValue<Guid>();
        var edit = ExerciseTestData.EditOf(v1);
        edit["title"] = "Our evening check-in, shorter";
        edit["prompts"]!.AsArray().RemoveAt(4);

        var put = await world.Counselor.PutAsJsonAsync($"/api/exercises/{id}", edit);

        await put.EnsureStatusAsync(HttpStatusCode.OK);
        var v2 = await put.ReadJsonAsync();
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.Equal("Our evening check-in, shorter", v2["title"]!.GetValue<string>());
        Assert.Equal(4, v2["prompts"]!.AsArray().Count);
        // Prompts that were kept keep their ids, so answers line up across versions.
        Assert.Equal(v1["prompts"]![0]!["id"]!.GetValue<Guid>(), v2["prompts"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal([2, 1], v2["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));

        var old = await world.Counselor.GetAsync($"/api/exercises/{id}/versions/1");
        await old.EnsureStatusAsync(HttpStatusCode.OK);
        var oldBody = await old.ReadJsonAsync();
        Assert.Equal("Our evening check-in", oldBody["title"]!.GetValue<string>());
        Assert.Equal(5, oldBody["prompts"]!.AsArray().Count);
        Assert.Equal(v1["versionId"]!.GetValue<Guid>(), oldBody["versionId"]!.GetValue<Guid>());
        Assert.Equal(2, oldBody["currentVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Saving_unchanged_content_creates_no_version()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var v1 = await world.Counselor.CreateExerciseAsync();
        var id = v1["id"]!.GetValue<Guid>();
        var same = ExerciseTestData.EditOf(v1);
        // Without prompt ids and with Windows line ends it is still the same content.
        foreach (var prompt in same["prompts"]!.AsArray())
        {
            prompt!.AsObject().Remove("id");
        }
        same["instructions"] = same["instructions"]!.GetValue<string>() + "\r\n";

        var put = await world.Counselor.PutAsJsonAsync($"/api/exercises/{id}", same);

        await put.EnsureStatusAsync(HttpStatusCode.OK);
        var after = await put.ReadJsonAsync();
        Assert.Equal(1, after["version"]!.GetValue<int>());
        Assert.Single(after["versions"]!.AsArray());
    }

    [Fact]
    public async Task Two_counselors_editing_the_same_version_the_second_gets_409_and_nothing_is_overwritten()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var v1 = await world.Counselor.CreateExerciseAsync();
        var id = v1["id"]!.GetValue<Guid>();
        var first = ExerciseTestData.EditOf(v1);
        first["title"] = "Edited by the counselor";
        var second = ExerciseTestData.EditOf(v1);
        second["title"] = "Edited by the admin";

        await (await world.Counselor.PutAsJsonAsync($"/api/exercises/{id}", first)).EnsureStatusAsync(HttpStatusCode.OK);
        var stale = await world.Admin.PutAsJsonAsync($"/api/exercises/{id}", second);

        await stale.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await stale.ReadJsonAsync())["currentVersion"]!.GetValue<int>());
        var now = await world.Counselor.GetExerciseAsync(id);
        Assert.Equal("Edited by the counselor", now["title"]!.GetValue<string>());
        Assert.Equal(2, now["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_version_can_come_as_if_match_and_a_missing_version_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var v1 = await world.Counselor.CreateExerciseAsync();
        var id = v1["id"]!.GetValue<Guid>();
        var edit = ExerciseTestData.EditOf(v1);
        edit.Remove("version");
        edit["title"] = "Changed";

        var missing = await world.Counselor.PutAsJsonAsync($"/api/exercises/{id}", edit);
        await missing.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await missing.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("version"));

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/exercises/{id}") { Content = JsonContent.Create(edit) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await world.Counselor.SendAsync(stale)).EnsureStatusAsync(HttpStatusCode.Conflict);

        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/exercises/{id}") { Content = JsonContent.Create(edit) };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var ok = await world.Counselor.SendAsync(fresh);
        await ok.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_built_in_is_copied_into_the_practice_and_edited_while_the_built_in_stays_as_it_was()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var builtIn = (await world.Counselor.ListAsync("&category=TrustSmallActs")).First(i => i["builtIn"]!.GetValue<bool>());
        var builtInId = builtIn["id"]!.GetValue<Guid>();

        var refused = await world.Counselor.PutAsJsonAsync($"/api/exercises/{builtInId}", ExerciseTestData.EditOf(await world.Counselor.GetExerciseAsync(builtInId)));
        await refused.EnsureStatusAsync(HttpStatusCode.Conflict);

        var copyResponse = await world.Counselor.PostAsync($"/api/exercises/{builtInId}/copy", null);
        await copyResponse.EnsureStatusAsync(HttpStatusCode.Created);
        var copy = await copyResponse.ReadJsonAsync();
        var copyId = copy["id"]!.GetValue<Guid>();
        Assert.False(copy["builtIn"]!.GetValue<bool>());
        Assert.Equal(builtInId, copy["copiedFromId"]!.GetValue<Guid>());
        Assert.Equal(builtIn["title"]!.GetValue<string>(), copy["title"]!.GetValue<string>());

        var edit = ExerciseTestData.EditOf(copy);
        edit["instructions"] = copy["instructions"]!.GetValue<string>() + "\n\nAdded by our practice.";
        await (await world.Counselor.PutAsJsonAsync($"/api/exercises/{copyId}", edit)).EnsureStatusAsync(HttpStatusCode.OK);

        var copied = await world.Counselor.GetExerciseAsync(copyId);
        Assert.Equal([2, 1], copied["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var original = await world.Counselor.GetExerciseAsync(builtInId);
        Assert.Equal(1, original["version"]!.GetValue<int>());
        Assert.DoesNotContain("Added by our practice", original["instructions"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_archived_exercise_leaves_the_library_but_stays_readable_and_can_come_back()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = (await world.Counselor.CreateExerciseAsync())["id"]!.GetValue<Guid>();

        await (await world.Counselor.PostAsync($"/api/exercises/{id}/archive", null)).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(await world.Counselor.ListAsync(), i => i["id"]!.GetValue<Guid>() == id);
        Assert.Contains(await world.Counselor.ListAsync("&includeArchived=true"), i => i["id"]!.GetValue<Guid>() == id);
        Assert.True((await world.Counselor.GetExerciseAsync(id))["archived"]!.GetValue<bool>());

        await (await world.Counselor.PostAsync($"/api/exercises/{id}/restore", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains(await world.Counselor.ListAsync(), i => i["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task A_never_assigned_own_exercise_can_be_deleted_but_a_built_in_cannot()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var id = (await world.Counselor.CreateExerciseAsync())["id"]!.GetValue<Guid>();
        var builtInId = (await world.Counselor.ListAsync("&builtIn=true"))[0]["id"]!.GetValue<Guid>();

        await (await world.Counselor.DeleteAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await world.Counselor.GetAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Counselor.DeleteAsync($"/api/exercises/{builtInId}")).EnsureStatusAsync(HttpStatusCode.Conflict);
        await (await world.Counselor.GetAsync($"/api/exercises/{builtInId}")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_exercise_that_was_ever_assigned_can_be_archived_but_not_deleted()
    {
        var shared = await TestApp.SharedAsync();
        using var app = shared.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IExerciseUsage, EverythingAssigned>()));
        var world = await CreateWorldOnAsync(shared, app);
        var id = (await world.Counselor.CreateExerciseAsync())["id"]!.GetValue<Guid>();

        var delete = await world.Counselor.DeleteAsync($"/api/exercises/{id}");

        await delete.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("archive", (await delete.ReadJsonAsync())["title"]!.GetValue<string>());
        await (await world.Counselor.GetAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await world.Counselor.PostAsync($"/api/exercises/{id}/archive", null)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    private sealed class EverythingAssigned : IExerciseUsage
    {
        public Task<bool> IsEverAssignedAsync(Guid exerciseId, CancellationToken ct) => Task.FromResult(true);
    }

    private static async Task<(HttpClient Counselor, Guid PracticeId)> CreateWorldOnAsync(TestApp shared, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var world = await shared.CreateWorldAsync();
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = world.CounselorEmail, password = ApiClient.Password });
        var token = (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (client, world.Practice.PracticeId);
    }

    [Fact]
    public async Task Another_practice_gets_404_for_every_route_of_an_exercise_and_nothing_changes()
    {
        var app = await TestApp.SharedAsync();
        var owner = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var created = await owner.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise(instructions: "Watch the quokkas together."));
        var id = created["id"]!.GetValue<Guid>();
        var edit = ExerciseTestData.EditOf(created);
        edit["title"] = "Hijacked";

        await (await other.Counselor.GetAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Counselor.GetAsync($"/api/exercises/{id}/versions/1")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Counselor.PutAsJsonAsync($"/api/exercises/{id}", edit)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Admin.PostAsync($"/api/exercises/{id}/copy", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Admin.PostAsync($"/api/exercises/{id}/archive", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await other.Admin.DeleteAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await other.Admin.ListAsync("&includeArchived=true"), i => i["id"]!.GetValue<Guid>() == id);
        Assert.Empty(await other.Admin.ListAsync("&q=quokka"));
        Assert.Single(await owner.Counselor.ListAsync("&q=quokka"));

        var unchanged = await owner.Counselor.GetExerciseAsync(id);
        Assert.Equal("Our evening check-in", unchanged["title"]!.GetValue<string>());
        Assert.False(unchanged["archived"]!.GetValue<bool>());
        Assert.Single(unchanged["versions"]!.AsArray());
    }

    [Fact]
    public async Task A_client_gets_403_from_the_exercise_api()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;
        var id = (await world.Counselor.CreateExerciseAsync())["id"]!.GetValue<Guid>();

        await (await client.GetAsync("/api/exercises")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/exercises", ExerciseTestData.NewExercise())).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/exercises/{id}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/exercises")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> BadExercises => new()
    {
        { """{"title": "", "category": "Consent", "summary": "s", "prompts": [{"kind": "Text", "text": "t"}]}""", "title" },
        { $$"""{"title": "{{new string('x', 201)}}", "category": "Consent", "summary": "s", "prompts": [{"kind": "Text", "text": "t"}]}""", "title" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": []}""", "prompts" },
        { """{"title": "t", "category": "Consent", "summary": "s"}""", "prompts" },
        { $$"""{"title": "t", "category": "Consent", "summary": "s", "prompts": [{{string.Join(",", Enumerable.Repeat("""{"kind": "Text", "text": "t"}""", 51))}}]}""", "prompts" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Scale", "text": "t", "min": 5, "max": 5}]}""", "prompts[0].max" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Scale", "text": "t", "min": 0, "max": 101}]}""", "prompts[0].max" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Scale", "text": "t"}]}""", "prompts[0].min" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Choice", "text": "t"}]}""", "prompts[0].options" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Checklist", "text": "t", "options": ["a", "a"]}]}""", "prompts[0].options" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Scale", "text": "t", "min": 0, "max": 10, "dimension": "Happiness"}]}""", "prompts[0].dimension" },
        { """{"title": "t", "category": "Romance", "summary": "s", "prompts": [{"kind": "Text", "text": "t"}]}""", "category" },
        { """{"title": "t", "summary": "s", "prompts": [{"kind": "Text", "text": "t"}]}""", "category" },
        { $$"""{"title": "t", "category": "Consent", "summary": "s", "instructions": "{{new string('x', 20_001)}}", "prompts": [{"kind": "Text", "text": "t"}]}""", "instructions" },
        { """{"title": "t", "category": "Consent", "summary": "", "prompts": [{"kind": "Text", "text": "t"}]}""", "summary" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Text", "text": ""}]}""", "prompts[0].text" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Essay", "text": "t"}]}""", "prompts[0].kind" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "Text", "text": "t", "dimension": "Safety"}]}""", "prompts[0].dimension" },
        { """{"title": "t", "category": "Consent", "summary": "s", "prompts": [{"kind": "YesNo", "text": "t", "safety": {"dangerAnswers": ["Maybe"]}}]}""", "prompts[0].safety.dangerAnswers" },
        { """{"title": "t", "category": "Consent", "summary": "s", "suitability": "Individual", "joint": true, "prompts": [{"kind": "Text", "text": "t"}]}""", "joint" },
        { """{"title": "t", "category": "Consent", "summary": "s", "estimatedMinutes": 0, "prompts": [{"kind": "Text", "text": "t"}]}""", "estimatedMinutes" },
    };

    [Theory]
    [MemberData(nameof(BadExercises))]
    public async Task Bad_input_gives_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsync("/api/exercises", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        Assert.Empty(await world.Counselor.ListAsync("&builtIn=false&includeArchived=true"));
    }

    [Fact]
    public async Task A_bad_edit_gives_400_and_keeps_the_current_version()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var v1 = await world.Counselor.CreateExerciseAsync();
        var id = v1["id"]!.GetValue<Guid>();
        var edit = ExerciseTestData.EditOf(v1);
        edit["prompts"]![1]!["min"] = 10;

        var response = await world.Counselor.PutAsJsonAsync($"/api/exercises/{id}", edit);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("prompts[1].max"));
        Assert.Single((await world.Counselor.GetExerciseAsync(id))["versions"]!.AsArray());
    }

    [Fact]
    public async Task Instructions_come_back_as_sanitised_html_next_to_the_markdown()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var created = await world.Counselor.CreateExerciseAsync(ExerciseTestData.NewExercise(
            instructions: "**Breathe** first. <script>alert(1)</script> [click](javascript:alert(2))"));

        var html = created["instructionsHtml"]!.GetValue<string>();
        Assert.Contains("<strong>Breathe</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<script>", created["instructions"]!.GetValue<string>());
    }
}
