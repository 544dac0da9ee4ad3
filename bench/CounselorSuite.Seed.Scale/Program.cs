using System.Diagnostics;
using System.Globalization;
using CounselorSuite.Seed.Scale;

// scripts/seed-scale runs this. Commands:
//   seed  --connection <superuser cs> --practices N --clients N --answers N [--seed 42] [--note-keys DIR] [--out FILE]
//   query --connection <app-role cs> --practice ID --client ID [--runs 200] [--out FILE]
// See docs/benchmarks.md.

var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "seed";
var options = Args.Parse(args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
try
{
    switch (command)
    {
        case "seed":
            {
                var seedOptions = SeedOptions.From(options);
                var watch = Stopwatch.StartNew();
                var result = await new Seeder(seedOptions, Console.Out).RunAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Seeded {result.Answers:N0} scale answers ({result.BenchClientAnswers:N0} of them the benchmark client's) in {watch.Elapsed.TotalSeconds:F1} s."));
                return 0;
            }
        case "query":
            return await ProgressQuery.RunAsync(options, Console.Out);
        default:
            await Console.Error.WriteLineAsync($"unknown command '{command}': use seed or query");
            return 2;
    }
}
catch (SeedException e)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 1;
}

namespace CounselorSuite.Seed.Scale
{
    /// <summary>A problem the person running the tool can fix (bad arguments, wrong database, wrong role).</summary>
    public sealed class SeedException(string message) : Exception(message);

    public static class Args
    {
        public static Dictionary<string, string> Parse(string[] args)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new SeedException($"unexpected argument '{args[i]}'");
                }
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                result[args[i][2..]] = hasValue ? args[++i] : "true";
            }
            return result;
        }

        public static long Long(this Dictionary<string, string> args, string name, long fallback) =>
            args.TryGetValue(name, out var v)
                ? long.TryParse(v.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                    ? n
                    : throw new SeedException($"--{name} must be a whole number, not '{v}'")
                : fallback;

        public static string Required(this Dictionary<string, string> args, string name) =>
            args.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : throw new SeedException($"--{name} is required");
    }
}
