// 1,000 handouts queued at once: are they all Ready within 60 s on this machine, none lost or duplicated,
// with the worker under 300 MB of resident memory? This process is the worker: it queues the handouts
// through the same service the API uses, then starts a Hangfire server in-process (the same activator and
// job as `--worker-only`) and waits.
//
//   dotnet run -c Release --project bench/CounselorSuite.Bench.Handouts -- \
//       --connection "Host=...;Database=...;Username=<app role>;Password=..." [--count 1000] [--workers 4] [--timeout 120]
//
// The database must be migrated (migrations/CounselorSuite.Migrations). The bench registers a new practice
// each run, so it can run repeatedly against the same database.
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Infrastructure;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --connection <connection string of the app role> [--count 1000] [--workers 4] [--timeout 120]");
    return 2;
}

var builder = WebApplication.CreateBuilder([]);
builder.Logging.ClearProviders();
builder.Configuration["ConnectionStrings:Default"] = options.Connection;
builder.Configuration["Jobs:QueuePollMilliseconds"] = "200";
builder.Services.AddCoreServices(builder.Configuration);
builder.Services.AddIdentityAndSecurity(builder.Configuration);
builder.Services.AddAppFeatures(builder.Configuration);
// A handout "with one progress chart", as in the render benchmark, until progress provides real series.
builder.Services.AddScoped<IHandoutProgressSource, BenchProgress>();
await using var app = builder.Build();

var now = DateTimeOffset.UtcNow;
Console.WriteLine($"Handout queue benchmark · {now:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {options.Count} handouts · {options.Workers} workers");

// Set-up: a practice with a counselor and enough couple cases for the handouts (two per request).
var (practiceId, counselor, cases, exercises) = await SetUpAsync(app.Services, options.Count);
var queueWatch = Stopwatch.StartNew();
var handoutIds = new List<Guid>();
for (var i = 0; handoutIds.Count < options.Count; i++)
{
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(practiceId);
    var service = scope.ServiceProvider.GetRequiredService<HandoutService>();
    var outcome = await service.CreateAsync(counselor, new CreateHandoutRequest(
        cases[i % cases.Count], [exercises[i % exercises.Count], exercises[(i + 1) % exercises.Count]], true,
        "Bring this back next week; we will look at it together.", false), CancellationToken.None);
    if (outcome is not CreateHandoutOutcome.Created created)
    {
        Console.Error.WriteLine($"Composing failed: {outcome}");
        return 1;
    }
    handoutIds.AddRange(created.Response.Handouts.Select(h => h.Id));
}
queueWatch.Stop();
Console.WriteLine($"Queued {handoutIds.Count} handouts in {queueWatch.Elapsed.TotalSeconds:0.0} s (not counted below).");

GC.Collect();
var baselineRss = Memory.CurrentRssMb();
var renderWatch = Stopwatch.StartNew();
var peakSampled = 0.0;
using (new BackgroundJobServer(new BackgroundJobServerOptions
{
    ServerName = "bench-" + Guid.NewGuid().ToString("N")[..8],
    WorkerCount = options.Workers,
    Activator = app.Services.GetRequiredService<JobActivator>(),
    SchedulePollingInterval = TimeSpan.FromSeconds(1),
}, app.Services.GetRequiredService<JobStorage>()))
{
    var deadline = TimeSpan.FromSeconds(options.TimeoutSeconds);
    Counts counts;
    do
    {
        await Task.Delay(250);
        counts = await CountAsync(app.Services, practiceId);
        peakSampled = Math.Max(peakSampled, Memory.CurrentRssMb());
    }
    while (counts.Ready + counts.Failed < handoutIds.Count && renderWatch.Elapsed < deadline);
    renderWatch.Stop();
}

var final = await CountAsync(app.Services, practiceId);
var peakRss = Memory.PeakRssMb();
var elapsed = renderWatch.Elapsed.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"All Ready after:       {elapsed:0.0} s (limit 60 s){(final.Ready == handoutIds.Count ? "" : " — NOT all Ready")}");
Console.WriteLine($"Throughput:            {final.Ready / elapsed:0} handouts/s");
Console.WriteLine($"Handouts:              {final.Total} rows, {final.Ready} Ready, {final.Failed} Failed, {final.Other} other");
Console.WriteLine($"Files:                 {final.WithFile} stored, {final.DistinctIds} distinct handouts with a file, {final.Produced} 'produced' audit records");
Console.WriteLine($"Runs per handout:      max {final.MaxAttempts} claim(s)");
Console.WriteLine($"Average PDF:           {final.AverageKb:0.0} KB, {final.AveragePages:0.0} pages");
Console.WriteLine($"Peak RSS (VmHWM):      {peakRss:0} MB (limit 300 MB); before the server started {baselineRss:0} MB; highest sampled while rendering {peakSampled:0} MB");
var ok = final.Ready == handoutIds.Count && final.Total == handoutIds.Count && final.Produced == handoutIds.Count
    && final.WithFile == handoutIds.Count && elapsed <= 60 && peakRss < 300;
Console.WriteLine(ok ? "PASS" : "FAIL");
return ok ? 0 : 1;

static async Task<(Guid PracticeId, ClaimsPrincipal Counselor, List<Guid> Cases, List<Guid> Exercises)> SetUpAsync(IServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    var sp = scope.ServiceProvider;
    var db = sp.GetRequiredService<AppDbContext>();
    var tag = Guid.NewGuid().ToString("N")[..8];
    const string password = "bench-password-42";
    var registered = await sp.GetRequiredService<PracticeRegistration>().RegisterAsync(
        new RegisterPracticeRequest($"Bench practice {tag}", $"admin-{tag}@bench.test", password, "Bench Admin"), CancellationToken.None);
    var practice = ((RegistrationOutcome.Registered)registered).Practice;
    practice.ContactLine = "Bench Practice · 1 Test Street · +1 555 0100";
    practice.HelpResources = "- **Helpline:** +1 555 0199\n- **Text line:** 555 0142";
    var accounts = sp.GetRequiredService<AccountCreator>();
    async Task<AppUser> AccountAsync(string role, string name)
    {
        var created = await accounts.CreateAsync(new NewAccount(practice.Id, $"{name.ToLowerInvariant().Replace(' ', '-')}-{tag}@bench.test", null, name, password, role), CancellationToken.None);
        return ((AccountCreation.Created)created).User;
    }
    var counselor = await AccountAsync(Roles.Counselor, "Bench Counselor");
    var now = DateTimeOffset.UtcNow;
    var cases = new List<Guid>();
    // Ten couple cases, so handouts spread over clients as in a real practice.
    for (var i = 0; i < 10; i++)
    {
        var @case = new Case { PracticeId = practice.Id, Id = Guid.CreateVersion7(now), Title = $"Couple {i}", Kind = CaseKind.Couple, CreatedAt = now };
        @case.Counselors.Add(new CaseCounselor { PracticeId = practice.Id, CaseId = @case.Id, CounselorId = counselor.Id, AddedAt = now });
        foreach (var partner in new[] { "A", "B" })
        {
            var client = await AccountAsync(Roles.Client, $"Partner {partner}{i}");
            @case.Clients.Add(new CaseClient { PracticeId = practice.Id, CaseId = @case.Id, ClientId = client.Id, AddedAt = now });
        }
        db.Cases.Add(@case);
        cases.Add(@case.Id);
    }
    await db.SaveChangesAsync();
    var exercises = await db.Exercises.AsNoTracking().Where(e => e.BuiltInKey != null && !e.IsArchived).OrderBy(e => e.BuiltInKey).Select(e => e.Id).ToListAsync();
    var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, counselor.Id.ToString()),
            new Claim(ClaimTypes.Role, Roles.Counselor),
            new Claim(PracticeClaims.PracticeId, practice.Id.ToString()),
        ], "bench"));
    return (practice.Id, principal, cases, exercises);
}

static async Task<Counts> CountAsync(IServiceProvider services, Guid practiceId)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(practiceId);
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var rows = await db.Handouts.AsNoTracking()
        .GroupBy(_ => 1)
        .Select(g => new
        {
            Total = g.Count(),
            Ready = g.Count(h => h.Status == HandoutStatus.Ready),
            Failed = g.Count(h => h.Status == HandoutStatus.Failed),
            WithFile = g.Count(h => h.Content != null),
            MaxAttempts = g.Max(h => h.Attempts),
            Bytes = g.Sum(h => h.SizeBytes ?? 0),
            Pages = g.Sum(h => h.PageCount ?? 0),
        })
        .FirstOrDefaultAsync();
    var produced = await db.AuditRecords.CountAsync(r => r.Action == HandoutAuditActions.Produced);
    var distinct = await db.AuditRecords.Where(r => r.Action == HandoutAuditActions.Produced).Select(r => r.EntityId).Distinct().CountAsync();
    if (rows is null)
    {
        return new Counts(0, 0, 0, 0, 0, produced, distinct, 0, 0, 0);
    }
    return new Counts(rows.Total, rows.Ready, rows.Failed, rows.Total - rows.Ready - rows.Failed, rows.WithFile, produced, distinct, rows.MaxAttempts,
        rows.Ready == 0 ? 0 : rows.Bytes / 1024.0 / rows.Ready, rows.Ready == 0 ? 0 : (double)rows.Pages / rows.Ready);
}

internal sealed record Counts(int Total, int Ready, int Failed, int Other, int WithFile, int Produced, int DistinctIds, int MaxAttempts, double AverageKb, double AveragePages);

internal sealed record Options(string Connection, int Count, int Workers, int TimeoutSeconds)
{
    public static Options? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("COUNSELORSUITE_BENCH_PG");
        if (string.IsNullOrWhiteSpace(connection))
        {
            return null;
        }
        int Number(string name, int fallback) => int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        return new Options(connection, Number("--count", 1000), Number("--workers", Environment.ProcessorCount * 2), Number("--timeout", 120));
    }
}

internal static class Memory
{
    /// <summary>The process's peak resident set size (VmHWM), in MB.</summary>
    public static double PeakRssMb() => Read("VmHWM:");

    public static double CurrentRssMb() => Read("VmRSS:");

    private static double Read(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}

/// <summary>One trend chart per client, drawn the way progress charts are (title, date-like axis, 0-100 ratings).</summary>
internal sealed class BenchProgress : IHandoutProgressSource
{
    public Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct)
    {
        var model = new PlotModel { Title = discreet ? "Area 1" : "Closeness over ten weeks", DefaultFont = "DejaVu Sans", DefaultFontSize = 10 };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Week", Minimum = 0, Maximum = 11 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Rating", Minimum = 0, Maximum = 100 });
        var series = new LineSeries { Title = "You", MarkerType = MarkerType.Circle };
        var seed = clientId.GetHashCode();
        for (var week = 1; week <= 10; week++)
        {
            series.Points.Add(new DataPoint(week, 40 + Math.Abs((seed >> week) % 40)));
        }
        model.Series.Add(series);
        IReadOnlyList<ProgressChart> charts = [new ProgressChart(model, new ChartText("Ratings over ten weeks.", new ChartTable(["Week", "Rating"], [])))];
        return Task.FromResult(charts);
    }
}
