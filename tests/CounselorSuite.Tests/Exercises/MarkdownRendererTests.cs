using CounselorSuite.Web.Infrastructure.Content;

namespace CounselorSuite.Tests.Exercises;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("Text <SCRIPT src=\"https://evil.test/x.js\"></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"alert(1)\">hi</p>")]
    [InlineData("<a href=\"#\" onmouseover=\"alert(1)\">hover</a>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<iframe src=\"https://evil.test\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    public void Raw_html_never_becomes_markup(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotMatch("<\\s*(script|style|img|iframe|svg|div)", html.ToLowerInvariant());
        // Text may still show the words (escaped); no real tag may carry an event handler or a style.
        Assert.DoesNotMatch("<[^>]*\\son[a-z]+\\s*=", html.ToLowerInvariant());
        Assert.DoesNotMatch("<[^>]*\\sstyle\\s*=", html.ToLowerInvariant());
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("[click me](JaVaScRiPt:alert(1))")]
    [InlineData("[click me](  javascript:alert(1)  )")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![pixel](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![pixel](https://tracker.test/p.gif)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(1)")]
    public void Dangerous_links_and_images_are_dropped(string markdown)
    {
        var html = _renderer.ToHtml(markdown).ToLowerInvariant();

        // The text may still read "javascript:"; no link or source may point there.
        foreach (var url in UrlAttributes(html))
        {
            Assert.Matches("^(https?:|mailto:|tel:|#|/)", url);
        }
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_safe_links()
    {
        var html = _renderer.ToHtml("# Steps\n\n1. **Breathe**\n2. _Notice_\n\n- call [the helpline](tel:+15550199) or [visit](https://help.test/a?b=1)\n\n> quiet");

        Assert.Contains("<h1", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<strong>Breathe</strong>", html);
        Assert.Contains("<em>Notice</em>", html);
        Assert.Contains("href=\"tel:+15550199\"", html);
        Assert.Contains("href=\"https://help.test/a?b=1\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("<blockquote>", html);
    }

    [Fact]
    public void Blank_markdown_renders_nothing()
    {
        Assert.Equal("", _renderer.ToHtml(null));
        Assert.Equal("", _renderer.ToHtml("  \n "));
    }

    private static IEnumerable<string> UrlAttributes(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "(href|src|action)\\s*=\\s*[\"']?([^\"'\\s>]*)")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value).Trim());
}
