using System.Reflection;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CounselorSuite.Tests.Foundation.HostileInput;

/// <summary>One API route as the app registered it, with its route values filled from a test world.</summary>
public sealed record ApiRoute(string Method, string Pattern, Type? BodyType)
{
    /// <summary>
    /// Route values by name: the world's case and clients where the name says so, so hostile bodies reach
    /// the handlers' own checks; other ids are random and find nothing.
    /// </summary>
    public string Path(PracticeWorld world)
    {
        var path = "/" + Pattern.TrimStart('/');
        foreach (System.Text.RegularExpressions.Match parameter in System.Text.RegularExpressions.Regex.Matches(Pattern, "{([^}:?]+)[^}]*}"))
        {
            var name = parameter.Groups[1].Value;
            var value = name.Equals("caseId", StringComparison.OrdinalIgnoreCase) || (name == "id" && Pattern.Contains("/cases/{", StringComparison.Ordinal))
                ? world.CaseId.ToString()
                : name.Contains("client", StringComparison.OrdinalIgnoreCase) ? world.Clients[0].Id.ToString()
                : name.Contains("counselor", StringComparison.OrdinalIgnoreCase) ? world.CounselorId.ToString()
                : Guid.NewGuid().ToString();
            path = path.Replace(parameter.Value, value, StringComparison.Ordinal);
        }
        return path;
    }
}

public static class RouteCatalog
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<ApiRoute> ApiWriteRoutes(EndpointDataSource source) =>
        ApiRoutes(source).Where(r => WriteMethods.Contains(r.Method)).ToList();

    /// <summary>GET routes whose handler takes a <c>page</c> argument.</summary>
    public static IReadOnlyList<ApiRoute> PagedReadRoutes(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.Name == "page") == true)
            .SelectMany(e => ToRoutes(e)).Where(r => r.Method == "GET").ToList();

    private static IEnumerable<ApiRoute> ApiRoutes(EndpointDataSource source) => source.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
        .SelectMany(ToRoutes);

    private static IEnumerable<ApiRoute> ToRoutes(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        return methods.Select(m => new ApiRoute(m, endpoint.RoutePattern.RawText!, body));
    }
}
