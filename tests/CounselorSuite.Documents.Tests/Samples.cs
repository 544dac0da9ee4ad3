using CounselorSuite.Documents.Fonts;
using CounselorSuite.Documents.Markdown;
using CounselorSuite.Documents.Model;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace CounselorSuite.Documents.Tests;

/// <summary>Content the tests render: deterministic, with marker words to find in the PDF.</summary>
public static class Samples
{
    private static readonly string[] Vocabulary =
    [
        "notice", "breathe", "slowly", "thought", "feeling", "calm", "body", "moment", "write", "gently",
        "together", "practice", "evening", "morning", "list", "small", "steps", "kind", "patient", "today",
    ];

    /// <summary>A paragraph of <paramref name="words"/> words ending in the marker <c>end{number}</c>.</summary>
    public static Paragraph Filler(int number, int words)
    {
        var text = Enumerable.Range(0, words).Select(i => Vocabulary[((number * 7) + (i * 3)) % Vocabulary.Length]);
        return new Paragraph(string.Join(' ', text) + $" end{number:000}");
    }

    public static PlotModel MoodChart()
    {
        var model = new PlotModel { Title = "Mood over six weeks", DefaultFont = DejaVuFonts.Sans, DefaultFontSize = 9, TitleFontSize = 11 };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Week", Minimum = 1, Maximum = 6, MajorStep = 1 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "Score", Minimum = 0, Maximum = 10 });
        var series = new LineSeries { Title = "Mood", MarkerType = MarkerType.Circle, Color = OxyColor.FromRgb(0x2A, 0x6F, 0x86) };
        double[] scores = [3, 4, 3.5, 5.5, 6, 7];
        for (int week = 0; week < scores.Length; week++)
        {
            series.Points.Add(new DataPoint(week + 1, scores[week]));
        }
        model.Series.Add(series);
        return model;
    }

    /// <summary>The handout the size test and the benchmark use: two pages, markdown, prompts and one chart.</summary>
    public static Handout TwoPageWorksheet() => new("Managing anxious thoughts", Worksheet())
    {
        Author = "Riverside Counselling",
        Subject = "Worksheet",
        Page = new PageSetup { HeaderText = "Riverside Counselling", FooterText = "For personal use" },
    };

    private static List<Block> Worksheet()
    {
        var blocks = new List<Block> { new Heading("Managing anxious thoughts") };
        blocks.AddRange(MarkdownBlocks.From("""
            This worksheet helps you **notice** anxious thoughts and *test* them. Take your time:
            there are no wrong answers, and you can come back to it later in the week.

            ## Before you start
            1. Find a quiet place where you will not be disturbed for twenty minutes.
            2. Think of a recent moment when you felt anxious.
            3. Answer the questions below as honestly as you can.

            > If you feel overwhelmed, stop, put the sheet aside and breathe slowly for a minute.
            """));
        blocks.Add(new NoteBlock([new TextRun("Tip: ", Bold: true), new TextRun("thoughts are not facts. Write them down before you judge them.")]));
        blocks.Add(new ScalePrompt("How anxious did you feel in that moment?", 0, 10, "Not at all", "Extremely"));
        blocks.Add(new FreeTextPrompt("What went through your mind?", 4));
        blocks.Add(new ChecklistPrompt("What did you notice in your body?", ["Racing heart", "Tight chest", "Sweating", "Shallow breathing"]));
        blocks.Add(new FreeTextPrompt("What evidence supports the thought? What evidence does not?", 4));
        blocks.Add(new YesNoPrompt("Could you see the situation differently now?"));
        blocks.Add(new Heading("Your progress", 2));
        blocks.Add(new Paragraph("Your weekly mood scores since we started working together:"));
        blocks.Add(new ChartBlock(MoodChart(), 200));
        blocks.Add(new ScalePrompt("How anxious do you feel now, after this exercise?", 0, 10, "Not at all", "Extremely"));
        return blocks;
    }
}
