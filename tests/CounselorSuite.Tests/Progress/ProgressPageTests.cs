using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>The progress pages: charts as inline SVG with their text, the numbers behind them, and who sees what.</summary>
public sealed partial class ProgressPageTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    internal static IReadOnlyList<string> SvgTexts(string html) =>
        SvgText().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    /// <summary>The rows of the numbers table of the chart with this id.</summary>
    private static List<string[]> TableRows(string html, string chartId)
    {
        var start = html.IndexOf($"id=\"chart-{chartId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No chart {chartId} in the page.");
        var figure = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        return Row().Matches(figure[figure.IndexOf("<tbody>", StringComparison.Ordinal)..])
            .Select(r => Cell().Matches(r.Groups[1].Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToList();
    }

    [Fact]
    public async Task A_client_sees_their_own_progress_with_charts_as_svg_text_a_summary_and_the_numbers_on_a_phone_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        await SeedCheckInsAsync(app, world, client.Id, Enumerable.Range(0, 8).Select(w => Monday.AddDays(7 * w)).ToList(), (i, item) => item == "honesty" ? 2 + i : 7);
        using var browser = await Browser.SignedInAsync(app, client.Email);

        // The history is from 2025: "Everything", since pages open on the last year.
        var html = await browser.PageAsync("/portal/progress?range=all");

        Assert.Equal("Progress", Html.Title(html));
        Assert.Contains("width=device-width, initial-scale=1", html);
        var texts = SvgTexts(html);
        Assert.Contains("Honest communication over time", texts);
        Assert.Contains("Latest check-in", texts);
        Assert.Contains("Date", texts);
        Assert.Contains("Rating (0 to 100)", texts);
        Assert.Contains("<details class=\"chart-numbers\">", html);
        Assert.Contains("<summary>Show the numbers</summary>", html);
        Assert.Contains("Honest communication, 8 values from 3 Mar 2025 to 21 Apr 2025", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"chart-dimension-honest-communication-summary\"", html);
        // The page's Content-Security-Policy forbids inline styles: colours are SVG attributes instead.
        Assert.DoesNotContain(" style=", html);
        Assert.Contains("stroke=\"rgb(", html);
        Assert.Contains("/portal/progress?handler=csv", html);
    }

    [Fact]
    public async Task The_downloaded_CSV_matches_the_numbers_of_the_chart_on_the_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var client = world.Clients[0];
        await SeedCheckInsAsync(app, world, client.Id, Enumerable.Range(0, 5).Select(w => Monday.AddDays(7 * w)).ToList(), (i, item) => item == "decisions" ? 10 - 2 * i : 5);
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var html = await browser.PageAsync($"/counselor/clients/{client.Id}/progress?range=all");
        var csv = await (await browser.GetAsync($"/counselor/clients/{client.Id}/progress?handler=csv&range=all")).Content.ReadAsStringAsync();

        var chart = TableRows(html, "dimension-shared-decisions");
        var exported = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .Where(r => r[1] == "Shared decision-making").ToList();
        Assert.Equal(5, chart.Count);
        Assert.Equal(chart.Select(r => r[1]), exported.Select(r => r[4]));
        Assert.Equal(chart.Select(r => r[0]), exported.Select(r => DateTimeOffset.Parse(r[0], CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.InvariantCulture)));
        Assert.Equal(["100", "80", "60", "40", "20"], chart.Select(r => r[1]));
    }

    [Fact]
    public async Task The_counselor_sees_both_partners_on_one_chart_per_dimension_and_the_perception_gap_on_the_couple_case()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        // The case page shows the last year: six recent weeks.
        var weeks = Enumerable.Range(0, 6).Select(w => DateTimeOffset.UtcNow.Date.AddDays(-7 * (8 - w))).Select(d => new DateTimeOffset(d, TimeSpan.Zero).AddHours(9)).ToList();
        await SeedCheckInsAsync(app, world, world.Clients[0].Id, weeks, (_, item) => item == "decisions" ? 2 : 6);
        await SeedCheckInsAsync(app, world, world.Clients[1].Id, weeks.Select(t => t.AddDays(2)).ToList(), (_, item) => item == "decisions" ? 9 : 6);
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var html = await browser.PageAsync($"/counselor/cases/{world.CaseId}/progress");

        var section = html[html.IndexOf("id=\"progress\"", StringComparison.Ordinal)..];
        var texts = SvgTexts(section);
        Assert.Contains("Perception gap between partners", texts);
        Assert.Contains("Shared decision-making: both partners", texts);
        Assert.Contains("Safety: both partners", texts);
        Assert.Contains("Shared decision-making: Client Person 70 higher", section);
        Assert.Contains("Largest perception gaps", section);
        Assert.Contains($"/counselor/clients/{world.Clients[0].Id}/progress", section);
        Assert.Contains($"/counselor/clients/{world.Clients[1].Id}/progress", section);
    }

    [Fact]
    public async Task A_partner_sees_charts_only_of_what_the_other_shared_and_the_counselor_compares_partners_on_the_case_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var (a, b) = (world.Clients[0], world.Clients[1]);
        var recent = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-10).AddHours(9);
        await SeedCheckInsAsync(app, world, a.Id, [recent, recent.AddDays(3)], (_, _) => 6);
        await SeedCheckInsAsync(app, world, b.Id, [recent.AddDays(1)], (_, _) => 4);
        using var pagesOfA = await Browser.SignedInAsync(app, a.Email);

        // B's check-in is B's own: nothing of B on A's page.
        Assert.DoesNotContain("Shared with you", await pagesOfA.PageAsync("/portal/progress"));

        var assignment = await AssignAsync(world.Counselor, new { caseId = world.CaseId, exerciseId = await ExerciseIdAsync(world.Counselor, DecisionsExercise) });
        var item = await RateDecisionsAsync(b.Client, assignment, 2);
        await (await b.Client.PostAsync($"/api/assignments/{item}/share", null)).EnsureStatusAsync(HttpStatusCode.OK);
        var html = await pagesOfA.PageAsync("/portal/progress");

        var shared = html[html.IndexOf("Shared with you by", StringComparison.Ordinal)..html.IndexOf("id=\"download\"", StringComparison.Ordinal)];
        Assert.Contains("Shared decision-making: both partners", SvgTexts(shared));
        Assert.DoesNotContain("Honest communication: both partners", SvgTexts(shared)); // B shared no check-in

        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var clientPage = await counselor.PageAsync($"/counselor/clients/{a.Id}/progress");
        Assert.Contains("Compared with a partner", clientPage);
        Assert.Contains($"href=\"/counselor/cases/{world.CaseId}/progress\"", clientPage);
        Assert.DoesNotContain("both partners", string.Join("\n", SvgTexts(clientPage)));
        Assert.Contains("Perception gap between partners", SvgTexts(await counselor.PageAsync($"/counselor/cases/{world.CaseId}/progress")));
    }

    [Fact]
    public async Task Progress_pages_of_a_client_outside_the_callers_reach_are_404()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var other = await app.CreateWorldAsync();
        using var partner = await Browser.SignedInAsync(app, world.Clients[1].Email);
        using var stranger = await Browser.SignedInAsync(app, other.CounselorEmail);
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        foreach (var browser in new[] { stranger, admin })
        {
            await (await browser.GetAsync($"/counselor/clients/{world.Clients[0].Id}/progress")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await browser.GetAsync($"/counselor/clients/{world.Clients[0].Id}/progress?handler=csv")).EnsureStatusAsync(HttpStatusCode.NotFound);
        }
        await (await partner.GetAsync($"/counselor/clients/{world.Clients[0].Id}/progress")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        var adminCase = await admin.PageAsync($"/counselor/cases/{world.CaseId}/progress");
        Assert.Contains("Progress is shown to the case's counselors.", adminCase);
    }

    [Fact]
    public async Task The_admin_overview_shows_counts_and_adherence_without_any_name()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var now = DateTimeOffset.UtcNow;
        await SeedCheckInsAsync(app, world, world.Clients[0].Id, [now.AddDays(-20), now.AddDays(-13), now.AddDays(-6)], (_, _) => 6);
        using var browser = await Browser.SignedInAsync(app, world.Practice.Email);

        var html = await browser.PageAsync("/admin/progress");

        Assert.Contains("<dt>Ratings given</dt><dd>30</dd>", html);
        Assert.Contains("100%", Html.Section(html, "adherence"));
        Assert.Contains("Homework done on time, by week due", SvgTexts(html));
        Assert.DoesNotContain("Client Person", html);
        Assert.DoesNotContain(world.Clients[0].Email, html);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        await (await counselor.GetAsync("/admin/progress")).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex("<text[^>]*>(.*?)</text>", RegexOptions.Singleline)]
    private static partial Regex SvgText();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

/// <summary>The demo practice's progress; in the collection of the other demo test, which seeds the same practice.</summary>
[Collection("Demo seed")]
public sealed class DemoProgressTests
{
    private static IReadOnlyList<string> SvgTexts(string html) => ProgressPageTests.SvgTexts(html);

    [Fact]
    public async Task In_the_demo_practice_the_couple_case_shows_both_partners_and_the_gap_and_a_client_sees_their_progress()
    {
        var app = await TestApp.SharedAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }
        using var sam = await app.SignInAsync("sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
        var cases = (await (await sam.GetAsync("/api/cases")).ReadJsonAsync())["items"]!.AsArray();
        var couple = cases.Single(c => c!["kind"]!.GetValue<string>() == "Couple")!;
        using var rileyApi = await app.SignInAsync("riley@demo.counselorsuite.test", DemoSeeder.Password);
        var riley = (await (await rileyApi.GetAsync("/api/me")).ReadJsonAsync())["userId"]!.GetValue<Guid>();
        using var samPages = await Browser.SignedInAsync(app, "sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
        using var rileyPages = await Browser.SignedInAsync(app, "riley@demo.counselorsuite.test", DemoSeeder.Password);

        var casePage = await samPages.PageAsync($"/counselor/cases/{couple["id"]!.GetValue<Guid>()}/progress");
        var portal = await rileyPages.PageAsync("/portal/progress");
        var progress = await ProgressAsync(sam, riley);

        Assert.Contains("Perception gap between partners", SvgTexts(casePage));
        Assert.Contains("Shared decision-making: both partners", SvgTexts(casePage));
        Assert.Contains("Largest perception gaps", casePage);
        Assert.Contains("Latest check-in", SvgTexts(portal));
        var points = Dimension(progress, "SharedDecisions")!["points"]!.AsArray();
        Assert.InRange(points.Count, 10, 40); // about four months of weekly check-ins (a few missed), plus the demo homework's ratings
        Assert.True(points[^1]!["value"]!.GetValue<double>() > points[0]!["value"]!.GetValue<double>());
        var csv = await (await rileyPages.GetAsync("/portal/progress?handler=csv")).Content.ReadAsStringAsync();
        Assert.Equal(progress["dimensions"]!.AsArray().Sum(d => d!["points"]!.AsArray().Count), csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
