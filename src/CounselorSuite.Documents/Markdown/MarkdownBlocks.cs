using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Documents.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Block = CounselorSuite.Documents.Model.Block;

namespace CounselorSuite.Documents.Markdown;

/// <summary>
/// Turns Markdown (the instructions a counsellor writes for a handout) into handout blocks.
/// </summary>
/// <remarks>
/// Supported: paragraphs with <c>*italic*</c> and <c>**bold**</c>, headings (levels 4–6 become 3), bullet and
/// numbered lists (nested), block quotes (indented paragraphs), code (as plain text). Links keep their text
/// and lose their target, images keep their alt text. Raw HTML is never interpreted: tags are dropped and
/// only their visible text is kept, while scripts, styles and comments are dropped whole.
/// </remarks>
public static partial class MarkdownBlocks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Parses <paramref name="markdown"/> into blocks.</summary>
    public static IReadOnlyList<Block> From(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        MarkdownDocument document = Markdig.Markdown.Parse(markdown, Pipeline);
        return Convert(document, quoteDepth: 0).ToList();
    }

    private static IEnumerable<Block> Convert(ContainerBlock container, int quoteDepth)
    {
        foreach (Markdig.Syntax.Block block in container)
        {
            foreach (Block converted in Convert(block, quoteDepth))
            {
                yield return converted;
            }
        }
    }

    private static IEnumerable<Block> Convert(Markdig.Syntax.Block block, int quoteDepth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return new Heading(PlainText(heading.Inline), Math.Min(heading.Level, 3));
                break;
            case ParagraphBlock paragraph:
                if (Runs(paragraph.Inline) is { Count: > 0 } runs)
                {
                    yield return new Paragraph(runs, quoteDepth);
                }
                break;
            case QuoteBlock quote:
                foreach (Block inner in Convert(quote, quoteDepth + 1))
                {
                    yield return inner;
                }
                break;
            case ListBlock list:
                List<ListItem> items = list.OfType<ListItemBlock>()
                    .Select(item => new ListItem(Convert(item, quoteDepth: 0).ToList()))
                    .ToList();
                yield return list.IsOrdered
                    ? new NumberedList(items, int.TryParse(list.OrderedStart, CultureInfo.InvariantCulture, out int start) ? start : 1)
                    : new BulletList(items);
                break;
            case CodeBlock codeBlock:
                string code = codeBlock.Lines.ToString();
                if (!string.IsNullOrWhiteSpace(code))
                {
                    yield return new Paragraph([new TextRun(code.TrimEnd('\n'))], quoteDepth + 1);
                }
                break;
            case HtmlBlock html:
                string visible = VisibleText(html.Lines.ToString());
                if (visible.Length > 0)
                {
                    yield return new Paragraph([new TextRun(visible)], quoteDepth);
                }
                break;
            case ThematicBreakBlock:
                yield return new Spacer(12);
                break;
            case ContainerBlock other:
                foreach (Block inner in Convert(other, quoteDepth))
                {
                    yield return inner;
                }
                break;
        }
    }

    private static List<TextRun> Runs(ContainerInline? inlines)
    {
        var runs = new RunCollector();
        if (inlines is not null)
        {
            runs.Collect(inlines, bold: false, italic: false);
        }
        return runs.Result();
    }

    private static string PlainText(ContainerInline? inlines) => string.Concat(Runs(inlines).Select(run => run.Text));

    /// <summary>The text a browser would show for an HTML fragment, without running or showing any script or style.</summary>
    internal static string VisibleText(string html)
    {
        string withoutCode = HiddenElements().Replace(html, " ");
        string withoutTags = Tags().Replace(withoutCode, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    [GeneratedRegex(@"<!--.*?(-->|$)|<(?<tag>script|style|template|noscript|iframe|object)\b.*?(</\k<tag>\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenElements();

    [GeneratedRegex(@"<[^>]*>?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    /// <summary>Walks inline Markdown, keeping visible text and its emphasis, merging neighbours of the same style.</summary>
    private sealed partial class RunCollector
    {
        private readonly List<TextRun> runs = [];
        private string? hiddenUntil;

        public void Collect(ContainerInline container, bool bold, bool italic)
        {
            foreach (Inline inline in container)
            {
                switch (inline)
                {
                    case HtmlInline html:
                        OnHtmlTag(html.Tag, bold, italic);
                        break;
                    case LiteralInline literal:
                        Add(literal.Content.ToString(), bold, italic);
                        break;
                    case HtmlEntityInline entity:
                        Add(entity.Transcoded.ToString(), bold, italic);
                        break;
                    case CodeInline code:
                        Add(code.Content, bold, italic);
                        break;
                    case AutolinkInline autolink:
                        Add(autolink.Url, bold, italic);
                        break;
                    case LineBreakInline lineBreak:
                        Add(lineBreak.IsHard ? "\n" : " ", bold, italic);
                        break;
                    case EmphasisInline emphasis:
                        bool strong = emphasis.DelimiterCount >= 2;
                        Collect(emphasis, bold || strong, italic || !strong);
                        break;
                    case ContainerInline children:
                        // Links and images: their text (or alt text) is what a reader sees; targets are dropped.
                        Collect(children, bold, italic);
                        break;
                }
            }
        }

        public List<TextRun> Result()
        {
            if (runs.Count > 0)
            {
                runs[0] = runs[0] with { Text = runs[0].Text.TrimStart() };
                runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd() };
            }
            return runs.Where(run => run.Text.Length > 0).ToList();
        }

        private void OnHtmlTag(string tag, bool bold, bool italic)
        {
            if (hiddenUntil is not null)
            {
                if (ClosingTag().Match(tag) is { Success: true } closing && closing.Groups["tag"].Value.Equals(hiddenUntil, StringComparison.OrdinalIgnoreCase))
                {
                    hiddenUntil = null;
                }
                return;
            }
            if (OpeningHiddenTag().Match(tag) is { Success: true } opening)
            {
                hiddenUntil = opening.Groups["tag"].Value;
            }
            else if (LineBreakTag().IsMatch(tag))
            {
                Add("\n", bold, italic);
            }
        }

        private void Add(string text, bool bold, bool italic)
        {
            if (hiddenUntil is not null || text.Length == 0)
            {
                return;
            }
            if (runs.Count > 0 && runs[^1].Bold == bold && runs[^1].Italic == italic)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new TextRun(text, bold, italic));
            }
        }

        [GeneratedRegex(@"^<\s*(?<tag>script|style|template|noscript|iframe|object)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
        private static partial Regex OpeningHiddenTag();

        [GeneratedRegex(@"^<\s*/\s*(?<tag>[a-z]+)", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
        private static partial Regex ClosingTag();

        [GeneratedRegex(@"^<\s*br\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex LineBreakTag();
    }
}
