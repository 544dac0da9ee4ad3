using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Charts;
using OxyPlot;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The progress part of a handout: one overview page of small multiples (two or three charts a row), drawn
/// with text sized for a printed half page. The charts' long summaries stay on the progress pages, where
/// the numbers are too: on paper the overview is what a client looks at.
/// </summary>
public static partial class HandoutProgressPage
{
    /// <summary>More than this many charts are set three to a row; a page holds twelve.</summary>
    private const int MostInTwoColumns = 6;

    public const int MostCharts = 12;

    public static IReadOnlyList<Doc.Block> Blocks(IReadOnlyList<ProgressChart> charts, bool discreet)
    {
        if (charts.Count == 0)
        {
            return [];
        }
        var shown = charts.Take(MostCharts).ToList();
        var columns = shown.Count > MostInTwoColumns ? 3 : shown.Count == 1 ? 1 : 2;
        foreach (var chart in shown)
        {
            Compact(chart.Model, columns);
        }
        return
        [
            new Doc.Heading(discreet ? "Overview" : "Your progress"),
            // Room for the handout's title, date, help and this heading above the grid on the same page.
            new Doc.ChartGridBlock(shown.Select(c => c.Model).ToList(), columns, CellHeight: columns == 1 ? 300 : 210, RoomOnPage: 260),
        ];
    }

    /// <summary>Text sized for a chart a half or a third of a page wide; the models are the handout's own.</summary>
    private static void Compact(PlotModel model, int columns)
    {
        var size = columns == 3 ? 6.5 : 7.5;
        model.DefaultFontSize = size;
        model.TitleFontSize = size + 2;
        model.SubtitleFontSize = size - 0.5;
        model.PlotMargins = new OxyThickness(double.NaN);
        foreach (var legend in model.Legends)
        {
            legend.LegendFontSize = size;
            legend.LegendSymbolLength = 16;
            legend.LegendPadding = 2;
        }
    }

    /// <summary>
    /// A discreet handout never says "your counselor": library texts do ("tell your counselor"), so the
    /// phrase becomes "the person you meet with", which names no profession.
    /// </summary>
    public static ExerciseContent WithoutCounselor(ExerciseContent exercise) => exercise with
    {
        Summary = Neutral(exercise.Summary)!,
        Instructions = Neutral(exercise.Instructions)!,
        Steps = exercise.Steps.Select(s => Neutral(s)!).ToList(),
        Prompts = exercise.Prompts.Select(p => p with { Text = Neutral(p.Text)! }).ToList(),
    };

    public static string? Neutral(string? text) => text is null ? null : YourCounselor().Replace(text, match =>
        char.IsUpper(match.Value[0]) ? "The person you meet with" : "the person you meet with");

    [GeneratedRegex(@"\b[Yy]our (counsel+or|therapist)\b", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YourCounselor();
}
