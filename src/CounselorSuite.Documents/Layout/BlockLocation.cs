using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Layout;

/// <summary>Describes where a block is, for warnings a counsellor can act on: its number, kind and first words.</summary>
internal static class BlockLocation
{
    private const int ExcerptLength = 40;

    public static string Describe(int number, Block block) => $"block {number} ({Kind(block)}) “{Excerpt(block)}”";

    private static string Kind(Block block) => block switch
    {
        Heading => "heading",
        Paragraph => "paragraph",
        NoteBlock => "note",
        BulletList or NumberedList => "list",
        PromptBlock => "prompt",
        ChartBlock => "chart",
        ChartGridBlock => "charts",
        ImageBlock => "image",
        _ => block.GetType().Name,
    };

    private static string Excerpt(Block block)
    {
        string text = block switch
        {
            Heading heading => heading.Text,
            Paragraph paragraph => string.Concat(paragraph.Runs.Select(run => run.Text)),
            NoteBlock note => string.Concat(note.Runs.Select(run => run.Text)),
            BulletList list => FirstItem(list.Items),
            NumberedList list => FirstItem(list.Items),
            PromptBlock prompt => prompt.Label,
            ChartBlock chart => chart.Model.Title ?? "",
            ChartGridBlock grid => grid.Models is [var model, ..] ? model.Title ?? "" : "",
            _ => "",
        };
        string oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ExcerptLength ? oneLine : oneLine[..ExcerptLength] + "…";
    }

    private static string FirstItem(IReadOnlyList<ListItem> items) =>
        items is [var item, ..] && item.Content is [var first, ..] ? Excerpt(first) : "";
}
