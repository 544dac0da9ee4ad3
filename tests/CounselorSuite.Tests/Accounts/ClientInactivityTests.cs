using System.Net;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CounselorSuite.Tests.Accounts;

public sealed class ClientInactivityTests
{
    [Fact]
    public async Task A_client_is_signed_out_after_the_practices_idle_time_and_lands_on_a_neutral_page()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);

        clock.Advance(TimeSpan.FromMinutes(10));
        await client.PageAsync("/portal");
        clock.Advance(TimeSpan.FromMinutes(10));
        await client.PageAsync("/portal");
        clock.Advance(TimeSpan.FromMinutes(16));
        var idle = await client.GetAsync("/portal");

        await idle.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signed-out", idle.Headers.Location!.OriginalString);
        var signedOut = await client.PageAsync("/account/signed-out");
        Assert.Equal("Signed out", Html.Title(signedOut));
        Assert.DoesNotContain("CounselorSuite", signedOut);
        Assert.StartsWith("/account/login", (await client.GetAsync("/portal")).Headers.Location!.OriginalString.Replace("http://localhost", ""));
        // Staff are not signed out by the portal's idle rule.
        await counselor.PageAsync("/counselor");
    }

    [Fact]
    public async Task The_neutral_signed_out_page_ends_a_session_that_is_still_open()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        await client.PageAsync("/account/signed-out");

        Assert.Contains("/account/login", (await client.GetAsync("/portal")).Headers.Location!.OriginalString);
    }
}
