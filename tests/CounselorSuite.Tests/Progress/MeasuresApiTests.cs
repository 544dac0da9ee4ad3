using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Measures;

namespace CounselorSuite.Tests.Progress;

/// <summary>Admins add measures from definition files; a file with any problem is refused whole.</summary>
public sealed class MeasuresApiTests
{
    private static string SatisfactionJson(int version = 1) =>
        MeasureValidator.ToJson(TestMeasures.SatisfactionIndex() with { Version = version });

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonArray> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/measures");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    [Fact]
    public async Task Admin_imports_a_definition_and_counselors_see_it_after_the_built_in_check_in()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Admin.PostAsync("/api/measures", Json(SatisfactionJson()));

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Equal("satisfaction-index-4", created["key"]!.GetValue<string>());
        Assert.Equal(21, created["scoreMax"]!.GetValue<double>());
        Assert.False(created["builtIn"]!.GetValue<bool>());
        var listed = await ListAsync(world.Counselor);
        Assert.Equal(["relationship-check-in", "satisfaction-index-4"], listed.Select(m => m!["key"]!.GetValue<string>()));
        Assert.True(listed[0]!["builtIn"]!.GetValue<bool>());
        Assert.True(listed[0]!["hasCriticalItems"]!.GetValue<bool>());
        var detail = await (await world.Counselor.GetAsync("/api/measures/satisfaction-index-4")).ReadJsonAsync();
        Assert.Equal(4, detail["definition"]!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_definition_with_problems_is_a_400_naming_every_problem_and_nothing_is_saved()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var broken = TestMeasures.DepressionScreen();
        broken = broken with
        {
            Items = [.. broken.Items!.Take(8), new() { Id = "1", Text = "Item 9" }],
            CutOffs = [new() { From = 0, To = 30, Label = "All" }],
            Reliability = broken.Reliability! with { Coefficient = 1.4, NormativeSd = 0 },
        };

        var response = await world.Admin.PostAsync("/api/measures", Json(MeasureValidator.ToJson(broken)));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Superset(new HashSet<string> { "items[8].id", "items[8]", "reliability.coefficient", "reliability.normativeSd" },
            errors.Select(e => e.Key).ToHashSet());
        Assert.Contains("used twice", errors["items[8].id"]![0]!.GetValue<string>());
        Assert.Single(await ListAsync(world.Admin));
    }

    [Fact]
    public async Task A_misspelt_field_or_malformed_file_is_a_400_not_a_500()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var misspelt = await world.Admin.PostAsync("/api/measures", Json(SatisfactionJson().Replace("\"higherIsBetter\"", "\"higherIsBeter\"")));
        var malformed = await world.Admin.PostAsync("/api/measures", Json("{ \"key\": "));

        await misspelt.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await misspelt.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Value!.AsArray().Any(m => m!.GetValue<string>().Contains("Unknown field \"higherIsBeter\"")));
        await malformed.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Single(await ListAsync(world.Admin));
    }

    [Fact]
    public async Task The_same_version_twice_or_a_built_in_key_is_a_conflict_and_a_new_version_is_welcome()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await (await world.Admin.PostAsync("/api/measures", Json(SatisfactionJson()))).EnsureStatusAsync(HttpStatusCode.Created);

        var again = await world.Admin.PostAsync("/api/measures", Json(SatisfactionJson()));
        var builtInKey = await world.Admin.PostAsync("/api/measures",
            Json(MeasureValidator.ToJson(TestMeasures.SatisfactionIndex() with { Key = BuiltInMeasures.CheckInKey })));
        var second = await world.Admin.PostAsync("/api/measures", Json(SatisfactionJson(version: 2)));

        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
        await builtInKey.EnsureStatusAsync(HttpStatusCode.Conflict);
        await second.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(3, (await ListAsync(world.Admin)).Count);
        var latest = await (await world.Admin.GetAsync("/api/measures/satisfaction-index-4")).ReadJsonAsync();
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        var first = await (await world.Admin.GetAsync("/api/measures/satisfaction-index-4?version=1")).ReadJsonAsync();
        Assert.Equal(1, first["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Counselors_cannot_import_and_clients_cannot_list_measures()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var byCounselor = await world.Counselor.PostAsync("/api/measures", Json(SatisfactionJson()));
        var byClient = await world.Clients[0].Client.GetAsync("/api/measures");
        using var anonymous = app.CreateClient();
        var byNobody = await anonymous.GetAsync("/api/measures");

        await byCounselor.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await byClient.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await byNobody.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Single(await ListAsync(world.Admin));
    }

    [Fact]
    public async Task Another_practices_measures_are_neither_listed_nor_readable()
    {
        var app = await TestApp.SharedAsync();
        var ours = await app.CreateWorldAsync();
        var theirs = await app.CreateWorldAsync();
        await (await ours.Admin.PostAsync("/api/measures", Json(SatisfactionJson()))).EnsureStatusAsync(HttpStatusCode.Created);

        var listed = await ListAsync(theirs.Admin);
        var read = await theirs.Counselor.GetAsync("/api/measures/satisfaction-index-4");
        // The other practice may import the same key and version: keys are per practice.
        var theirImport = await theirs.Admin.PostAsync("/api/measures", Json(SatisfactionJson()));

        Assert.Equal(["relationship-check-in"], listed.Select(m => m!["key"]!.GetValue<string>()));
        await read.EnsureStatusAsync(HttpStatusCode.NotFound);
        await theirImport.EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_measures_page_is_for_signed_in_people_only()
    {
        var app = await TestApp.SharedAsync();
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/admin/measures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }
}
