using System.Collections.Concurrent;
using System.Diagnostics;

namespace CounselorSuite.Tests.Infrastructure;

/// <summary>
/// Records the text of every database command Npgsql sends, per trace (ASP.NET Core starts a trace per
/// request once someone listens, and a request's commands carry its trace id). BEGIN and COMMIT are not
/// commands of their own in Npgsql, and opening a connection is left out.
/// </summary>
public sealed class DbCommandLog : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> commands = new();
    private readonly ActivityListener listener;

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
                    commands.GetOrAdd(activity.TraceId, _ => new()).Enqueue(text.ToString() ?? "");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<string> CommandsOf(ActivityTraceId trace) =>
        commands.TryGetValue(trace, out var texts) ? texts.ToList() : [];

    /// <summary>Sends the request under a new trace and returns the trace, to read its commands with.</summary>
    public static async Task<(HttpResponseMessage Response, ActivityTraceId Trace)> SendTracedAsync(HttpClient http, HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return (await http.SendAsync(request), trace);
    }

    public void Dispose() => listener.Dispose();
}
