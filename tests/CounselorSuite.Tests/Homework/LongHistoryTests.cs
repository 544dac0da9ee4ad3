using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CounselorSuite.Tests.Homework;

/// <summary>
/// Pages over a long history show a bounded part of it and reach the rest: the case page each client's latest
/// items, the assignment page a page of steps, the portal's home the first open items, an item its own step.
/// </summary>
public sealed partial class LongHistoryTests
{
    private const int Days = 25;

    /// <summary>
    /// A daily exercise of 25 items, 22 days in, on a clock of its own: the first client sent items 1 to 3 (late),
    /// items 4 to 23 are past their date, 24 is open today and 25 not open yet.
    /// </summary>
    private sealed record DailyHistory(TestApp App, PracticeWorld World, JsonObject Exercise, Guid AssignmentId, HttpClient Client,
        Dictionary<int, Guid> Items) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public int StepOf(Guid item) => Items.Single(i => i.Value == item).Key;
    }

    private static async Task<DailyHistory> DailyHistoryAsync(string kind = "Individual")
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new TestApp(await TestDatabase.GetAsync(), clock);
        var world = await app.CreateWorldAsync(kind);
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>(),
            new { dueAt = clock.GetUtcNow().AddHours(1), recurrence = new { every = "Day", count = Days } });
        clock.Advance(TimeSpan.FromDays(22) + TimeSpan.FromHours(2));
        // Signed in again: what was signed in three weeks ago has expired.
        var client = await app.SignInAsync(world.Clients[0].Email);
        var items = await StepsAsync(client);
        foreach (var step in new[] { 1, 2, 3 })
        {
            await client.SubmitOkAsync(items[step], HomeworkApi.Answers(exercise, $"Day {step} words"));
        }
        return new DailyHistory(app, world, exercise, assignment["id"]!.GetValue<Guid>(), client, items);
    }

    /// <summary>The client's item ids by step, through the API.</summary>
    private static async Task<Dictionary<int, Guid>> StepsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/me/assignments?pageSize=100")).ReadJsonAsync())["items"]!.AsArray()
            .ToDictionary(i => i!["sequence"]!.GetValue<int>(), i => i!["id"]!.GetValue<Guid>());

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " "));

    private static List<int> StepsOnPage(string html) =>
        StepSection().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    /// <summary>The steps of the items a portal list links to, in the list's order.</summary>
    private static List<int> Listed(DailyHistory history, string html, string list)
    {
        var match = Regex.Match(html, $"""<ul class="task-list" aria-labelledby="{list}">(.*?)</ul>""", RegexOptions.Singleline);
        return match.Success ? ItemLink().Matches(match.Groups[1].Value).Select(m => history.StepOf(Guid.Parse(m.Groups[1].Value))).ToList() : [];
    }

    [Fact]
    public async Task The_case_page_shows_a_clients_latest_five_items_counts_the_others_and_links_to_all_of_them()
    {
        await using var history = await DailyHistoryAsync();
        using var counselor = await Browser.SignedInAsync(history.App, history.World.CounselorEmail);

        var section = Html.Section(await counselor.PageAsync($"/counselor/cases/{history.World.CaseId}/homework"), "homework");

        // The latest items already open, and today's; item 25 has not opened yet and is only counted.
        Assert.Equal([20, 21, 22, 23, 24], ItemBadge().Matches(section).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Contains("20 more: 16 overdue, 3 submitted, 1 to do", Text(section));
        Assert.Contains($"""<a href="/counselor/homework/{history.AssignmentId}" class="all-items">All 25 items</a>""", section);
        // Adherence still counts every item: 23 due, the 3 sent were late.
        Assert.Contains("0 of 23 on time", Html.TextOf(section, "adherence"));
    }

    [Fact]
    public async Task The_assignment_page_opens_on_the_latest_items_and_reaches_every_step_a_page_at_a_time()
    {
        await using var history = await DailyHistoryAsync();
        using var counselor = await Browser.SignedInAsync(history.App, history.World.CounselorEmail);
        var url = $"/counselor/homework/{history.AssignmentId}";

        var latest = await counselor.PageAsync(url);
        Assert.Equal([21, 22, 23, 24, 25], StepsOnPage(latest));
        Assert.Contains("Items 21 to 25 of 25", Text(latest));
        Assert.Contains($"""<a href="{url}?p=2">Earlier items</a>""", latest);

        var every = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            every.AddRange(StepsOnPage(await counselor.PageAsync($"{url}?p={page}")));
        }
        Assert.Equal(Enumerable.Range(1, Days), every);

        // Reached by an item's id, the page with that item; feedback written there comes back to it.
        var first = await counselor.PageAsync($"/counselor/homework/{history.Items[2]}");
        Assert.Equal(Enumerable.Range(1, 10), StepsOnPage(first));
        Assert.Contains("Day 2 words", Html.Section(first, "step-2"));
        var reviewed = await counselor.PostFormAsync($"{url}?p=1",
            new() { ["occurrenceId"] = history.Items[2].ToString(), ["comment"] = "Thank you for day two", ["p"] = "1" }, "?handler=Review");
        await reviewed.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.EndsWith("?p=1", reviewed.Headers.Location!.OriginalString);
        Assert.Contains("Thank you for day two", Html.Section(await counselor.PageAsync($"{url}?p=1"), "step-2"));
    }

    [Fact]
    public async Task The_portal_home_lists_the_first_ten_open_items_and_the_tasks_page_has_every_item_a_page_at_a_time()
    {
        await using var history = await DailyHistoryAsync();
        using var phone = await Browser.SignedInAsync(history.App, history.World.Clients[0].Email);

        var home = Html.Section(await phone.PageAsync("/portal"), "homework");
        Assert.Equal([24], Listed(history, home, "due-soon"));
        Assert.Equal(Enumerable.Range(4, 9), Listed(history, home, "overdue"));
        Assert.Equal([1, 2, 3], Listed(history, home, "done").Order());
        Assert.Contains("See all your tasks (11 more)", Text(home));
        Assert.Contains("""<a href="/portal/homework">""", home);

        var first = await phone.PageAsync("/portal/homework");
        Assert.Equal("Tasks", Html.Title(first));
        Assert.DoesNotContain("<script>", first);
        Assert.Equal([24], Listed(history, first, "due-soon"));
        Assert.Equal(Enumerable.Range(4, 19), Listed(history, first, "overdue"));
        Assert.Empty(Listed(history, first, "done"));
        Assert.Contains("""<a href="/portal/homework?p=2">Next page</a>""", first);
        var second = await phone.PageAsync("/portal/homework?p=2");
        Assert.Equal([23], Listed(history, second, "overdue"));
        Assert.Equal([1, 2, 3], Listed(history, second, "done").Order());
        Assert.Contains("Nothing on this page.", await phone.PageAsync("/portal/homework?p=3"));
        Assert.Contains("Nothing on this page.", await phone.PageAsync($"/portal/homework?p={int.MaxValue}"));
    }

    [Fact]
    public async Task The_api_pages_open_items_soonest_due_first_then_overdue_then_done_without_gaps_or_repeats()
    {
        await using var history = await DailyHistoryAsync();

        var paged = new List<JsonNode>();
        for (var page = 1; page <= 4; page++)
        {
            var part = await (await history.Client.GetAsync($"/api/me/assignments?page={page}&pageSize=7")).ReadJsonAsync();
            Assert.Equal(24, part["total"]!.GetValue<int>());
            paged.AddRange(part["items"]!.AsArray().Select(i => i!));
        }

        Assert.Equal([24, .. Enumerable.Range(4, 20)], paged.Take(21).Select(i => i["sequence"]!.GetValue<int>()));
        Assert.Equal(["Assigned", .. Enumerable.Repeat("Overdue", 20), "Submitted", "Submitted", "Submitted"],
            paged.Select(i => i["state"]!.GetValue<string>()));
        Assert.Equal(24, paged.Select(i => i["id"]!.GetValue<Guid>()).Distinct().Count());
    }

    [Fact]
    public async Task An_item_deep_in_a_long_history_shows_its_own_step_with_what_the_partner_shared_for_it_and_nothing_else()
    {
        await using var history = await DailyHistoryAsync("Couple");
        var quinn = await history.App.SignInAsync(history.World.Clients[1].Email);
        var quinnItems = await StepsAsync(quinn);
        await quinn.SubmitOkAsync(quinnItems[2], HomeworkApi.Answers(history.Exercise, "Quinn on day two"));
        await quinn.SubmitOkAsync(quinnItems[3], HomeworkApi.Answers(history.Exercise, "Quinn on day three"));
        await quinn.PostOkAsync($"/api/assignments/{quinnItems[2]}/share");
        var counselor = await history.App.SignInAsync(history.World.CounselorEmail);
        (await counselor.PostAsJsonAsync($"/api/assignments/{quinnItems[2]}/review", new { comment = "For Quinn only" })).EnsureSuccessStatusCode();
        using var riley = await Browser.SignedInAsync(history.App, history.World.Clients[0].Email);

        var day2 = await riley.PageAsync($"/portal/homework/{history.Items[2]}");
        Assert.Contains("Day 2 words", Html.Section(day2, "my-answers"));
        Assert.Contains("Quinn on day two", day2);
        Assert.DoesNotContain("Quinn on day three", day2);
        Assert.DoesNotContain("For Quinn only", day2);
        var day3 = await riley.PageAsync($"/portal/homework/{history.Items[3]}");
        Assert.Contains("Day 3 words", day3);
        Assert.DoesNotContain("Quinn on", day3);
        await riley.PageAsync($"/portal/homework/{quinnItems[3]}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("For Quinn only", await riley.PageAsync($"/portal/homework/{quinnItems[2]}"));

        // Today's item works without JavaScript: a plain form, saved by posting it, and there on the next visit.
        var today = $"/portal/homework/{history.Items[24]}";
        var open = await riley.PageAsync(today);
        var form = Regex.Match(open, """<form[^>]*id="homework-form"[^>]*>""").Value;
        Assert.Contains("method=\"post\"", form);
        Assert.Contains("handler=Save", form);
        var saved = await riley.PostFormAsync(today,
            new() { [$"answers[{HomeworkApi.PromptId(history.Exercise, "Text")}]"] = "Half of today, on paper" }, "?handler=Save");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Half of today, on paper</textarea>", await riley.PageAsync(today));
    }

    [Fact]
    public async Task The_case_page_lists_twenty_assignments_at_a_time_and_links_to_older_ones()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 21; i++)
        {
            ids.Add((await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>()))["id"]!.GetValue<Guid>());
        }
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var casePage = $"/counselor/cases/{world.CaseId}/homework";

        var first = Html.Section(await counselor.PageAsync(casePage), "homework");
        Assert.DoesNotContain($"/counselor/homework/{ids[0]}\"", first);
        Assert.Contains($"/counselor/homework/{ids[^1]}\"", first);
        Assert.Contains($"""<a href="{casePage}?assignments=2">Older assignments</a>""", first);
        var second = Html.Section(await counselor.PageAsync($"{casePage}?assignments=2"), "homework");
        Assert.Contains($"/counselor/homework/{ids[0]}\"", second);
        Assert.DoesNotContain($"/counselor/homework/{ids[^1]}\"", second);
        Assert.Contains("Page 2 of 2", second);
        var pastTheEnd = Html.Section(await counselor.PageAsync($"{casePage}?assignments={int.MaxValue}"), "homework");
        Assert.Contains($"/counselor/homework/{ids[0]}\"", pastTheEnd);
    }

    [GeneratedRegex("""<section class="card" id="step-(\d+)" """)]
    private static partial Regex StepSection();

    [GeneratedRegex("""<span class="badge">Item (\d+) """)]
    private static partial Regex ItemBadge();

    [GeneratedRegex("href=\"/portal/homework/([0-9a-f-]{36})\"")]
    private static partial Regex ItemLink();
}
