using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Puts one scripts/bench run's pieces (machine.json, seed-L.json, query-L.json, http-L.json for each size
/// label L, smallest first) into bench/results/latest.json and the Markdown tables of docs/benchmarks.md,
/// and judges them against the goals of issue 9 (every endpoint under load) and of issue 5 (the progress
/// pages' and API's server time, measured at one connection: one request at a time).
/// </summary>
internal static class Report
{
    public const double P95GoalMs = 30;

    /// <summary>Issue 5: a five-year client's progress page under 50 ms at p95, the API under 30 ms.</summary>
    public const double ProgressPageP95GoalMs = 50;
    public const double ProgressApiP95GoalMs = 30;
    public const double ShareGoal = 0.30;
    public const long MemoryGoalMb = 400;
    public const double GrowthGoal = 1.5;

    public static int Write(Dictionary<string, string> o)
    {
        var dir = o.Need("dir");
        var labels = o.Need("labels").Split(',');
        JsonObject? Read(string name) => File.Exists(Path.Combine(dir, name)) ? JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name)))!.AsObject() : null;

        var sizes = new JsonArray();
        foreach (var label in labels)
        {
            sizes.Add(new JsonObject
            {
                ["label"] = label,
                ["seed"] = Read($"seed-{label}.json")?.DeepClone(),
                ["progressQuery"] = Read($"query-{label}.json")?.DeepClone(),
                ["http"] = Read($"http-{label}.json")?.DeepClone(),
            });
        }
        var largest = sizes[^1]!.AsObject();
        var http = largest["http"]?.AsObject();
        var maxConnections = http?["connections"]?.AsArray().Max(c => c!.GetValue<int>()) ?? 32;
        var endpoints = http?["endpoints"]?.AsArray().Select(e => e!.AsObject()).Where(e => e["available"]?.GetValue<bool>() == true).ToList() ?? [];
        double Rps(JsonObject e, int c) => e["runs"]?[c.ToString(CultureInfo.InvariantCulture)]?["rps"]?.GetValue<double>() ?? 0;
        double P95(JsonObject e, int c) => e["runs"]?[c.ToString(CultureInfo.InvariantCulture)]?["p95Ms"]?.GetValue<double>() ?? double.NaN;
        var baseline = endpoints.FirstOrDefault(e => e["name"]!.GetValue<string>() == "baseline");
        var ceiling = baseline is null ? 0 : Rps(baseline, maxConnections);

        var goals = new JsonArray();
        foreach (var e in endpoints.Where(e => e != baseline))
        {
            var name = e["name"]!.GetValue<string>();
            var share = ceiling > 0 ? Rps(e, maxConnections) / ceiling : double.NaN;
            e["shareOfBaseline"] = Math.Round(share, 3);
            goals.Add(Goal($"{name}: p95 at {maxConnections} connections < {P95GoalMs} ms", P95(e, maxConnections), P95(e, maxConnections) < P95GoalMs, "ms"));
            goals.Add(Goal($"{name}: throughput ≥ {ShareGoal:P0} of the baseline", Math.Round(share * 100, 1), share >= ShareGoal, "%"));
        }
        foreach (var e in endpoints.Where(e => e["name"]!.GetValue<string>().StartsWith("progress-", StringComparison.Ordinal)))
        {
            var name = e["name"]!.GetValue<string>();
            var goal = name.StartsWith("progress-api", StringComparison.Ordinal) ? ProgressApiP95GoalMs : ProgressPageP95GoalMs;
            goals.Add(Goal($"{name}: server time p95 at 1 connection < {goal} ms (issue 5)", P95(e, 1), P95(e, 1) < goal, "ms"));
        }
        var rssMb = (http?["appRssPeakKb"]?.GetValue<long>() ?? 0) / 1024.0;
        goals.Add(Goal($"app resident memory under {maxConnections}-connection load < {MemoryGoalMb} MB", Math.Round(rssMb, 1), rssMb > 0 && rssMb < MemoryGoalMb, "MB"));
        var queries = sizes.Select(s => s!["progressQuery"]?["p50Ms"]?.GetValue<double>()).ToList();
        if (queries[0] is { } first && queries[^1] is { } last && first > 0)
        {
            var ratio = last / first;
            goals.Add(Goal($"progress query p50 from {labels[0]} to {labels[^1]} at most {GrowthGoal}×", Math.Round(ratio, 2), ratio <= GrowthGoal, "×"));
        }

        var result = new JsonObject
        {
            ["machine"] = Read("machine.json")?.DeepClone(),
            ["sizes"] = sizes,
            ["baselineRps"] = ceiling,
            ["goals"] = goals,
        };
        File.WriteAllText(o.Need("out"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(o.Need("markdown"), Markdown(result, labels, endpoints, baseline, maxConnections, ceiling));
        var missed = goals.Count(g => g!["met"]!.GetValue<bool>() == false);
        Console.WriteLine($"{goals.Count - missed} of {goals.Count} goals met.");
        return 0;
    }

    private static JsonObject Goal(string what, double value, bool met, string unit) =>
        new() { ["goal"] = what, ["value"] = double.IsNaN(value) ? null : value, ["unit"] = unit, ["met"] = met };

    private static string F(double? v, string format = "0.0") =>
        v is { } d && !double.IsNaN(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Markdown(JsonObject result, string[] labels, List<JsonObject> endpoints, JsonObject? baseline, int maxConnections, double ceiling)
    {
        var sb = new StringBuilder();
        var sizes = result["sizes"]!.AsArray();
        var largest = sizes[^1]!.AsObject();
        var http = largest["http"]?.AsObject();
        var connections = http?["connections"]?.AsArray().Select(c => c!.GetValue<int>()).ToArray() ?? [];

        sb.AppendLine($"#### Endpoints at {labels[^1]} answers ({http?["durationSeconds"]} s per run, wrk, one thread)");
        sb.AppendLine();
        sb.Append("| endpoint |");
        foreach (var c in connections)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {c} conn: req/s | p50 / p95 / p99 ms |");
        }
        sb.AppendLine($" share of baseline at {maxConnections} | goals |");
        sb.Append("| --- |");
        foreach (var _ in connections)
        {
            sb.Append(" ---: | ---: |");
        }
        sb.AppendLine(" ---: | --- |");
        foreach (var e in endpoints)
        {
            var name = e["name"]!.GetValue<string>();
            sb.Append(CultureInfo.InvariantCulture, $"| `{name}` |");
            foreach (var c in connections)
            {
                var run = e["runs"]?[c.ToString(CultureInfo.InvariantCulture)];
                sb.Append(CultureInfo.InvariantCulture,
                    $" {F(run?["rps"]?.GetValue<double>(), "0")} | {F(run?["p50Ms"]?.GetValue<double>(), "0.0")} / {F(run?["p95Ms"]?.GetValue<double>(), "0.0")} / {F(run?["p99Ms"]?.GetValue<double>(), "0.0")} |");
            }
            if (e == baseline)
            {
                sb.AppendLine(" 100 % | (ceiling) |");
                continue;
            }
            var share = e["shareOfBaseline"]?.GetValue<double>();
            var p95 = e["runs"]?[maxConnections.ToString(CultureInfo.InvariantCulture)]?["p95Ms"]?.GetValue<double>() ?? double.NaN;
            var verdict = (p95 < Report.P95GoalMs ? "p95 ✔" : "p95 ✘") + ", " + (share >= Report.ShareGoal ? "share ✔" : "share ✘");
            sb.AppendLine(CultureInfo.InvariantCulture, $" {F(share * 100, "0")} % | {verdict} |");
        }
        var skipped = http?["endpoints"]?.AsArray().Select(e => e!.AsObject()).Where(e => e["available"]?.GetValue<bool>() != true).ToList() ?? [];
        if (skipped.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Not measured (not on this branch yet, or not answering 2xx when probed): " +
                string.Join(", ", skipped.Select(e => $"`{e["name"]}` ({e["method"]} {e["path"]} → {e["probeStatus"]})")) + ".");
        }

        sb.AppendLine();
        sb.AppendLine("#### Growth: the same requests at each size");
        sb.AppendLine();
        sb.AppendLine("| answers in the database | seeding | progress query rows | progress query p50 / p95 ms (SQL, as the app role) | " +
            string.Join(" | ", endpoints.Select(e => $"`{e["name"]}` p50 ms at 8 conn")) + " |");
        sb.AppendLine("| --- | ---: | ---: | ---: |" + string.Concat(endpoints.Select(_ => " ---: |")));
        foreach (var size in sizes)
        {
            var s = size!.AsObject();
            var seed = s["seed"];
            var q = s["progressQuery"];
            var sizeHttp = s["http"]?["endpoints"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];
            sb.Append(CultureInfo.InvariantCulture,
                $"| {F(seed?["answers"]?.GetValue<double>(), "N0")} ({s["label"]}) | {F(seed?["seconds"]?.GetValue<double>(), "0")} s | {q?["rows"]} | {F(q?["p50Ms"]?.GetValue<double>(), "0.00")} / {F(q?["p95Ms"]?.GetValue<double>(), "0.00")} |");
            foreach (var e in endpoints)
            {
                var match = sizeHttp.FirstOrDefault(x => x["name"]!.GetValue<string>() == e["name"]!.GetValue<string>());
                sb.Append(CultureInfo.InvariantCulture, $" {F(match?["runs"]?["8"]?["p50Ms"]?.GetValue<double>(), "0.0")} |");
            }
            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("#### Goals");
        sb.AppendLine();
        sb.AppendLine("| goal | measured | met |");
        sb.AppendLine("| --- | ---: | --- |");
        foreach (var g in result["goals"]!.AsArray())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {g!["goal"]} | {F(g["value"]?.GetValue<double>(), "0.##")} {g["unit"]} | {(g["met"]!.GetValue<bool>() ? "yes" : "**no**")} |");
        }
        sb.AppendLine();
        var vmHwm = http?["appVmHwmKb"]?.GetValue<long>();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"App memory: peak VmRSS {F((http?["appRssPeakKb"]?.GetValue<long>() ?? 0) / 1024.0, "0")} MB during the {maxConnections}-connection runs; VmHWM {F(vmHwm / 1024.0, "0")} MB at the end. Baseline ceiling: {F(ceiling, "0")} req/s at {maxConnections} connections.");
        var plan = largest["progressQuery"]?["plan"]?.AsArray();
        if (plan is not null)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"#### EXPLAIN (ANALYZE, BUFFERS) of the progress query at {labels[^1]}");
            sb.AppendLine();
            sb.AppendLine("```sql");
            sb.AppendLine(largest["progressQuery"]!["sql"]!.GetValue<string>().Trim());
            sb.AppendLine("```");
            sb.AppendLine();
            sb.AppendLine("```");
            foreach (var line in plan)
            {
                sb.AppendLine(line!.GetValue<string>());
            }
            sb.AppendLine("```");
        }
        return sb.ToString();
    }
}
