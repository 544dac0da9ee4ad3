using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CounselorSuite.Bench.Pdf;
using CounselorSuite.Documents;
using CounselorSuite.Documents.Tests;

// Sizes are measured here, once, because BenchmarkDotNet measures time only.
PdfSetup.Warmup();
RenderedPdf ours = HandoutRenderer.Render(Samples.TwoPageWorksheet());
byte[] chromiumPdf;
await using (ChromiumPrinter printer = await ChromiumPrinter.StartAsync())
{
    chromiumPdf = await printer.PrintAsync(WorksheetHtml.Build());
}
if (args.Contains("--write-samples"))
{
    // Next to BenchmarkDotNet's own artifacts, which git ignores, to compare the two outputs by eye.
    Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
    File.WriteAllBytes("BenchmarkDotNet.Artifacts/worksheet-pdfsharp.pdf", ours.Bytes);
    File.WriteAllBytes("BenchmarkDotNet.Artifacts/worksheet-chromium.pdf", chromiumPdf);
}
var sizes = new Dictionary<string, int>
{
    [nameof(HandoutPdfBenchmarks.PdfSharpHandout)] = ours.Bytes.Length,
    [nameof(HandoutPdfBenchmarks.ChromiumHtml)] = chromiumPdf.Length,
};

IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithLaunchCount(1))
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, new PdfSizeColumn(sizes))
    .WithOptions(ConfigOptions.DisableLogFile);
Summary summary = BenchmarkRunner.Run<HandoutPdfBenchmarks>(config, args.Where(arg => arg != "--write-samples").ToArray());

double MedianMs(string method) => summary.Reports
    .Single(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
    .ResultStatistics!.Median / 1_000_000;

double oursMs = MedianMs(nameof(HandoutPdfBenchmarks.PdfSharpHandout));
double chromiumMs = MedianMs(nameof(HandoutPdfBenchmarks.ChromiumHtml));
double speedup = chromiumMs / oursMs;
double sizeRatio = (double)ours.Bytes.Length / chromiumPdf.Length;
string Verdict(bool met) => met ? "met" : "MISSED";

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    Two-page worksheet with one progress chart ({ours.PageCount} pages)
      PDFsharp handout : median {oursMs:F2} ms, {ours.Bytes.Length / 1024.0:F1} KB
      Chromium print   : median {chromiumMs:F2} ms, {chromiumPdf.Length / 1024.0:F1} KB
      Chromium / ours time : {speedup:F1}x   (target >= 8x: {Verdict(speedup >= 8)})
      ours / Chromium size : {sizeRatio:F2}x  (target <= 1.5x: {Verdict(sizeRatio <= 1.5)})
      ours median <= 10 ms : {Verdict(oursMs <= 10)};  ours <= 50 KB: {Verdict(ours.Bytes.Length <= 50 * 1024)}
    """));
