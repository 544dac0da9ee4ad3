using System.Net;
using System.Net.Http.Json;
using System.Text;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Foundation;

/// <summary>Bad input gets a clear 4xx problem and changes nothing; never a 500.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "/api/auth/register-practice", "{\"practiceName\": " },
        { "/api/auth/register-practice", "{\"practiceName\": 42, \"adminEmail\": [] }" },
        { "/api/auth/login", "not json at all" },
        { "/api/auth/refresh", "[1,2,3]" },
        { "/api/invitations/accept", "{\"token\": {\"nested\": true}}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_or_mistyped_json_is_a_400_problem(string path, string body)
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mistyped_fields_on_an_authenticated_route_are_a_400_and_open_no_case()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsync("/api/cases", new StringContent("{\"title\": 5, \"kind\": true}", Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var list = await (await world.Counselor.GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal(1, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();
        var huge = "{\"email\": \"" + new string('a', 2 * 1024 * 1024) + "\", \"password\": \"x\"}";

        var response = await client.PostAsync("/api/auth/login", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ids_that_are_not_uuids_find_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        await (await world.Counselor.GetAsync("/api/cases/not-a-uuid")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Counselor.GetAsync("/api/cases/00000000-0000-0000-0000-000000000000")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_garbage_invitation_token_is_a_400_with_the_field_named()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/invitations/accept", new { token = "abc", password = ApiClient.Password });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("token"));
    }
}
