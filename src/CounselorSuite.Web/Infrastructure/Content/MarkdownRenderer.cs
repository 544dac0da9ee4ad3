using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace CounselorSuite.Web.Infrastructure.Content;

/// <summary>
/// Turns Markdown that people typed (exercise instructions, help resources, notes) into HTML that is
/// safe to put in a page or a handout. Two walls: Markdig escapes raw HTML instead of passing it on, and
/// HtmlSanitizer then keeps only plain formatting tags, no style, no event attributes, and links only
/// to http, https, mailto and tel (so no javascript: or data: URLs, and no images that could phone home).
/// Use this for every piece of user Markdown; never Markdig alone.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizerOptions Options = new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "strong", "em", "b", "i", "del", "s", "sub", "sup", "ul", "ol", "li", "a", "blockquote",
            "code", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "action", "formaction", "background", "poster", "cite" },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowDataAttributes = false,
    };

    /// <summary>Safe HTML for <paramref name="markdown"/>; empty for null or blank input.</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var html = Markdown.ToHtml(markdown, Pipeline);
        // A sanitizer per call: configuration and events stay private to this render.
        var sanitizer = new HtmlSanitizer(Options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                // Links leave the app without telling the other site where the reader came from.
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer.Sanitize(html).Trim();
    }

    public IHtmlContent ToHtmlContent(string? markdown) => new HtmlString(ToHtml(markdown));
}
