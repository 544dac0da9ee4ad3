using System.Diagnostics;
using CounselorSuite.Documents.Fonts;
using CounselorSuite.Documents.Model;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CounselorSuite.Documents;

/// <summary>Process-wide PDFsharp set-up. Rendering calls it itself; call it at start-up to fail early.</summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool initialized;

    /// <summary>
    /// Registers the DejaVu fonts with PDFsharp (replacing any other font resolver: PDFsharp has one per process)
    /// and selects Unicode font encoding. Safe to call often and from many threads.
    /// </summary>
    /// <exception cref="FileNotFoundException">A DejaVu font file is missing; the message names the file and the package to install.</exception>
    public static void EnsureInitialized()
    {
        if (Volatile.Read(ref initialized))
        {
            return;
        }
        lock (Gate)
        {
            if (initialized)
            {
                return;
            }
            foreach (DejaVuFace face in DejaVuFonts.Required)
            {
                if (!face.IsInstalled)
                {
                    throw face.MissingFile();
                }
            }
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
            }
            // Unicode encoding embeds each face once; the default (automatic) embeds ANSI and Unicode copies.
            GlobalFontSettings.DefaultFontEncoding = PdfFontEncoding.Unicode;
            Volatile.Write(ref initialized, true);
        }
    }

    /// <summary>
    /// Renders a small document with text and a chart, so the first real document is not the one that pays
    /// for loading fonts and JIT-compiling PDFsharp and OxyPlot (about 350 ms).
    /// </summary>
    /// <returns>How long the warm-up took.</returns>
    public static TimeSpan Warmup()
    {
        long start = Stopwatch.GetTimestamp();
        var chart = new PlotModel { Title = "Warm-up", DefaultFont = DejaVuFonts.Sans };
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "x" });
        chart.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "y" });
        chart.Series.Add(new LineSeries { Points = { new DataPoint(0, 1), new DataPoint(1, 2) } });
        var handout = new Handout("Warm-up",
        [
            new Heading("Warm-up"),
            new Paragraph([new TextRun("Regular, "), new TextRun("bold", Bold: true), new TextRun(" and italic.", Italic: true)]),
            new ScalePrompt("How are you?", 0, 10, "Not at all", "Very"),
            new ChartBlock(chart, 120),
        ]);
        HandoutRenderer.Render(handout);
        return Stopwatch.GetElapsedTime(start);
    }
}
