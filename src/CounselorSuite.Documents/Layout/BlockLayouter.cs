using CounselorSuite.Documents.Model;

namespace CounselorSuite.Documents.Layout;

/// <summary>Lays out blocks into flow elements by handing each kind of block to its layout.</summary>
internal sealed class BlockLayouter
{
    private readonly TextBlockLayout text;
    private readonly ListLayout lists;
    private readonly PromptLayout prompts;
    private readonly MediaLayout media;

    public BlockLayouter(LayoutContext context)
    {
        text = new TextBlockLayout(context);
        lists = new ListLayout(context, this);
        prompts = new PromptLayout(context);
        media = new MediaLayout(context);
    }

    public IReadOnlyList<FlowElement> Layout(IReadOnlyList<Block> blocks)
    {
        var elements = new List<FlowElement>();
        for (int i = 0; i < blocks.Count; i++)
        {
            elements.AddRange(Layout(blocks[i], indent: 0, BlockLocation.Describe(i + 1, blocks[i])));
        }
        return elements;
    }

    public IEnumerable<FlowElement> Layout(Block block, double indent, string location) => block switch
    {
        Heading heading => [text.Heading(heading, indent, location)],
        Paragraph paragraph => [text.Paragraph(paragraph, indent, location)],
        NoteBlock note => [text.Note(note, indent, location)],
        BulletList list => lists.Bullets(list, indent, location),
        NumberedList list => lists.Numbers(list, indent, location),
        PromptBlock prompt => [prompts.Layout(prompt, indent, location)],
        ImageBlock image => [media.Image(image, indent, location)],
        ChartBlock chart => [media.Chart(chart, indent, location)],
        ChartGridBlock grid => [media.ChartGrid(grid, indent, location)],
        Spacer spacer => [new FlowElement([]) { SpaceBefore = spacer.Height }],
        PageBreak => [new FlowElement([]) { BreaksPage = true }],
        _ => throw new NotSupportedException($"No layout for {block.GetType().Name}."),
    };
}
