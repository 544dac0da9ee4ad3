using System.Net;
using System.Net.Http.Json;
using System.Text;
using CounselorSuite.Tests.Handouts;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Foundation;

/// <summary>Each input that once gave a 500: refused with a clear 400 and nothing saved, or accepted where valid.</summary>
public sealed class StrictInputTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<int> CaseCountAsync(HttpClient counselor) =>
        (await (await counselor.GetAsync("/api/cases")).ReadJsonAsync())["total"]!.GetValue<int>();

    [Theory]
    [InlineData("{\"title\": \"a\\u0000b\", \"kind\": \"Individual\"}", "title")]
    [InlineData("{\"title\": \"ok\", \"kind\": \"Individual\\u0000\"}", "kind")]
    [InlineData("{\"title\": \"a\\u0007b\", \"kind\": \"Individual\"}", "title")]
    [InlineData("{\"title\": \"a\\ud800b\", \"kind\": \"Individual\"}", "title")]
    public async Task A_control_character_in_a_json_field_is_a_400_naming_the_field_and_saves_nothing(string body, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsync("/api/cases", Json(body));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(1, await CaseCountAsync(world.Counselor));
    }

    [Fact]
    public async Task A_nul_in_a_query_string_or_in_sign_in_is_a_400_problem()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var anonymous = app.CreateClient();

        await (await world.Counselor.GetAsync("/api/exercises?q=%00")).EnsureStatusAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostAsync("/api/auth/login", Json("{\"email\": \"a\\u0000@example.test\", \"password\": \"x\"}")))
            .EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Individual,Couple")]
    [InlineData("1")]
    [InlineData(" Couple")]
    [InlineData("couple")]
    public async Task Case_kinds_are_parsed_strictly(string kind)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsJsonAsync("/api/cases", new { title = "Strict", kind });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await CaseCountAsync(world.Counselor));
    }

    [Fact]
    public async Task Duplicate_json_keys_are_a_400_and_open_no_case()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsync("/api/cases", Json("{\"title\": \"Twice\", \"kind\": \"Individual\", \"kind\": \"Couple\"}"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await CaseCountAsync(world.Counselor));
    }

    [Fact]
    public async Task A_time_with_any_offset_is_booked_listed_and_rescheduled_as_the_same_instant()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var day = SessionApi.DaysAhead(30).ToString("yyyy-MM-dd");

        var booked = await world.Counselor.PostAsync($"/api/cases/{world.CaseId}/sessions",
            Json($"{{\"startsAt\": \"{day}T10:00:00+02:00\", \"durationMinutes\": 50, \"location\": \"Room 2\"}}"));
        await booked.EnsureStatusAsync(HttpStatusCode.Created);
        var id = (await booked.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var session = await (await world.Counselor.GetAsync($"/api/sessions/{id}")).ReadJsonAsync();
        Assert.Equal(DateTimeOffset.Parse($"{day}T08:00:00Z"), session["startsAt"]!.GetValue<DateTimeOffset>());

        var list = await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions?from={Uri.EscapeDataString(day + "T09:59:00+02:00")}");
        await list.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await list.ReadJsonAsync())["total"]!.GetValue<int>());
        var later = await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions?from={Uri.EscapeDataString(day + "T08:01:00-00:30")}");
        Assert.Equal(0, (await later.ReadJsonAsync())["total"]!.GetValue<int>());

        var moved = await world.Counselor.PutAsync($"/api/sessions/{id}",
            Json($"{{\"startsAt\": \"{day}T09:30:00-05:00\", \"durationMinutes\": 50}}"));
        await moved.EnsureStatusAsync(HttpStatusCode.OK);
        session = await (await world.Counselor.GetAsync($"/api/sessions/{id}")).ReadJsonAsync();
        Assert.Equal(DateTimeOffset.Parse($"{day}T14:30:00Z"), session["startsAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Handout_input_the_pdf_renderer_would_refuse_later_is_a_400_now()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");

        var rlo = await world.Counselor.PostAsJsonAsync("/api/handouts",
            new { caseId = world.CaseId, exerciseIds = new[] { exercise }, password = "secret\u202Epassword" });
        await rlo.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await rlo.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("password"));

        var nonCharacter = await world.Counselor.PostAsJsonAsync("/api/handouts",
            new { caseId = world.CaseId, exerciseIds = new[] { exercise }, note = "Before \uFFFF next time" });
        await nonCharacter.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await nonCharacter.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("note"));
    }
}
