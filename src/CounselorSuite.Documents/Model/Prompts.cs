namespace CounselorSuite.Documents.Model;

/// <summary>
/// A question for the client to answer on paper. A prompt is never split across pages unless it is taller
/// than a whole page, and then only between its lines, options or rows.
/// </summary>
public abstract record PromptBlock(string Label) : Block;

/// <summary>A question with ruled lines to write the answer on.</summary>
public sealed record FreeTextPrompt : PromptBlock
{
    public FreeTextPrompt(string label, int lines = 3)
        : base(label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, 1);
        Lines = lines;
    }

    public int Lines { get; }
}

/// <summary>A question with one box per option, any number of which may be ticked.</summary>
public sealed record ChecklistPrompt : PromptBlock
{
    public ChecklistPrompt(string label, IReadOnlyList<string> options)
        : base(label)
    {
        ArgumentOutOfRangeException.ThrowIfZero(options.Count, nameof(options));
        Options = options;
    }

    public IReadOnlyList<string> Options { get; }
}

/// <summary>A question answered by circling one number from <see cref="Min"/> to <see cref="Max"/>.</summary>
/// <remarks>More than 11 values wrap onto further rows of circles.</remarks>
public sealed record ScalePrompt : PromptBlock
{
    public const int MostValues = 101;

    public ScalePrompt(string label, int min, int max, string? minLabel = null, string? maxLabel = null)
        : base(label)
    {
        if (max <= min || max - min + 1 > MostValues)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"A scale needs 2 to {MostValues} values; got {min}..{max}.");
        }
        Min = min;
        Max = max;
        MinLabel = minLabel;
        MaxLabel = maxLabel;
    }

    public int Min { get; }

    public int Max { get; }

    /// <summary>What the lowest value means, e.g. "Not at all".</summary>
    public string? MinLabel { get; }

    /// <summary>What the highest value means, e.g. "Extremely".</summary>
    public string? MaxLabel { get; }
}

/// <summary>A question with a Yes box and a No box.</summary>
public sealed record YesNoPrompt(string Label, string Yes = "Yes", string No = "No") : PromptBlock(Label);

/// <summary>A question with options set side by side, one of which is to be ticked.</summary>
public sealed record ChoicePrompt : PromptBlock
{
    public ChoicePrompt(string label, IReadOnlyList<string> options)
        : base(label)
    {
        ArgumentOutOfRangeException.ThrowIfZero(options.Count, nameof(options));
        Options = options;
    }

    public IReadOnlyList<string> Options { get; }
}
