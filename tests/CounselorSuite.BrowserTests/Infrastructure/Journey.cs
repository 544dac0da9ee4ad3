using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>
/// One journey through the app: each step is screenshotted into test-output/browser/&lt;journey&gt;/NN-step.png
/// (a failing step keeps its screenshot and the page's HTML as NN-step-FAILED.*), checked with axe at
/// both viewports, and watched for script errors and Content-Security-Policy refusals.
/// </summary>
public sealed partial class Journey : IAsyncDisposable
{
    private readonly BrowserHost _host;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly Dictionary<IPage, List<string>> _pageErrors = [];
    private readonly StringBuilder _axeLog = new();
    private int _step;

    public string Name { get; }
    public string Folder { get; }
    public BrowserHost Host => _host;

    private Journey(BrowserHost host, string name)
    {
        _host = host;
        Name = name;
        Folder = Path.Combine(OutputRoot, name);
        // Screenshots of an earlier run would mislead: each run of a journey starts with an empty folder.
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        Directory.CreateDirectory(Folder);
    }

    public static Journey Start(BrowserHost host, string name) => new(host, name);

    /// <summary>test-output/browser under the repository root (COUNSELORSUITE_BROWSER_OUTPUT overrides).</summary>
    public static string OutputRoot { get; } = FindOutputRoot();

    private static string FindOutputRoot()
    {
        if (Environment.GetEnvironmentVariable("COUNSELORSUITE_BROWSER_OUTPUT") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CounselorSuite.sln")))
            {
                return Path.Combine(dir.FullName, "test-output", "browser");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "test-output", "browser");
    }

    /// <summary>A person in the journey: their own browser context (cookies, history) and a page.</summary>
    public async Task<IPage> OpenAsync(Viewport viewport, Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await _host.NewContextAsync(viewport);
        _contexts.Add(context);
        if (prepare is not null)
        {
            await prepare(context);
        }
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }

    /// <summary>Script errors and CSP refusals break a page for real people even when the test's clicks pass.</summary>
    private void Watch(IPage page)
    {
        var errors = _pageErrors[page] = [];
        page.PageError += (_, error) => errors.Add("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("CSP refusal: " + message.Text);
            }
        };
    }

    /// <summary>
    /// Runs one step: the action, then a screenshot of what the person sees, then the accessibility check
    /// of the page at both viewports. A failure keeps the screenshot and the HTML of the page.
    /// </summary>
    public async Task StepAsync(IPage page, string step, Func<Task> action, bool checkAccessibility = true)
    {
        var number = Interlocked.Increment(ref _step);
        var file = $"{number:00}-{Slug(step)}";
        try
        {
            await action();
            await page.WaitForLoadStateAsync(LoadState.Load);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, file + ".png"), FullPage = true });
            if (_pageErrors.TryGetValue(page, out var errors) && errors.Count > 0)
            {
                var found = string.Join("\n", errors);
                errors.Clear();
                throw new Xunit.Sdk.XunitException($"The page reported errors:\n{found}");
            }
            if (checkAccessibility)
            {
                // Each page (and each state a form handler leaves it in) is checked once per run: the
                // same page in the next journey has the same markup, and axe takes a second a run.
                var key = PageKey(page.Url);
                if (_host.CheckedPages.TryAdd(key, file))
                {
                    await CheckAccessibilityAsync(page, file);
                }
                else
                {
                    _axeLog.AppendLine($"{file} {key}: checked already");
                }
            }
        }
        catch (Exception e)
        {
            var kept = await KeepFailureAsync(page, file);
            throw new Xunit.Sdk.XunitException($"Journey '{Name}', step {number} '{step}' failed at {SafeUrl(page)}.{kept}\n{e.Message}", e);
        }
    }

    private async Task<string> KeepFailureAsync(IPage page, string file)
    {
        try
        {
            var png = Path.Combine(Folder, file + "-FAILED.png");
            var html = Path.Combine(Folder, file + "-FAILED.html");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(html, await page.ContentAsync());
            return $"\nKept: {png} and {html}";
        }
        catch (Exception e)
        {
            return $"\n(The failure's screenshot could not be kept: {e.Message})";
        }
    }

    private static string SafeUrl(IPage page)
    {
        try
        {
            return page.Url;
        }
        catch (PlaywrightException)
        {
            return "(closed page)";
        }
    }

    // WCAG 2.0/2.1 A and AA, plus axe's best practices; serious and critical findings fail the journey.
    private static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        ResultTypes = [ResultType.Violations],
    };

    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>axe on the page as it is now, at the journey's viewport and at the other one.</summary>
    public async Task CheckAccessibilityAsync(IPage page, string label)
    {
        var original = page.ViewportSize!;
        var problems = new StringBuilder();
        var viewports = Viewport.Both.OrderBy(v => v.Width == original.Width ? 0 : 1).ToList();
        foreach (var viewport in viewports)
        {
            if (page.ViewportSize!.Width != viewport.Width)
            {
                await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await page.RunAxe(AxeOptions);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var violations = result.Violations ?? [];
            _axeLog.AppendLine($"{label} [{viewport.Name}] {PathOf(page.Url)}: {violations.Length} violation(s) in {took.TotalMilliseconds:0} ms"
                + string.Concat(violations.Select(v => $" {v.Id}({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Target))};")));
            foreach (var violation in violations.Where(v => Failing.Contains(v.Impact)))
            {
                problems.AppendLine($"[{viewport.Name}] {violation.Id} ({violation.Impact}): {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    problems.AppendLine($"    at {node.Target}: {string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message))}");
                    problems.AppendLine($"       {node.Html}");
                }
            }
        }
        if (page.ViewportSize!.Width != original.Width)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
        if (problems.Length > 0)
        {
            throw new Xunit.Sdk.XunitException($"Accessibility (axe) found serious or critical problems on {page.Url}:\n{problems}");
        }
    }

    /// <summary>"/counselor/cases/{id}?handler=Invite": the page, not the record it shows.</summary>
    public static string PageKey(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }
        var path = GuidPattern().Replace(uri.AbsolutePath.ToLowerInvariant(), "{id}");
        var handler = HandlerPattern().Match(uri.Query);
        return handler.Success ? $"{path}?handler={handler.Groups[1].Value.ToLowerInvariant()}" : path;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("[?&]handler=([^&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerPattern();

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery.Split("token=")[0] : url;

    private static string Slug(string step) => SlugPattern().Replace(step.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();

    public async ValueTask DisposeAsync()
    {
        if (_axeLog.Length > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(Folder, "axe.txt"), _axeLog.ToString());
        }
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
