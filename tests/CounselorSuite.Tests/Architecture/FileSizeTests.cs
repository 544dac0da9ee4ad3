using CounselorSuite.Tests.Foundation;

namespace CounselorSuite.Tests.Architecture;

/// <summary>
/// No hand-written source file grows past <see cref="MaxLines"/> lines: a file that long is usually doing
/// several jobs, and a newcomer reads a feature file by file (issue 17). A file that must be long says why
/// in a line starting with <c>// Long file:</c>. Migrations and build output are generated and not counted.
/// </summary>
[Trait("Category", "Fast")] // reads files only: scripts/test --fast runs it
public sealed class FileSizeTests
{
    private const int MaxLines = 350;

    /// <summary>Files known to be over, each with why it may be for now. Remove an entry when its file is split.</summary>
    private static readonly Dictionary<string, string> Pending = new(StringComparer.Ordinal)
    {
        // Empty: HomeworkQueries, the last one, was split (HomeworkQueries.Items.cs). The second test keeps a
        // future entry honest.
    };

    [Fact]
    public void No_hand_written_source_file_is_over_350_lines_without_a_reason()
    {
        var root = ApiContractTests.RepositoryRoot();
        var tooLong = LongFiles(root)
            .Where(f => !Pending.ContainsKey(f.Path) && !f.Lines.Any(l => l.TrimStart().StartsWith("// Long file:", StringComparison.Ordinal)))
            .Select(f => $"{f.Path} ({f.Lines.Length} lines)")
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"Over {MaxLines} lines: {string.Join(", ", tooLong)}. Split by job into files of the feature's folder, " +
            "or say why the file must stay long in a comment line starting with \"// Long file:\".");
    }

    [Fact]
    public void Pending_files_are_still_over_the_limit()
    {
        var root = ApiContractTests.RepositoryRoot();
        var over = LongFiles(root).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var done = Pending.Keys.Where(p => !over.Contains(p)).ToList();
        Assert.True(done.Count == 0, $"Split already (or gone): {string.Join(", ", done)}. Remove them from {nameof(Pending)}.");
    }

    private static IEnumerable<(string Path, string[] Lines)> LongFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(IsHandWritten)
            .Select(path => (Path: path, Lines: File.ReadAllLines(Path.Combine(root, path))))
            .Where(f => f.Lines.Length > MaxLines);

    private static bool IsHandWritten(string path)
    {
        var segments = path.Split('/');
        return !segments.Any(s => s is "Migrations" or "obj" or "bin")
            && !path.EndsWith(".g.cs", StringComparison.Ordinal) && !path.EndsWith(".Designer.cs", StringComparison.Ordinal);
    }
}
