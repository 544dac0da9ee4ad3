namespace CounselorSuite.Documents.Model;

/// <summary>One entry of a list: usually a paragraph, possibly followed by a nested list.</summary>
public sealed record ListItem(IReadOnlyList<Block> Content)
{
    /// <summary>An item of plain text.</summary>
    public ListItem(string text)
        : this([new Paragraph(text)])
    {
    }

    /// <summary>An item of styled text.</summary>
    public ListItem(IReadOnlyList<TextRun> runs)
        : this([new Paragraph(runs)])
    {
    }
}

/// <summary>A list with bullets.</summary>
public sealed record BulletList(IReadOnlyList<ListItem> Items) : Block
{
    /// <summary>A bullet list of plain-text items.</summary>
    public BulletList(params string[] items)
        : this(items.Select(item => new ListItem(item)).ToList())
    {
    }
}

/// <summary>A list numbered from <paramref name="Start"/>.</summary>
public sealed record NumberedList(IReadOnlyList<ListItem> Items, int Start = 1) : Block
{
    /// <summary>A numbered list of plain-text items, from 1.</summary>
    public NumberedList(params string[] items)
        : this(items.Select(item => new ListItem(item)).ToList())
    {
    }
}
