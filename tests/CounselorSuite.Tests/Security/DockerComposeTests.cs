using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CounselorSuite.Tests.Security;

/// <summary>
/// docker-compose.yml read as compose reads it (no Docker engine runs here): the notes' key ring on a
/// volume that app and worker share, and no password with a built-in default.
/// </summary>
public sealed class DockerComposeTests
{
    private static string RepositoryFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, name);
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "CounselorSuite.sln")))
            {
                return path;
            }
        }
        throw new FileNotFoundException(name);
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryFile("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(YamlMappingNode compose, string name) =>
        (YamlMappingNode)((YamlMappingNode)compose["services"])[name];

    /// <summary>A key of a service, looked up through the x-app anchor's "&lt;&lt;: *app" merge as compose does.</summary>
    private static YamlNode? Node(YamlMappingNode service, string key) =>
        service.Children.TryGetValue(key, out var node) ? node
        : service.Children.TryGetValue("<<", out var merged) ? Node((YamlMappingNode)merged, key) : null;

    [Theory]
    [InlineData("app")]
    [InlineData("worker")]
    public void App_and_worker_keep_the_notes_key_ring_on_one_shared_volume(string name)
    {
        var compose = Compose();
        var service = Service(compose, name);

        var environment = (YamlMappingNode)Node(service, "environment")!;
        Assert.Equal("/data/note-keys", environment["Notes__KeyDirectory"].ToString());
        var volumes = ((YamlSequenceNode)Node(service, "volumes")!).Select(v => v.ToString()).ToList();
        Assert.Contains("note-keys:/data/note-keys", volumes);
        Assert.True(((YamlMappingNode)compose["volumes"]).Children.ContainsKey("note-keys"));
    }

    [Fact]
    public void No_password_or_address_has_a_built_in_default_and_compose_refuses_to_start_without_them()
    {
        var text = File.ReadAllText(RepositoryFile("docker-compose.yml"));
        var variables = Regex.Matches(text, @"\$\{([A-Z_]+)(:?[-?])?([^}]*)\}").ToList();

        foreach (var name in new[] { "POSTGRES_PASSWORD", "APP_DB_PASSWORD", "PUBLIC_BASE_URL" })
        {
            var uses = variables.Where(v => v.Groups[1].Value == name).ToList();
            Assert.NotEmpty(uses);
            Assert.All(uses, v => Assert.Equal(":?", v.Groups[2].Value));
        }
        Assert.DoesNotContain(variables, v => v.Groups[1].Value.Contains("PASSWORD", StringComparison.Ordinal) && v.Groups[2].Value != ":?");
    }

    [Fact]
    public void The_readme_says_how_to_back_up_the_key_ring_volume()
    {
        var readme = File.ReadAllText(RepositoryFile("README.md"));

        Assert.Contains("counselorsuite_note-keys", readme);
        Assert.Contains("Back up the notes' key ring", readme);
    }
}
