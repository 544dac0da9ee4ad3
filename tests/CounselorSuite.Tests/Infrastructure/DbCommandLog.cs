using System.Collections.Concurrent;
using System.Diagnostics;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>What a request cost the database: its statements, and the round trips that carried them.</summary>
public sealed record RequestCost(int Statements, int RoundTrips, IReadOnlyList<string> Trips)
{
    public override string ToString() => $"{Statements} statements in {RoundTrips} round trips";

    /// <summary>Every round trip's text, for a failure message.</summary>
    public string Listing => string.Join("\n--- round trip ---\n", Trips);
}

/// <summary>
/// Records the database round trips Npgsql makes, per trace (ASP.NET Core starts a trace per request once someone
/// listens, and a request's commands carry its trace id): each command or batch Npgsql executes is one round trip,
/// carrying one statement per SQL statement in its text. Savepoints EF Core releases or rolls back are round trips
/// of their own that Npgsql does not trace; they are counted from EF Core's diagnostics. BEGIN and COMMIT are not
/// counted (BEGIN travels with the first command; COMMIT ends every request), nor is opening a connection.
/// </summary>
public sealed partial class DbCommandLog : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> commands = new();
    private readonly ActivityListener listener;
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];

    public DbCommandLog()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.Kind == ActivityKind.Client
                    && !activity.OperationName.Contains("open", StringComparison.OrdinalIgnoreCase))
                {
                    var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName;
                    Record(activity.TraceId, text.ToString() ?? "");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The round trips of a trace, each as the SQL text it carried.</summary>
    public IReadOnlyList<string> CommandsOf(ActivityTraceId trace) =>
        commands.TryGetValue(trace, out var texts) ? texts.ToList() : [];

    public RequestCost CostOf(ActivityTraceId trace)
    {
        var trips = CommandsOf(trace);
        // A bearer token's security stamp is read again when its 30-second cache entry lapses, which under load
        // can fall between the warm-up and the measured request: that read is the token check's periodic work,
        // not the request's, and would make the count depend on timing (one statement and one trip more).
        var stampReads = trips.Count(t => StampRead().IsMatch(t));
        return new RequestCost(trips.Sum(StatementsIn) - stampReads, trips.Count - stampReads, trips);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"SELECT \w+\.security_stamp\s+FROM users\b")]
    private static partial System.Text.RegularExpressions.Regex StampRead();

    /// <summary>Sends the request under a new trace and returns the trace, to read its commands with.</summary>
    public static async Task<(HttpResponseMessage Response, ActivityTraceId Trace)> SendTracedAsync(HttpClient http, HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return (await http.SendAsync(request), trace);
    }

    /// <summary>
    /// What a page or endpoint costs once warm: it is requested once (one-time work such as EF Core's query
    /// compilation is not counted), then a second time under its own trace.
    /// </summary>
    public async Task<RequestCost> CostOfSecondViewAsync(HttpClient http, string url)
    {
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var (response, trace) = await SendTracedAsync(http, request);
        response.EnsureSuccessStatusCode();
        return CostOf(trace);
    }

    /// <summary>
    /// The SQL statements in a command's or batch's text: its semicolons outside quotes and line comments (an
    /// apostrophe in a comment opens no quote), plus the last statement.
    /// </summary>
    public static int StatementsIn(string text)
    {
        var count = 0;
        var content = false;
        char? quote = null;
        var comment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (comment)
            {
                comment = c != '\n';
                continue;
            }
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                comment = true;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                content = true;
            }
            else if (c == ';')
            {
                count += content ? 1 : 0;
                content = false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                content = true;
            }
        }
        return count + (content ? 1 : 0);
    }

    private void Record(ActivityTraceId trace, string text) => commands.GetOrAdd(trace, _ => new()).Enqueue(text);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name.EndsWith("ReleasedTransactionSavepoint", StringComparison.Ordinal)
                    || name.EndsWith("RolledBackToTransactionSavepoint", StringComparison.Ordinal)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (Activity.Current is { } current)
        {
            Record(current.TraceId, value.Key.EndsWith("ReleasedTransactionSavepoint", StringComparison.Ordinal) ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT");
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        listener.Dispose();
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
