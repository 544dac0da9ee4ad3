using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Bench;

/// <summary>The load benchmark's ceiling endpoint exists only when a benchmark switches it on.</summary>
public sealed class BenchBaselineTests
{
    [Fact]
    public async Task Baseline_endpoint_is_not_there_unless_a_benchmark_switches_it_on()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var response = await world.Clients[0].Client.GetAsync("/bench/baseline");

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Switched_on_it_answers_the_callers_own_name_through_the_practice_wall()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync(), settings: new() { ["Bench:BaselineEndpoint"] = "true" });
        var world = await app.CreateWorldAsync();
        using var anonymous = app.CreateClient();

        var response = await world.Clients[0].Client.GetAsync("/bench/baseline");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync())["displayName"]?.GetValue<string>()));
        await (await anonymous.GetAsync("/bench/baseline")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }
}
