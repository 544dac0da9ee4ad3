using CounselorSuite.Documents.Charts;
using CounselorSuite.Documents.Tests;

namespace CounselorSuite.Bench.Pdf;

/// <summary>
/// The content of <see cref="Samples.TwoPageWorksheet"/> as a web page, styled to match the PDF (same font,
/// sizes, margins and chart), for Chromium to print.
/// </summary>
public static class WorksheetHtml
{
    // A4 less 2 cm margins, in points: the width the PDF gives the chart.
    private const double ContentWidth = 595.28 - (2 * 56.7);

    public static string Build() => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Managing anxious thoughts</title>
        <style>
          body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.45; color: #222; margin: 0; }
          h1 { color: #2A6F86; font-size: 19pt; line-height: 1.25; border-bottom: 0.8pt solid #2A6F86; margin: 0 0 3pt; }
          h2 { font-size: 14.5pt; line-height: 1.25; margin: 12pt 0 3pt; break-after: avoid; }
          p, ol { margin: 6pt 0 0; }
          ol { padding-left: 18pt; }
          blockquote { margin: 6pt 0 0 18pt; }
          .note { background: #EDF3F5; border-left: 3pt solid #2A6F86; padding: 7pt 8pt 7pt 11pt; margin-top: 10pt; break-inside: avoid; }
          .prompt { margin-top: 12pt; break-inside: avoid; }
          .label { font-weight: bold; margin-bottom: 4pt; }
          .scale { display: flex; }
          .scale span { box-sizing: border-box; width: 20pt; height: 20pt; margin: 4pt 10pt 4pt 10pt; border: 0.9pt solid #2A6F86;
                        border-radius: 50%; font-size: 9pt; line-height: 18pt; text-align: center; }
          .ends { display: flex; justify-content: space-between; width: 440pt; font-size: 9pt; color: #666; }
          .line { height: 20pt; border-bottom: 0.6pt solid #9A9A9A; margin-bottom: 4pt; }
          .box::before { content: ''; display: inline-block; width: 9.5pt; height: 9.5pt; border: 0.8pt solid #444;
                         margin-right: 7pt; vertical-align: -1pt; }
          .inline .box { margin-right: 22pt; }
          svg { display: block; margin-top: 8pt; width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <h1>Managing anxious thoughts</h1>
        <p>This worksheet helps you <b>notice</b> anxious thoughts and <i>test</i> them. Take your time:
        there are no wrong answers, and you can come back to it later in the week.</p>
        <h2>Before you start</h2>
        <ol>
          <li>Find a quiet place where you will not be disturbed for twenty minutes.</li>
          <li>Think of a recent moment when you felt anxious.</li>
          <li>Answer the questions below as honestly as you can.</li>
        </ol>
        <blockquote>If you feel overwhelmed, stop, put the sheet aside and breathe slowly for a minute.</blockquote>
        <div class="note"><b>Tip:</b> thoughts are not facts. Write them down before you judge them.</div>
        {{Scale("How anxious did you feel in that moment?")}}
        {{Lines("What went through your mind?", 4)}}
        <div class="prompt"><div class="label">What did you notice in your body?</div>
          <div class="box">Racing heart</div><div class="box">Tight chest</div>
          <div class="box">Sweating</div><div class="box">Shallow breathing</div></div>
        {{Lines("What evidence supports the thought? What evidence does not?", 4)}}
        <div class="prompt"><div class="label">Could you see the situation differently now?</div>
          <div class="inline"><span class="box">Yes</span><span class="box">No</span></div></div>
        <h2>Your progress</h2>
        <p>Your weekly mood scores since we started working together:</p>
        {{ChartSvg.ToSvg(Samples.MoodChart(), ContentWidth, 200)}}
        {{Scale("How anxious do you feel now, after this exercise?")}}
        </body>
        </html>
        """;

    public const string Header = """<div style="font: 8.5pt 'DejaVu Sans'; color: #666; width: 100%; margin: 0 20mm; border-bottom: 0.6pt solid #9A9A9A;">Riverside Counselling</div>""";

    public const string Footer = """
        <div style="font: 8.5pt 'DejaVu Sans'; color: #666; width: 100%; margin: 0 20mm; display: flex; justify-content: space-between;">
        <span>For personal use</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>
        """;

    private static string Scale(string label) => $"""
        <div class="prompt"><div class="label">{label}</div>
          <div class="scale">{string.Concat(Enumerable.Range(0, 11).Select(i => $"<span>{i}</span>"))}</div>
          <div class="ends"><span>Not at all</span><span>Extremely</span></div></div>
        """;

    private static string Lines(string label, int count) =>
        $"""<div class="prompt"><div class="label">{label}</div>{string.Concat(Enumerable.Repeat("""<div class="line"></div>""", count))}</div>""";
}
