using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Puts a scripts/bench --citus run together: the same endpoints against one PostgreSQL (single/*.json) and a
/// Citus cluster (citus/*.json, with the coordinator's router-query counts), taking turns per endpoint, plus
/// seed-{single,citus}.json, query-{single,citus}.json, setup.json and machine.json; writes bench/results/citus.json
/// and the Markdown of the "Citus" section of docs/benchmarks.md.
/// </summary>
internal static class CitusReport
{
    private static readonly string[] Targets = ["single", "citus"];

    public static int Write(Dictionary<string, string> o)
    {
        var dir = o.Need("dir");
        JsonObject? Read(string name) =>
            File.Exists(Path.Combine(dir, name)) ? JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name)))!.AsObject() : null;
        var runs = new JsonObject();
        foreach (var target in Targets)
        {
            var files = Directory.Exists(Path.Combine(dir, target)) ? Directory.GetFiles(Path.Combine(dir, target), "*.json").Order(StringComparer.Ordinal).ToArray() : [];
            runs[target] = new JsonArray(files.Select(f => JsonNode.Parse(File.ReadAllText(f))).ToArray());
        }
        var result = new JsonObject
        {
            ["machine"] = Read("machine.json")?.DeepClone(),
            ["setup"] = Read("setup.json")?.DeepClone(),
            ["seed"] = new JsonObject { ["single"] = Read("seed-single.json")?.DeepClone(), ["citus"] = Read("seed-citus.json")?.DeepClone() },
            ["progressQuery"] = new JsonObject { ["single"] = Read("query-single.json")?.DeepClone(), ["citus"] = Read("query-citus.json")?.DeepClone() },
            ["runs"] = runs,
        };
        File.WriteAllText(o.Need("out"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(o.Need("markdown"), Markdown(result));
        return 0;
    }

    private static string F(double? v, string format) =>
        v is { } d && !double.IsNaN(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static double? D(JsonNode? n) => n?.GetValueKind() == JsonValueKind.Number ? n.GetValue<double>() : null;

    /// <summary>Each endpoint's entry in one target's runs, by name, in the order of bench/endpoints.txt as run.</summary>
    private static List<(string Name, JsonObject Entry, JsonObject Run)> Endpoints(JsonObject result, string target) =>
        result["runs"]![target]!.AsArray()
            .SelectMany(run => run!["endpoints"]!.AsArray().Select(e => (Run: run.AsObject(), Entry: e!.AsObject())))
            .Select(x => (x.Entry["name"]!.GetValue<string>(), x.Entry, x.Run))
            .ToList();

    private static string Markdown(JsonObject result)
    {
        var sb = new StringBuilder();
        var single = Endpoints(result, "single");
        var citus = Endpoints(result, "citus").ToDictionary(x => x.Name);
        var setup = result["setup"];
        var connections = setup?["connections"]?.ToString() ?? "8";
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"#### The same endpoints on one node and on Citus, {connections} connections ({setup?["durationSeconds"]} s per run, wrk, one thread; the two take turns per endpoint)");
        sb.AppendLine();
        sb.AppendLine("| endpoint | one node: req/s | p50 / p95 ms | Citus: req/s | p50 / p95 ms | Citus ÷ one node (req/s) | p50 added ms | distributed queries per request | router (single-shard) share |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double sumSingle = 0, sumCitus = 0;
        long routed = 0, fanned = 0;
        var skipped = new List<string>();
        foreach (var (name, entry, _) in single)
        {
            citus.TryGetValue(name, out var other);
            var a = entry["runs"]?[connections];
            var b = other.Entry?["runs"]?[connections];
            if (a is null || b is null)
            {
                skipped.Add($"`{name}` (not answering 2xx when probed: one node {entry["probeStatus"]}, Citus {other.Entry?["probeStatus"]?.ToString() ?? "not run"})");
                continue;
            }
            if (D(a["requests"]) is not > 0 || D(b["requests"]) is not > 0)
            {
                skipped.Add($"`{name}` (no request finished within the {setup?["durationSeconds"]} s run: one node {a["requests"]}, Citus {b["requests"]})");
                continue;
            }
            var (rpsA, rpsB) = (D(a["rps"]) ?? 0, D(b["rps"]) ?? 0);
            sumSingle += rpsA;
            sumCitus += rpsB;
            var counts = other.Entry!["citus"];
            routed += counts?["singleShard"]?.GetValue<long>() ?? 0;
            fanned += counts?["multiShard"]?.GetValue<long>() ?? 0;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| `{name}` | {F(rpsA, "0")} | {F(D(a["p50Ms"]), "0.0")} / {F(D(a["p95Ms"]), "0.0")} | {F(rpsB, "0")} | {F(D(b["p50Ms"]), "0.0")} / {F(D(b["p95Ms"]), "0.0")} " +
                $"| {F(rpsA > 0 ? rpsB / rpsA * 100 : null, "0")} % | {F(D(b["p50Ms"]) - D(a["p50Ms"]), "+0.0;-0.0")} | {F(D(counts?["queriesPerRequest"]), "0.0")} " +
                $"| {F(D(counts?["routerShare"]) * 100, "0.0")} % |");
        }
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** (sum of req/s; share over every query) | {F(sumSingle, "0")} | | {F(sumCitus, "0")} | | {F(sumSingle > 0 ? sumCitus / sumSingle * 100 : null, "0")} % | | | " +
            $"{F(routed + fanned > 0 ? 100.0 * routed / (routed + fanned) : null, "0.0")} % ({routed:N0} of {routed + fanned:N0}) |");
        if (skipped.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Not measured: " + string.Join(", ", skipped) + ".");
        }

        sb.AppendLine();
        sb.AppendLine("#### Setup, data and the progress query");
        sb.AppendLine();
        sb.AppendLine("| | one node | Citus: a coordinator and two workers |");
        sb.AppendLine("| --- | ---: | ---: |");
        string Both(Func<string, string> cell) => $"| {cell("single")} | {cell("citus")} |";
        sb.AppendLine("| answers in the database " + Both(t => F(D(result["seed"]?[t]?["answers"]), "N0")));
        sb.AppendLine("| migration (the migrator; on Citus with `--citus`) " + Both(t => F(D(setup?["migrateSeconds"]?[t]), "0") + " s"));
        sb.AppendLine("| seeding (the generator, same seed) " + Both(t => F(D(result["seed"]?[t]?["seconds"]), "0") + " s"));
        sb.AppendLine("| database size " + Both(t => setup?["size"]?[t]?.ToString() ?? "–"));
        sb.AppendLine("| progress query p50 / p95 ms (SQL as the app role, 200 runs) " +
            Both(t => $"{F(D(result["progressQuery"]?[t]?["p50Ms"]), "0.00")} / {F(D(result["progressQuery"]?[t]?["p95Ms"]), "0.00")}"));
        var loads = Targets.SelectMany(t => result["runs"]![t]!.AsArray())
            .SelectMany(r => new[] { D(r!["loadAverageBefore"]), D(r["loadAverageAfter"]) })
            .OfType<double>().ToList();
        var machine = result["machine"];
        sb.AppendLine();
        var loadText = loads.Count > 0 ? $"{F(loads.Min(), "0.0")} to {F(loads.Max(), "0.0")} (mean {F(loads.Average(), "0.0")})." : "–.";
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {machine?["cpu"]}, {machine?["cores"]} cores, {F(D(machine?["memoryMb"]) / 1024, "0")} GiB, {machine?["postgres"]}, Citus {setup?["citusVersion"]}, " +
            $"{setup?["shardCount"]} shards per table; commit {machine?["commit"]}, {machine?["date"]}. 1-minute load average while measuring: {loadText}");
        var plan = result["progressQuery"]?["citus"]?["plan"]?.AsArray();
        if (plan is not null)
        {
            sb.AppendLine();
            sb.AppendLine("The progress query on Citus (EXPLAIN ANALYZE, first lines): one task, on the worker that holds the practice.");
            sb.AppendLine();
            sb.AppendLine("```");
            foreach (var line in plan.Take(7))
            {
                sb.AppendLine(line!.GetValue<string>());
            }
            sb.AppendLine("```");
        }
        return sb.ToString();
    }
}
