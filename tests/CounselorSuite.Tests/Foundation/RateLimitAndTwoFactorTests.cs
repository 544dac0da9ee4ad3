using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Foundation;

public sealed class RateLimitAndTwoFactorTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync(), settings: new() { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "wrong-password-1" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.PostAsJsonAsync("/api/auth/register-practice", new { });
        await limited.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    private static Task<string> EnableTwoFactorAsync(TestApp app, PracticeAccount practice, Guid userId) =>
        app.InPracticeAsync(practice.PracticeId, async (IServiceProvider services) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            var key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            return key;
        });

    [Fact]
    public async Task With_two_factor_on_sign_in_needs_the_current_code()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();
        var key = await EnableTwoFactorAsync(app, practice, practice.UserId);
        using var client = app.CreateClient();

        var withoutCode = await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password });
        await withoutCode.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.True((await withoutCode.ReadJsonAsync())["requiresTwoFactor"]!.GetValue<bool>());

        var wrongCode = await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password, twoFactorCode = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        await wrongCode.EnsureStatusAsync(HttpStatusCode.Unauthorized);

        var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email = practice.Email, password = practice.Password, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) });
        await withCode.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty((await withCode.ReadJsonAsync())["accessToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task When_the_practice_demands_two_factor_staff_without_it_cannot_get_a_token_but_clients_can()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        await app.InPracticeAsync(world.Practice.PracticeId, (AppDbContext db) =>
            db.Practices.ExecuteUpdateAsync(s => s.SetProperty(p => p.RequireStaffTwoFactor, true)));
        using var client = app.CreateClient();

        var staff = await client.PostAsJsonAsync("/api/auth/login", new { email = world.CounselorEmail, password = ApiClient.Password });
        await staff.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = world.CounselorEmail, password = "wrong-password-9" });
        await wrongPassword.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var clientLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = world.Clients[0].Email, password = ApiClient.Password });
        await clientLogin.EnsureStatusAsync(HttpStatusCode.OK);
    }
}
