using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// The app in-process against the test database, with the job server off (Hangfire keeps static state;
/// job tests start their own server in one non-parallel collection) and mail going to a folder per app.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static TestApp? _shared;

    /// <summary>
    /// One notes key ring per test process, made before any host starts: hosts in one process share the
    /// database, so a note one host wrote must decrypt in another (the job server's, for instance), and two
    /// hosts creating their first key at the same moment would each miss the other's.
    /// </summary>
    private static readonly Lazy<string> NotesKeyDirectory = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-note-keys-" + Guid.NewGuid().ToString("N"));
        CounselorSuite.Web.Features.Notes.NoteProtector
            .Create(new CounselorSuite.Web.Features.Notes.NoteKeyOptions { KeyDirectory = directory }, Path.GetTempPath())
            .Protect(Guid.Empty, "creates the key ring");
        return directory;
    });

    public TestDatabase Database { get; }
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "cs-mail-" + Guid.NewGuid().ToString("N"));
    public FakeTimeProvider? Clock { get; }

    /// <summary>
    /// Passwords hashed with Identity's real cost (100,000 PBKDF2 rounds) instead of one round. Only tests that
    /// measure how long a password check takes need it; everyone else would spend minutes of the suite hashing.
    /// </summary>
    public bool RealPasswordHashing { get; init; }
    private readonly Dictionary<string, string?> _settings;

    public TestApp(TestDatabase database, FakeTimeProvider? clock = null, Dictionary<string, string?>? settings = null)
    {
        Database = database;
        Clock = clock;
        _settings = settings ?? [];
    }

    /// <summary>The app most tests share; it starts once per test process.</summary>
    /// <summary>
    /// Hangfire logs through one process-wide provider, which every host replaces with its own logger
    /// factory. When a host other than the shared one is disposed, hand logging back to the shared host
    /// (or to nothing), so later enqueues in other hosts never log into a disposed factory.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var shared = _shared;
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(shared is not null && !ReferenceEquals(shared, this)
            ? new Hangfire.AspNetCore.AspNetCoreLogProvider(shared.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())
            : new SilentHangfireLog());
        GC.SuppressFinalize(this);
    }

    private sealed class SilentHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    public static async Task<TestApp> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            return _shared ??= new TestApp(await TestDatabase.GetAsync());
        }
        finally
        {
            SharedLock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = Database.AppConnectionString,
            ["Jobs:RunServer"] = "false",
            ["RateLimits:AuthPermitsPerMinute"] = "100000",
            ["Mail:PickupDirectory"] = MailFolder,
            // The notes' key ring lives outside the database; each test app gets a throwaway one.
            ["Notes:KeyDirectory"] = NotesKeyDirectory.Value,
            // The test client speaks plain HTTP; TransportTests turn Secure cookies and HSTS back on.
            ["Security:HttpsOnly"] = "false",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings while it registers services.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            if (!RealPasswordHashing)
            {
                // The stored hash records its round count, so an app with real hashing still checks these.
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
            }
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }
}
