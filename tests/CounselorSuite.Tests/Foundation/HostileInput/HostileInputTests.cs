using System.Net;
using System.Text;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Foundation.HostileInput;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileInputCollection
{
    // Alone, so that "nothing changed in the database" is about these requests only.
    public const string Name = "Hostile input";
}

/// <summary>
/// Every write route of the API, as the app lists them (a new route is covered without touching this
/// file), gets a table of hostile bodies and query strings. None may answer 5xx, and the ones that are
/// invalid everywhere (control characters, broken text, duplicate keys, absurd nesting) may change
/// nothing in the database.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileInputTests
{
    [Fact]
    public async Task Invalid_input_to_every_api_write_route_is_refused_without_a_500_and_changes_nothing()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var routes = RouteCatalog.ApiWriteRoutes(app.Services.GetRequiredService<EndpointDataSource>());
        Assert.True(routes.Count > 30, $"Only {routes.Count} API write routes found: is the endpoint list read correctly?");
        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(app.Database, world.Practice.PracticeId);

        foreach (var route in routes)
        {
            var path = route.Path(world);
            foreach (var (name, body) in HostileBodies.Refused(route.BodyType, world))
            {
                await SendAsync(world.Counselor, route.Method, path, body, $"{name} body", failures);
            }
            await SendAsync(world.Counselor, route.Method, path + "?q=%00&note=a%01b", null, "control characters in the query", failures);
        }

        var after = await DatabaseFingerprint.TakeAsync(app.Database, world.Practice.PracticeId);
        Assert.Empty(failures);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Odd_but_well_formed_values_on_every_api_write_route_never_give_a_500()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var routes = RouteCatalog.ApiWriteRoutes(app.Services.GetRequiredService<EndpointDataSource>());
        var failures = new List<string>();

        foreach (var route in routes)
        {
            foreach (var (name, body) in HostileBodies.Odd(route.BodyType, world))
            {
                await SendAsync(world.Counselor, route.Method, route.Path(world), body, name, failures);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_paged_api_list_clamps_page_numbers_too_large_to_multiply()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var routes = RouteCatalog.PagedReadRoutes(app.Services.GetRequiredService<EndpointDataSource>());
        Assert.NotEmpty(routes);
        var failures = new List<string>();

        foreach (var route in routes)
        {
            foreach (var query in new[] { "?page=99999999", "?page=2147483647&pageSize=100", "?page=-5&pageSize=2147483647" })
            {
                var response = await world.Counselor.GetAsync(route.Path(world) + query);
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.BadRequest)
                {
                    failures.Add($"GET {route.Pattern}{query}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static async Task SendAsync(HttpClient client, string method, string path, string? body, string what, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{method} {path} with {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
