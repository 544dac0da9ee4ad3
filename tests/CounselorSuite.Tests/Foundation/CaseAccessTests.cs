using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Foundation;

public sealed class CaseAccessTests
{
    [Fact]
    public async Task A_counselor_not_on_a_case_gets_404_and_does_not_see_it_listed()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var (_, otherEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        using var other = await app.SignInAsync(otherEmail);

        await (await other.GetAsync($"/api/cases/{world.CaseId}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        var list = await (await other.GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal(0, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_admin_sees_every_case_of_the_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var found = await (await world.Admin.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();

        Assert.Equal(world.CounselorId, found["counselorIds"]![0]!.GetValue<Guid>());
        Assert.Equal(world.Clients[0].Id, found["clientIds"]![0]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_client_may_never_use_the_case_api()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0].Client;

        await (await client.GetAsync("/api/cases")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/cases/{world.CaseId}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/cases", new { title = "Mine", kind = "Individual" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_couple_case_lists_both_partners_with_the_ids_me_gives_them()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");

        var found = await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}")).ReadJsonAsync();
        var meIds = new List<Guid>();
        foreach (var (_, _, client) in world.Clients)
        {
            meIds.Add((await (await client.GetAsync("/api/me")).ReadJsonAsync())["userId"]!.GetValue<Guid>());
        }

        Assert.Equal("Couple", found["kind"]!.GetValue<string>());
        Assert.Equal(meIds, found["clientIds"]!.AsArray().Select(i => i!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Opening_a_case_validates_title_and_kind()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Counselor.PostAsJsonAsync("/api/cases", new { title = new string('x', 201), kind = "Triad" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("title"));
        Assert.True(errors.ContainsKey("kind"));
    }
}
