using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

// The HTTP half of scripts/bench. Commands:
//   run    --url U --seed-info F --endpoints F --label L --out F [--connections 1,8,32] [--duration 10] [--app-pid N] [--wrk wrk]
//          [--only NAME,NAME] [--citus-stats <coordinator connection string>]
//   report --dir D --out F --markdown F
//   citus-report --dir D --out F --markdown F   (scripts/bench --citus: one node and Citus side by side)
// run signs in (API token and the sign-in form's cookie), probes every endpoint once, then drives each with wrk
// at each connection count, reading the app's memory from /proc while the heaviest load runs. With --citus-stats it
// also counts the coordinator's single-shard (router) and multi-shard query executions during the measured runs.

return args.FirstOrDefault() switch
{
    "run" => await Runner.RunAsync(Options.Parse(args[1..])),
    "report" => Report.Write(Options.Parse(args[1..])),
    "citus-report" => CitusReport.Write(Options.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CounselorSuite.Bench.Http run|report --option value ...");
    return 2;
}

internal static class Options
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }
        return result;
    }

    public static string Need(this Dictionary<string, string> o, string name) =>
        o.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
}

internal sealed record Endpoint(string Name, string Method, string Path, string Auth, string Body);

internal static partial class Runner
{
    public static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var url = o.Need("url").TrimEnd('/');
        var seed = JsonNode.Parse(await File.ReadAllTextAsync(o.Need("seed-info")))!.AsObject();
        var connections = o.GetValueOrDefault("connections", "1,8,32").Split(',').Select(int.Parse).ToArray();
        var duration = int.Parse(o.GetValueOrDefault("duration", "10"), CultureInfo.InvariantCulture);
        var appPid = o.TryGetValue("app-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        var wrk = o.GetValueOrDefault("wrk", "wrk");
        var workDir = Path.Combine(Path.GetTempPath(), "counselorsuite-bench-http-" + Environment.ProcessId);
        Directory.CreateDirectory(workDir);

        var endpoints = File.ReadAllLines(o.Need("endpoints"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new Endpoint(p[0], p[1], p[2], p[3], p[4]))
            .Where(e => !o.TryGetValue("only", out var only) || only.Split(',').Contains(e.Name))
            .ToList();
        await using var counters = o.TryGetValue("citus-stats", out var statsConnection) ? new CitusCounters(statsConnection) : null;
        var password = seed["password"]!.GetValue<string>();
        var auth = new Dictionary<string, (string Header, string Value)>
        {
            ["client-bearer"] = ("Authorization", "Bearer " + await TokenAsync(url, seed["clientEmail"]!.GetValue<string>(), password)),
            ["counselor-bearer"] = ("Authorization", "Bearer " + await TokenAsync(url, seed["counselorEmail"]!.GetValue<string>(), password)),
            ["client-cookie"] = ("Cookie", await CookieAsync(url, seed["clientEmail"]!.GetValue<string>(), password)),
            ["counselor-cookie"] = ("Cookie", await CookieAsync(url, seed["counselorEmail"]!.GetValue<string>(), password)),
        };

        var results = new JsonArray();
        var loadBefore = LoadAverage();
        long peakRss = 0;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
        foreach (var e in endpoints)
        {
            // A placeholder naming a list (draftItemIds) makes one path per element; requests take them in turn.
            var listName = Regex.Matches(e.Path, @"\{(\w+)\}").Select(m => m.Groups[1].Value).FirstOrDefault(n => seed[n] is JsonArray);
            var paths = (listName is null ? [""] : seed[listName]!.AsArray().Select(x => x!.ToString()).ToList())
                .Select(item => Regex.Replace(e.Path, @"\{(\w+)\}", m => m.Groups[1].Value == listName ? item! : seed[m.Groups[1].Value]?.ToString() ?? m.Value))
                .ToList();
            var path = paths[0];
            var body = e.Body == "-" ? null : seed[e.Body]!.ToJsonString();
            var (header, value) = auth[e.Auth];
            var headers = new List<(string, string)> { (header, value) };
            if (body is not null)
            {
                headers.Add(("Content-Type", "application/json"));
            }
            if (e.Method == "POST" && e.Path.EndsWith("/submit", StringComparison.Ordinal))
            {
                // Submitting is idempotent: the probe submits for real, every request after it is a repeat.
                headers.Add(("Idempotency-Key", "bench-" + path.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture)));
            }

            var probe = await ProbeAsync(http, url + path, e.Method, headers, body);
            var entry = new JsonObject
            {
                ["name"] = e.Name, ["method"] = e.Method, ["path"] = e.Path, ["auth"] = e.Auth,
                ["probeStatus"] = probe.Status, ["probeMs"] = Math.Round(probe.Ms, 2), ["responseBytes"] = probe.Bytes,
            };
            results.Add(entry);
            if (probe.Status is < 200 or > 299)
            {
                entry["available"] = false;
                Console.WriteLine($"  {e.Name,-22} not available ({probe.Status}): skipped");
                continue;
            }
            entry["available"] = true;
            var lua = Path.Combine(workDir, e.Name + ".lua");
            await File.WriteAllTextAsync(lua, Lua(e.Method, paths, headers, body));

            await Wrk(wrk, lua, url, 8, 2); // warm-up (JIT, plans, caches); not reported
            var runs = new JsonObject();
            var countersBefore = counters is null ? default : await counters.ReadAsync();
            foreach (var c in connections)
            {
                using var sampler = c == connections.Max() && appPid is { } p ? new RssSampler(p) : null;
                var run = await Wrk(wrk, lua, url, c, duration);
                if (sampler is not null)
                {
                    peakRss = Math.Max(peakRss, sampler.PeakKb);
                    run["appRssPeakKb"] = sampler.PeakKb;
                }
                runs[c.ToString(CultureInfo.InvariantCulture)] = run;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {e.Name,-22} c={c,-3} {run["rps"],9} req/s  p50 {run["p50Ms"],7} ms  p95 {run["p95Ms"],7} ms  p99 {run["p99Ms"],7} ms  non-2xx {run["non2xx"]}"));
            }
            entry["runs"] = runs;
            if (counters is not null)
            {
                entry["citus"] = CitusCounters.Json(countersBefore, await counters.ReadAsync(), runs);
            }
        }

        var output = new JsonObject
        {
            ["label"] = o.GetValueOrDefault("label", ""), ["url"] = url, ["durationSeconds"] = duration,
            ["connections"] = new JsonArray(connections.Select(c => (JsonNode)c).ToArray()),
            ["endpoints"] = results,
            ["appRssPeakKb"] = peakRss,
            ["appVmHwmKb"] = appPid is { } id ? RssSampler.Read(id, "VmHWM:") : null,
            // Other work on the machine competes for its cores: the 1-minute load average before and after.
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = LoadAverage(),
        };
        await File.WriteAllTextAsync(o.Need("out"), output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Directory.Delete(workDir, true);
        return 0;
    }

    private static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null;

    private static async Task<string> TokenAsync(string url, string email, string password)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(url + "/api/auth/login",
            new StringContent(JsonSerializer.Serialize(new { email, password }), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"API sign-in of {email} failed: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Signs in through the page's form (antiforgery token and all) and returns the Cookie header a browser would send.</summary>
    private static async Task<string> CookieAsync(string url, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var form = await http.GetStringAsync(url + "/account/login");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }
        var response = await http.PostAsync(url + "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.LoginName"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if ((int)response.StatusCode != 302 || cookies.GetCookies(new Uri(url)).All(c => c.Name != "cs_session"))
        {
            throw new InvalidOperationException($"Form sign-in of {email} failed: {(int)response.StatusCode}");
        }
        return string.Join("; ", cookies.GetCookies(new Uri(url)).Select(c => $"{c.Name}={c.Value}"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static async Task<(int Status, double Ms, long Bytes)> ProbeAsync(HttpClient http, string url, string method, List<(string, string)> headers, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        foreach (var (name, value) in headers.Where(h => h.Item1 != "Content-Type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        return ((int)response.StatusCode, watch.Elapsed.TotalMilliseconds, bytes);
    }

    private static string Lua(string method, List<string> paths, List<(string Name, string Value)> headers, string? body)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var sb = new StringBuilder();
        sb.AppendLine($"wrk.method = {Quote(method)}");
        sb.AppendLine($"wrk.path = {Quote(paths[0])}");
        if (paths.Count > 1)
        {
            sb.AppendLine($"local paths = {{ {string.Join(", ", paths.Select(Quote))} }}");
            sb.AppendLine("local n = 0");
            sb.AppendLine("function request() n = n + 1; return wrk.format(nil, paths[(n % #paths) + 1]) end");
        }
        foreach (var (name, value) in headers)
        {
            sb.AppendLine($"wrk.headers[{Quote(name)}] = {Quote(value)}");
        }
        if (body is not null)
        {
            sb.AppendLine($"wrk.body = {Quote(body)}");
        }
        sb.AppendLine("""
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) bad = 0 end
            function response(status, headers, body) if status < 200 or status > 299 then bad = bad + 1 end end
            function done(summary, latency, requests)
              local b = 0
              for _, t in ipairs(threads) do b = b + t:get("bad") end
              io.write(string.format('BENCHJSON {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d,"p50Us":%d,"p90Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
                summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, b,
                latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
            end
            """);
        return sb.ToString();
    }

    private static async Task<JsonObject> Wrk(string wrk, string lua, string url, int connections, int seconds)
    {
        // One wrk thread: the load generator shares this machine's two cores with the app and PostgreSQL.
        var start = new ProcessStartInfo(wrk, ["-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "--latency", "-s", lua, url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("BENCHJSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no summary (exit {process.ExitCode}): {stdout} {stderr}");
        var run = JsonNode.Parse(line["BENCHJSON ".Length..])!.AsObject();
        var requests = run["requests"]!.GetValue<long>();
        var secondsRun = run["durationUs"]!.GetValue<long>() / 1e6;
        run["connections"] = connections;
        run["rps"] = Math.Round(requests / secondsRun, 1);
        foreach (var p in new[] { "p50", "p90", "p95", "p99", "max" })
        {
            run[p + "Ms"] = Math.Round(run[p + "Us"]!.GetValue<double>() / 1000, 2);
        }
        return run;
    }
}

/// <summary>The app's resident memory, read from /proc every 200 ms while a load runs.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;
    public long PeakKb { get; private set; }

    public RssSampler(int pid)
    {
        _task = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakKb = Math.Max(PeakKb, Read(pid, "VmRSS:") ?? 0);
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public static long? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _task.Wait();
        _stop.Dispose();
    }
}
