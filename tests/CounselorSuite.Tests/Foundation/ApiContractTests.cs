using System.Text.Json;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Foundation;

/// <summary>
/// docs/api.md is the API's contract; /openapi/v1.json is what the app serves. Every route written in the
/// one must be in the other, so a new endpoint cannot ship undocumented and a documented one cannot vanish.
/// </summary>
public sealed partial class ApiContractTests
{
    // "GET /api/cases", "GET, POST /api/cases/{id}/sessions", "PUT /api/exercises/{id}" inside backticks.
    [GeneratedRegex(@"`((?:(?:GET|POST|PUT|PATCH|DELETE)(?:, )?)+) (/[^`\s]+)`")]
    private static partial Regex DocumentedRoute();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>"/api/cases/{caseId:guid}" and "/api/cases/{id}" are the same route: parameters are compared by place.</summary>
    private static string Normalise(string method, string path) =>
        $"{method.ToUpperInvariant()} {RouteParameter().Replace(path.Split('?')[0], "{}")}";

    private static HashSet<string> Documented()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "api.md"));
        var routes = new HashSet<string>();
        foreach (Match m in DocumentedRoute().Matches(text))
        {
            if (!m.Groups[2].Value.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue; // /health, /openapi: not part of the API document
            }
            foreach (var method in m.Groups[1].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            {
                routes.Add(Normalise(method, m.Groups[2].Value));
            }
        }
        return routes;
    }

    /// <summary>The checkout the tests run from (the folder holding CounselorSuite.sln).</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CounselorSuite.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CounselorSuite.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Every_route_of_the_openapi_document_is_in_docs_api_md_and_back()
    {
        var app = await TestApp.SharedAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var openApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var served = new HashSet<string>();
        foreach (var path in openApi.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    served.Add(Normalise(operation.Name, path.Name));
                }
            }
        }
        var documented = Documented();

        Assert.True(served.Count > 40, $"the OpenAPI document lists only {served.Count} API operations");
        var undocumented = served.Except(documented).Order().ToList();
        var missing = documented.Except(served).Order().ToList();
        Assert.True(undocumented.Count == 0 && missing.Count == 0,
            $"Served but not in docs/api.md:\n  {string.Join("\n  ", undocumented)}\n"
            + $"In docs/api.md but not served:\n  {string.Join("\n  ", missing)}");
    }
}
