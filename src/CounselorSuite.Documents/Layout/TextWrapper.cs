using System.Globalization;
using PdfSharp.Drawing;

namespace CounselorSuite.Documents.Layout;

/// <summary>Text in one font, already prepared by <see cref="GlyphGuard"/>.</summary>
internal readonly record struct StyledText(string Text, XFont Font);

/// <summary>A piece of one line in one font, at <see cref="X"/> from the line's left edge.</summary>
internal sealed record TextSpan(string Text, XFont Font, double X, double Width);

/// <summary>One laid-out line of text.</summary>
internal sealed record TextLine(IReadOnlyList<TextSpan> Spans, double Width)
{
    public static TextLine Empty { get; } = new([], 0);
}

/// <summary>
/// Breaks styled text into lines: between words where it can, between characters when a single word is
/// wider than the line (a long URL, say), so nothing ever runs off the page.
/// </summary>
internal sealed class TextWrapper(XGraphics measure)
{
    private readonly Dictionary<(string, XFont), double> widths = [];

    public double Width(string text, XFont font)
    {
        if (!widths.TryGetValue((text, font), out double width))
        {
            width = measure.MeasureString(text, font).Width;
            widths[(text, font)] = width;
        }
        return width;
    }

    public IReadOnlyList<TextLine> Wrap(IEnumerable<StyledText> pieces, double maxWidth)
    {
        var lines = new List<TextLine>();
        var line = new LineBuilder(this);
        XFont? pendingSpace = null;
        foreach (Token token in Tokenize(pieces))
        {
            switch (token)
            {
                case Token.Break:
                    lines.Add(line.Finish());
                    pendingSpace = null;
                    break;
                case Token.Space space:
                    pendingSpace = line.IsEmpty ? null : space.Font;
                    break;
                case Token.Word word:
                    double spaceWidth = pendingSpace is null ? 0 : Width(" ", pendingSpace);
                    if (!line.IsEmpty && line.Width + spaceWidth + word.Width(this) > maxWidth)
                    {
                        lines.Add(line.Finish());
                        pendingSpace = null;
                    }
                    if (pendingSpace is not null)
                    {
                        line.Add(" ", pendingSpace);
                        pendingSpace = null;
                    }
                    if (line.IsEmpty && word.Width(this) > maxWidth)
                    {
                        BreakBetweenCharacters(word, maxWidth, line, lines);
                    }
                    else
                    {
                        foreach (StyledText part in word.Parts)
                        {
                            line.Add(part.Text, part.Font);
                        }
                    }
                    break;
            }
        }
        if (!line.IsEmpty)
        {
            lines.Add(line.Finish());
        }
        return lines;
    }

    private void BreakBetweenCharacters(Token.Word word, double maxWidth, LineBuilder line, List<TextLine> lines)
    {
        foreach (StyledText part in word.Parts)
        {
            TextElementEnumerator characters = StringInfo.GetTextElementEnumerator(part.Text);
            while (characters.MoveNext())
            {
                string character = characters.GetTextElement();
                if (!line.IsEmpty && line.Width + Width(character, part.Font) > maxWidth)
                {
                    lines.Add(line.Finish());
                }
                line.Add(character, part.Font);
            }
        }
    }

    private static IEnumerable<Token> Tokenize(IEnumerable<StyledText> pieces)
    {
        var word = new List<StyledText>();
        foreach (StyledText piece in pieces)
        {
            int start = 0;
            for (int i = 0; i <= piece.Text.Length; i++)
            {
                bool atEnd = i == piece.Text.Length;
                char c = atEnd ? '\0' : piece.Text[i];
                if (!atEnd && c != ' ' && c != '\n')
                {
                    continue;
                }
                if (i > start)
                {
                    word.Add(piece with { Text = piece.Text[start..i] });
                }
                start = i + 1;
                if (atEnd)
                {
                    break;
                }
                // A word may continue into the next piece ("**bold**," is one word in two fonts), so it is
                // only finished at a space or a line break.
                if (word.Count > 0)
                {
                    yield return new Token.Word([.. word]);
                    word.Clear();
                }
                yield return c == ' ' ? new Token.Space(piece.Font) : new Token.Break();
            }
        }
        if (word.Count > 0)
        {
            yield return new Token.Word([.. word]);
        }
    }

    private abstract record Token
    {
        public sealed record Word(StyledText[] Parts) : Token
        {
            private double? width;

            public double Width(TextWrapper wrapper) => width ??= Parts.Sum(part => wrapper.Width(part.Text, part.Font));
        }

        public sealed record Space(XFont Font) : Token;

        public sealed record Break : Token;
    }

    /// <summary>Collects one line, merging neighbouring text in the same font into one span (one PDF text operation).</summary>
    private sealed class LineBuilder(TextWrapper wrapper)
    {
        private readonly List<TextSpan> spans = [];

        public double Width { get; private set; }

        public bool IsEmpty => spans.Count == 0;

        public void Add(string text, XFont font)
        {
            double width = wrapper.Width(text, font);
            if (spans.Count > 0 && spans[^1].Font == font)
            {
                TextSpan last = spans[^1];
                spans[^1] = last with { Text = last.Text + text, Width = last.Width + width };
            }
            else
            {
                spans.Add(new TextSpan(text, font, Width, width));
            }
            Width += width;
        }

        public TextLine Finish()
        {
            var line = spans.Count == 0 ? TextLine.Empty : new TextLine([.. spans], Width);
            spans.Clear();
            Width = 0;
            return line;
        }
    }
}
