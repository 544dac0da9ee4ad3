using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Exercises;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The words a discreet handout must not contain: the names of the themes and progress dimensions, and
/// the titles of its exercises. Someone glancing at the page, its properties or its file name should learn
/// nothing about what the client works on.
/// </summary>
public static partial class DiscreetWords
{
    public static IReadOnlyList<string> For(IEnumerable<string> exerciseTitles) =>
        ExerciseVocabulary.Themes.Select(t => t.Name)
            .Concat(ExerciseVocabulary.Dimensions.Select(d => d.Name))
            .Concat(exerciseTitles)
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The first of <paramref name="words"/> found anywhere in <paramref name="text"/> (any case, also inside
    /// longer words: "consent" in "consenting"), or null. Runs of white space count as one space, so a
    /// line break does not hide a phrase.
    /// </summary>
    public static string? FirstIn(string? text, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var flat = Spaces().Replace(text, " ");
        return words.FirstOrDefault(word => flat.Contains(Spaces().Replace(word, " "), StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();

    /// <summary>Every piece of text a handout's blocks would print.</summary>
    public static IEnumerable<string> TextOf(IEnumerable<Doc.Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Doc.Heading heading:
                    yield return heading.Text;
                    break;
                case Doc.Paragraph paragraph:
                    yield return string.Concat(paragraph.Runs.Select(r => r.Text));
                    break;
                case Doc.NoteBlock note:
                    yield return string.Concat(note.Runs.Select(r => r.Text));
                    break;
                case Doc.BulletList list:
                    foreach (var text in TextOf(list.Items.SelectMany(i => i.Content)))
                    {
                        yield return text;
                    }
                    break;
                case Doc.NumberedList list:
                    foreach (var text in TextOf(list.Items.SelectMany(i => i.Content)))
                    {
                        yield return text;
                    }
                    break;
                case Doc.PromptBlock prompt:
                    yield return prompt.Label;
                    switch (prompt)
                    {
                        case Doc.ChecklistPrompt checklist:
                            foreach (var option in checklist.Options) { yield return option; }
                            break;
                        case Doc.ChoicePrompt choice:
                            foreach (var option in choice.Options) { yield return option; }
                            break;
                        case Doc.ScalePrompt scale:
                            yield return scale.MinLabel ?? "";
                            yield return scale.MaxLabel ?? "";
                            break;
                        case Doc.YesNoPrompt yesNo:
                            yield return yesNo.Yes;
                            yield return yesNo.No;
                            break;
                    }
                    break;
                case Doc.ChartBlock chart:
                    foreach (var text in TextOf(chart.Model))
                    {
                        yield return text;
                    }
                    break;
                case Doc.ChartGridBlock grid:
                    foreach (var text in grid.Models.SelectMany(TextOf))
                    {
                        yield return text;
                    }
                    break;
            }
        }
    }

    /// <summary>The words a chart draws: titles, axis titles and category labels, series and legend titles, annotations.</summary>
    public static IEnumerable<string> TextOf(PlotModel model)
    {
        yield return model.Title ?? "";
        yield return model.Subtitle ?? "";
        foreach (var axis in model.Axes)
        {
            yield return axis.Title ?? "";
            if (axis is CategoryAxis categories)
            {
                foreach (var label in categories.Labels) { yield return label; }
            }
        }
        foreach (var series in model.Series)
        {
            yield return series.Title ?? "";
            if (series is BarSeries bars)
            {
                foreach (var item in bars.Items) { yield return item.Value.ToString(System.Globalization.CultureInfo.InvariantCulture); }
            }
        }
        foreach (var annotation in model.Annotations)
        {
            yield return annotation switch
            {
                OxyPlot.Annotations.TextualAnnotation textual => textual.Text ?? "",
                _ => "",
            };
        }
        foreach (var legend in model.Legends)
        {
            yield return legend.LegendTitle ?? "";
        }
    }
}
