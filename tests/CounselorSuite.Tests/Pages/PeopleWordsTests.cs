using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Pages.Admin;
using CounselorSuite.Web.Features.Demo;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Pages;

/// <summary>
/// Pages speak people's words: the demo practice's pages, found by following their own links as each
/// kind of person, show no enum name, action code, version code or raw remark.
/// </summary>
[Collection("Demo seed")]
public sealed partial class PeopleWordsTests
{
    /// <summary>Names that are code: enum members written as joined words ("NoShow") whose words differ, and the trail's actions.</summary>
    private static readonly HashSet<string> CodeNames = StoredEnums()
        .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
        .Where(v => Joined().IsMatch(v.ToString()) && v.Display() != v.ToString())
        .Select(v => v.ToString())
        .Concat(AuditWords.Actions.Select(a => a.Action))
        .Append(Roles.PracticeAdmin)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The enums the database keeps, which pages show: those of the entities in the features' folders. (They were
    /// all in Domain/ before each feature took its own; the scan follows the entities, wherever they live.)
    /// </summary>
    private static IEnumerable<Type> StoredEnums() =>
        typeof(AppDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .SelectMany(p => p.PropertyType.GetGenericArguments()[0].GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum)
            .Distinct();

    [Fact]
    public void Every_enum_on_the_pages_has_words_of_its_own()
    {
        var asCode = StoredEnums()
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(v => Joined().IsMatch(v.Display()) || v.Display().Length == 0)
            .Select(v => $"{v.GetType().Name}.{v}").ToList();
        Assert.Empty(asCode);
        Assert.Equal("No-show", SessionStatus.NoShow.Display());
        Assert.Equal("Started", Words.Display<OccurrenceState>("InProgress"));
        Assert.Equal("Past its date", Words.ForClient("Overdue"));
        Assert.Contains("NoShow", CodeNames);
        Assert.Contains("InProgress", CodeNames);
        Assert.Contains("HandoutProduced", CodeNames);
    }

    [Fact]
    public async Task The_demo_practice_s_pages_show_no_enum_names_codes_or_raw_remarks()
    {
        var app = await TestApp.SharedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }
        var found = new List<string>();
        var pages = 0;
        foreach (var (email, roots) in new[]
        {
            (DemoSeeder.AdminEmail, new[] { "/admin", "/admin/audit", "/admin/measures" }),
            ("sam.counselor@demo.counselorsuite.test", new[] { "/counselor", "/counselor/calendar", "/counselor/calendar?view=month", "/counselor/exercises" }),
            ("riley@demo.counselorsuite.test", new[] { "/portal", "/portal/sessions", "/portal/handouts", "/portal/my-data", "/portal/progress" }),
        })
        {
            using var person = await app.CookieSignInAsync(email, DemoSeeder.Password);
            foreach (var (url, html) in await CrawlAsync(person, roots))
            {
                pages++;
                found.AddRange(Codes(VisibleText(html)).Select(code => $"{url}: {code}"));
                // Times are in the reader's own zone: "UTC" may name a choice in a zone picker, never a time.
                found.AddRange(Utc().Matches(VisibleText(Select().Replace(html, " "))).Select(m => $"{url}: {m.Value}"));
            }
        }
        Assert.True(pages > 25, $"only {pages} pages were read");
        Assert.Empty(found.Distinct());
    }

    private static IEnumerable<string> Codes(string text)
    {
        foreach (Match word in Word().Matches(text))
        {
            if (CodeNames.Contains(word.Value))
            {
                yield return word.Value;
            }
        }
        foreach (var pattern in new[] { Version(), Numbered(), KeyValue(), Loopback() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                yield return match.Value;
            }
        }
    }

    /// <summary>
    /// The pages a person reaches from the roots by following plain links, at most a few per kind of
    /// address (ids folded), so the calendar's "next week" and the exercise library don't crowd out the rest.
    /// </summary>
    private static async Task<List<(string Url, string Html)>> CrawlAsync(HttpClient person, string[] roots)
    {
        var queue = new Queue<string>(roots);
        var seen = new HashSet<string>(roots);
        var perShape = new Dictionary<string, int>();
        var read = new List<(string, string)>();
        while (queue.TryDequeue(out var url) && read.Count < 60)
        {
            var response = await person.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            read.Add((url, html));
            foreach (Match link in Link().Matches(html))
            {
                var next = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                var shape = Id().Replace(next.Split('?')[0], "{id}");
                if (next.Contains("handler=", StringComparison.OrdinalIgnoreCase) || next.StartsWith("/account", StringComparison.Ordinal)
                    || next.StartsWith("/ops", StringComparison.Ordinal) || !seen.Add(next)
                    || (perShape[shape] = perShape.GetValueOrDefault(shape) + 1) > 3)
                {
                    continue;
                }
                queue.Enqueue(next);
            }
        }
        return read;
    }

    private static string VisibleText(string html)
    {
        var text = Hidden().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex Joined();

    [GeneratedRegex("\\b[A-Za-z]+\\b")]
    private static partial Regex Word();

    [GeneratedRegex("\\bv\\d+\\b")]
    private static partial Regex Version();

    [GeneratedRegex("\\b\\d+: (To do|Started|Submitted|Reviewed|Overdue|Cancelled)\\b")]
    private static partial Regex Numbered();

    [GeneratedRegex("\\b[A-Za-z]+=[A-Za-z0-9]+")]
    private static partial Regex KeyValue();

    [GeneratedRegex("::1\\b|\\b127\\.0\\.0\\.1\\b")]
    private static partial Regex Loopback();

    [GeneratedRegex("href=\"(/(?:admin|counselor|portal)[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();

    [GeneratedRegex("<(script|style)\\b.*?</\\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<select\\b.*?</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex("\\bUTC\\b")]
    private static partial Regex Utc();
}
