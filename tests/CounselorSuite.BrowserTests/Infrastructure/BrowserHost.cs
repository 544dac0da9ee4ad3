using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>
/// The app's clock for browser tests: real time, plus an offset a test may move forward. A browser works
/// in real time (cookies, TOTP codes, the order of things created), so a frozen clock would not do; the
/// offset lets a test skip the portal's idle minutes without waiting for them.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

/// <summary>The app on a real Kestrel port (a browser cannot reach the in-memory test server).</summary>
public sealed class BrowserApp : TestApp
{
    public ShiftableClock ShiftableClock { get; }

    // The job server runs for the whole suite (journey 7 watches a handout being made): Hangfire keeps
    // static state, so one host per process runs it, polling the queue quickly so a journey waits
    // milliseconds rather than seconds, as the job tests' JobServerApp does.
    public BrowserApp(TestDatabase database, ShiftableClock clock) : base(database, settings: new()
    {
        ["Jobs:RunServer"] = "true",
        ["Jobs:WorkerCount"] = "2",
        ["Jobs:QueuePollMilliseconds"] = "100",
    })
    {
        ShiftableClock = clock;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(ShiftableClock);
        });
    }

    /// <summary>Where the server listens, as the browser reaches it.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var address = addresses.First().Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://+", "://127.0.0.1");
            return new Uri(address.TrimEnd('/') + "/");
        }
    }
}

/// <summary>
/// One app and one Chromium for the whole browser suite (a fresh browser context per test). Chromium is
/// Debian's, never one downloaded by Playwright: COUNSELORSUITE_CHROMIUM or /usr/bin/chromium.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    // Without the networking flags Chromium keeps trying to reach Google's services, which this
    // machine's closed network refuses; QUIC is off for the same reason.
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    public BrowserApp App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public ShiftableClock Clock { get; } = new();
    public Mailbox Mailbox { get; private set; } = null!;

    /// <summary>Pages axe has checked in this run (page key → the step that checked it).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> CheckedPages { get; } = new();

    public async Task InitializeAsync()
    {
        App = new BrowserApp(await TestDatabase.GetAsync(), Clock);
        App.StartServer();
        BaseAddress = App.BaseAddress;
        Mailbox = new Mailbox(App.MailFolder);

        var chromium = Environment.GetEnvironmentVariable("COUNSELORSUITE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it (apt-get install -y chromium) or set COUNSELORSUITE_CHROMIUM; scripts/test installs it when it can.");
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>A browser context of its own (cookies, history) at a viewport, for one person in a journey.</summary>
    public async Task<IBrowserContext> NewContextAsync(Viewport viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone,
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Generous: the suite often shares two cores with builds, and a slow click there is not a defect of
        // the product (speed is held by bench/ and the statement-count tests, not by browser timeouts).
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }
}

public sealed record Viewport(string Name, int Width, int Height, bool IsPhone)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    public static readonly IReadOnlyList<Viewport> Both = [Desktop, Phone];
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    // One collection: the journeys share one app and one Chromium and run one after another, which on
    // a 2-core machine is faster and steadier than several browsers at once.
    public const string Name = "Browser";
}
