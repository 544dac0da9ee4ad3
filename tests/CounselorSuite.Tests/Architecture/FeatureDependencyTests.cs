using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using CounselorSuite.Tests.Foundation;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace CounselorSuite.Tests.Architecture;

/// <summary>
/// The features of the web app (Features/&lt;Feature&gt;/, sub-folders included) depend on each other in one
/// direction only, and never on the pages that show them, so that a feature can be read, changed or removed
/// on its own. Read from the compiled assembly by ArchUnitNET (fields, signatures and method bodies), not
/// from `using` lines, which miss references written as <c>Progress.ProgressCharts</c>.
/// </summary>
[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class FeatureDependencyTests
{
    private const string Features = "CounselorSuite.Web.Features.";

    private static readonly ArchUnitNET.Domain.Architecture App =
        new ArchLoader().LoadAssemblies(typeof(CounselorSuite.Web.Features.Cases.CasesApi).Assembly).Build();

    /// <summary>The feature a type belongs to: the first namespace segment after Features, or null.</summary>
    private static string? FeatureOf(IType? type) =>
        // Some targets (generic parameters, function pointers) have no namespace: they belong to no feature.
        type?.Namespace?.FullName is { } name && name.StartsWith(Features, StringComparison.Ordinal)
            ? name[Features.Length..].Split('.')[0]
            : null;

    /// <summary>feature → feature it uses → one example "Type → Type" for the message.</summary>
    internal static Dictionary<string, Dictionary<string, string>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in App.Types)
        {
            if (FeatureOf(type) is not { } from)
            {
                continue;
            }
            var uses = graph.TryGetValue(from, out var known) ? known : graph[from] = new(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                if (FeatureOf(dependency.Target) is { } to && to != from)
                {
                    uses.TryAdd(to, $"{type.FullName} → {dependency.Target!.FullName}");
                }
            }
        }
        return graph;
    }

    /// <summary>Every cycle's features, found as the strongly connected components of more than one feature.</summary>
    internal static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.TryGetValue(node, out var uses) ? uses.Keys.ToList() : [])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                } while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return cycles;
    }

    [Fact]
    public void No_two_features_depend_on_each_other_even_through_a_third()
    {
        var graph = FeatureGraph();
        Assert.True(graph.Count >= 10, $"only {graph.Count} features found: is the namespace still {Features}?");
        var problems = Cycles(graph).Select(cycle => string.Join("\n", cycle.SelectMany(from => graph[from]
            .Where(edge => cycle.Contains(edge.Key)).Select(edge => $"  {from} → {edge.Key}: {edge.Value}")))).ToList();
        Assert.True(problems.Count == 0, "Features that depend on each other:\n" + string.Join("\n\n", problems));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_through_a_third_feature()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "" }, ["B"] = new() { ["C"] = "" }, ["C"] = new() { ["A"] = "" }, ["D"] = new() { ["A"] = "" },
        };
        Assert.Equal(["A", "B", "C"], Assert.Single(Cycles(graph)));
    }

    /// <summary>
    /// One feature, one folder (issue 17): every entity and its EF configuration sit in the feature that owns
    /// them, not in a shared Domain/ or Infrastructure/Data/Configurations folder.
    /// </summary>
    [Fact]
    public void Entities_and_their_configurations_live_in_their_feature()
    {
        var assembly = typeof(CounselorSuite.Web.Features.Cases.CasesApi).Assembly;
        var misplaced = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(ITenantOwned).IsAssignableFrom(t) || typeof(IInstallationWide).IsAssignableFrom(t)
                || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))))
            .Where(t => t.Namespace?.StartsWith(Features, StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(misplaced.Count == 0, "Entities or EF configurations outside Features/<Feature>/: " + string.Join(", ", misplaced));
        Assert.DoesNotContain(assembly.GetTypes(), t => t.Namespace == "CounselorSuite.Web.Domain");

        var web = Path.Combine(ApiContractTests.RepositoryRoot(), "src", "CounselorSuite.Web");
        foreach (var folder in new[] { "Domain", Path.Combine("Infrastructure", "Data", "Configurations") })
        {
            var path = Path.Combine(web, folder);
            Assert.False(Directory.Exists(path) && Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories).Any(),
                $"{folder} has source files again: put entities and configurations in their feature's folder.");
        }
    }

    [Fact]
    public void Features_do_not_depend_on_pages() =>
        Types().That().ResideInNamespaceMatching(@"^CounselorSuite\.Web\.Features(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^CounselorSuite\.Web\.Pages(\..*)?$"))
            .Check(App);
}
