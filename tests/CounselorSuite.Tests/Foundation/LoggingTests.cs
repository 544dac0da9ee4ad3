using System.Collections.Concurrent;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CounselorSuite.Tests.Foundation;

public sealed class LoggingTests
{
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed class LoggedApp(TestDatabase database, CapturingLoggerProvider provider) : TestApp(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(provider)));
        }
    }

    [Fact]
    public async Task Sign_up_invitations_and_sign_in_leave_no_personal_data_in_the_logs()
    {
        var provider = new CapturingLoggerProvider();
        await using var app = new LoggedApp(await TestDatabase.GetAsync(), provider);
        var world = await app.CreateWorldAsync("Couple");
        using var client = app.CreateClient();
        await client.PostAsync("/api/auth/login", new StringContent($$"""{"email":"{{world.Clients[0].Email}}","password":"wrong-password-1"}""", System.Text.Encoding.UTF8, "application/json"));

        var logs = string.Join('\n', provider.Lines);
        Assert.NotEmpty(provider.Lines);
        foreach (var secret in new[] { world.Practice.Email, world.CounselorEmail, world.Clients[0].Email, world.Clients[1].Email, ApiClient.Password, "Client Person", "Admin Person" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }
}
