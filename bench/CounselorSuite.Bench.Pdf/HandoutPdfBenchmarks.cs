using BenchmarkDotNet.Attributes;
using CounselorSuite.Documents;
using CounselorSuite.Documents.Model;
using CounselorSuite.Documents.Tests;

namespace CounselorSuite.Bench.Pdf;

/// <summary>The two-page worksheet with a progress chart: our renderer against a warm Chromium printing the same content.</summary>
public class HandoutPdfBenchmarks
{
    private Handout handout = null!;
    private string html = "";
    private ChromiumPrinter? chromium;

    [GlobalSetup(Target = nameof(PdfSharpHandout))]
    public void SetUpPdfSharp()
    {
        PdfSetup.Warmup();
        handout = Samples.TwoPageWorksheet();
    }

    [GlobalSetup(Target = nameof(ChromiumHtml))]
    public void SetUpChromium()
    {
        PdfSetup.EnsureInitialized();
        html = WorksheetHtml.Build();
        chromium = ChromiumPrinter.StartAsync().GetAwaiter().GetResult();
        // Warm: the browser is started and has printed before the first measurement, as in a running server.
        for (int i = 0; i < 3; i++)
        {
            chromium.PrintAsync(html).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup(Target = nameof(ChromiumHtml))]
    public void TearDownChromium() => chromium?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "PDFsharp handout")]
    public byte[] PdfSharpHandout() => HandoutRenderer.Render(handout).Bytes;

    [Benchmark(Baseline = true, Description = "Chromium HTML print")]
    public byte[] ChromiumHtml() => chromium!.PrintAsync(html).GetAwaiter().GetResult();
}
