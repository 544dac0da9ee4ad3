using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CounselorSuite.Tests.Accounts;

/// <summary>
/// The API's tokens cannot be replayed: access tokens live 15 minutes and die with the security stamp,
/// refresh tokens are single-use, and a used one presented again revokes its family and every session.
/// </summary>
public sealed class ApiTokenTests
{
    private static async Task<JsonObject> LoginAsync(HttpClient http, string email) =>
        await (await http.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).ReadJsonAsync();

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient http, JsonObject tokens) =>
        http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });

    private static async Task<HttpStatusCode> MeAsync(HttpClient http, JsonObject tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new("Bearer", tokens["accessToken"]!.GetValue<string>());
        return (await http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task An_access_token_lives_fifteen_minutes_at_most()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var practice = await app.RegisterPracticeAsync();
        using var http = app.CreateClient();
        var tokens = await LoginAsync(http, practice.Email);

        Assert.Equal(900, tokens["expiresIn"]!.GetValue<long>());
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, tokens));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(http, tokens));
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_the_next_one_takes_its_place()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var http = app.CreateClient();
        var first = await LoginAsync(http, practice.Email);

        var refreshed = await RefreshAsync(http, first);
        await refreshed.EnsureStatusAsync(HttpStatusCode.OK);
        var second = await refreshed.ReadJsonAsync();

        Assert.NotEqual(first["refreshToken"]!.GetValue<string>(), second["refreshToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, second));
        await (await RefreshAsync(http, second)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_used_refresh_token_presented_again_is_refused_and_revokes_its_family_and_every_session()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var http = app.CreateClient();
        var stolen = await LoginAsync(http, world.CounselorEmail);
        var rotated = await (await RefreshAsync(http, stolen)).ReadJsonAsync(); // the owner refreshes
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var replay = await RefreshAsync(http, stolen); // the thief replays the copy

        await replay.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(http, rotated)).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(http, rotated));
        Assert.StartsWith("/account/login", (await browser.GetAsync("/counselor")).Headers.Location!.PathAndQuery());
        // Another person's tokens are untouched, and the person can sign in again.
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, await LoginAsync(http, world.CounselorEmail)));
    }

    [Fact]
    public async Task Signing_out_on_the_pages_refuses_the_persons_access_and_refresh_tokens_at_once()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var http = app.CreateClient();
        var tokens = await LoginAsync(http, world.CounselorEmail);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, tokens));
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        await (await browser.PostFormAsync("/account/logout", new())).EnsureStatusAsync(HttpStatusCode.Redirect);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(http, tokens));
        await (await RefreshAsync(http, tokens)).EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_turning_sign_in_off_refuses_the_persons_tokens()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var http = app.CreateClient();
        var tokens = await LoginAsync(http, world.CounselorEmail);

        await (await world.Admin.PostAsync($"/api/users/{world.CounselorId}/disable", null)).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(http, tokens));
        await (await RefreshAsync(http, tokens)).EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_hash_of_a_refresh_token_is_stored()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        using var http = app.CreateClient();
        var token = (await LoginAsync(http, practice.Email))["refreshToken"]!.GetValue<string>();

        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var stored = new NpgsqlCommand("SELECT string_agg(token_hash, ',') FROM refresh_tokens WHERE practice_id = @p", owner);
        stored.Parameters.AddWithValue("p", practice.PracticeId);
        var hashes = (string)(await stored.ExecuteScalarAsync())!;
        Assert.DoesNotContain(token.Split('.')[1], hashes);
        Assert.Equal(64, hashes.Split(',')[0].Length);
    }
}
