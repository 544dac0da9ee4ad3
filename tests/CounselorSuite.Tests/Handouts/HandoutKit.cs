using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Exercises;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace CounselorSuite.Tests.Handouts;

/// <summary>
/// The app with a progress source the tests fill per client (the real one comes with progress phase 2).
/// Job server off, like the shared app; jobs are run by calling the job the way Hangfire would.
/// </summary>
public sealed class HandoutTestApp(TestDatabase database) : TestApp(database)
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static HandoutTestApp? _shared;

    public static new async Task<HandoutTestApp> SharedAsync()
    {
        await Lock.WaitAsync();
        try
        {
            return _shared ??= new HandoutTestApp(await TestDatabase.GetAsync());
        }
        finally
        {
            Lock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped<IHandoutProgressSource, TestProgressSource>());
    }
}

/// <summary>Charts per client, set by a test; none for clients the test did not set up.</summary>
public sealed class TestProgressSource : IHandoutProgressSource
{
    public static readonly ConcurrentDictionary<Guid, Func<bool, IReadOnlyList<ProgressChart>>> Charts = new();

    /// <summary>Awaited before the charts are given: lets a test hold a render in the middle.</summary>
    public static readonly ConcurrentDictionary<Guid, Func<CancellationToken, Task>> Before = new();

    public async Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct)
    {
        if (Before.TryGetValue(clientId, out var wait))
        {
            await wait(ct);
        }
        return Charts.TryGetValue(clientId, out var make) ? make(discreet) : [];
    }

    /// <summary>A line chart as progress will make it: a title, a date axis and a value axis with titles.</summary>
    public static ProgressChart Chart(string title, string xTitle, string yTitle, string summary, string series = "Ratings")
    {
        var model = new PlotModel { Title = title, DefaultFont = "DejaVu Sans", DefaultFontSize = 10 };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = xTitle, Minimum = 0, Maximum = 5 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = yTitle, Minimum = 0, Maximum = 100 });
        model.Series.Add(new LineSeries { Title = series, Points = { new(1, 40), new(2, 55), new(3, 70), new(4, 65) } });
        return new ProgressChart(model, new ChartText(summary, new ChartTable(["Week", "Value"], [])));
    }
}

internal static class HandoutKit
{
    public static async Task<Guid> ExerciseAsync(this HttpClient counselor, string title, string instructions) =>
        (await counselor.CreateExerciseAsync(ExerciseTestData.NewExercise(title, instructions)))["id"]!.GetValue<Guid>();

    public static async Task<JsonObject> ComposeAsync(this HttpClient counselor, object body, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var response = await counselor.PostAsJsonAsync("/api/handouts", body);
        await response.EnsureStatusAsync(expected);
        return await response.ReadJsonAsync();
    }

    /// <summary>Runs the rendering job the way Hangfire would: its own scope, bound to the practice.</summary>
    public static Task RunJobAsync(this TestApp app, Guid practiceId, Guid handoutId, CancellationToken ct = default) =>
        app.InPracticeAsync(practiceId, (IServiceProvider services) => services.GetRequiredService<HandoutRenderJob>().RunAsync(practiceId, handoutId, ct));

    public static async Task<string> StatusAsync(this HttpClient user, Guid handoutId) =>
        (await (await user.GetAsync($"/api/handouts/{handoutId}")).ReadJsonAsync())["status"]!.GetValue<string>();

    public static async Task<(byte[] Pdf, string FileName)> DownloadAsync(this HttpClient user, Guid handoutId)
    {
        var response = await user.GetAsync($"/api/handouts/{handoutId}/pdf");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "");
    }

    public static IReadOnlyList<Guid> Ids(JsonObject created) =>
        created["handouts"]!.AsArray().Select(h => h!["id"]!.GetValue<Guid>()).ToList();
}

/// <summary>Reads a PDF back with PdfPig (qualified: PDFsharp has a PdfDocument too).</summary>
internal static class Pdf
{
    public sealed record Read(IReadOnlyList<string> Pages, IReadOnlyDictionary<string, string> Metadata)
    {
        public string Text => string.Join('\n', Pages);
    }

    public static Read Open(byte[] pdf, string? password = null)
    {
        var options = new ParsingOptions { UseLenientParsing = password is not null };
        if (password is not null)
        {
            options.Password = password;
        }
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, options);
        var info = document.Information;
        var metadata = new Dictionary<string, string>
        {
            ["Title"] = info.Title ?? "", ["Author"] = info.Author ?? "", ["Subject"] = info.Subject ?? "",
            ["Keywords"] = info.Keywords ?? "", ["Creator"] = info.Creator ?? "", ["Producer"] = info.Producer ?? "",
        };
        // Rotated axis titles come apart into letters with the default extractor: use nearest-neighbour words.
        var pages = document.GetPages()
            .Select(p => System.Text.RegularExpressions.Regex.Replace(
                string.Join(' ', p.GetWords(NearestNeighbourWordExtractor.Instance).Select(w => w.Text)), @"\s+", " "))
            .ToList();
        return new Read(pages, metadata);
    }
}
