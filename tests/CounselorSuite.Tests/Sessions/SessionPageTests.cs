using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Sessions;

public sealed class SessionPageTests
{
    [Fact]
    public async Task The_counselor_sees_their_sessions_in_the_week_and_month_views()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var startsAt = SessionApi.DaysAhead(2, 14);
        var id = await world.Counselor.BookAsync(world.CaseId, startsAt);
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var week = await page.GetStringAsync($"/counselor/calendar?date={startsAt:yyyy-MM-dd}");
        var month = await page.GetStringAsync($"/counselor/calendar?view=month&date={startsAt:yyyy-MM-dd}");

        foreach (var html in new[] { week, month })
        {
            Assert.Contains($"href=\"/counselor/sessions/{id}\"", html);
        }
        // The practice is in UTC, written in en-US.
        Assert.Contains(">2:00–2:50 pm</time></strong>", week);
        Assert.Contains(">2:00 pm</time></strong> A case", month);
        Assert.Contains("Month view", week);
        Assert.Contains("Week view", month);
        var other = await app.CreateWorldAsync();
        using var otherPage = await app.CookieSignInAsync(other.CounselorEmail);
        Assert.DoesNotContain(id.ToString(), await otherPage.GetStringAsync($"/counselor/calendar?date={startsAt:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task The_booking_form_warns_of_a_double_booking_and_offers_to_book_anyway()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var startsAt = SessionApi.DaysAhead(4, 9);
        await world.Counselor.BookAsync(world.CaseId, startsAt, minutes: 60);
        using var page = await app.CookieSignInAsync(world.CounselorEmail);
        var url = $"/counselor/sessions/book/{world.CaseId}";
        var token = await PageTestApp.FormTokenAsync(page, url);
        var fields = new Dictionary<string, string>
        {
            ["Form.StartsAt"] = startsAt.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm"),
            ["Form.DurationMinutes"] = "50",
            ["__RequestVerificationToken"] = token,
        };

        var warned = await page.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Contains("This overlaps another session", html);
        Assert.Contains("Book anyway", html);

        fields["Form.AllowConflict"] = "true";
        var booked = await page.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        // Back to the case's sessions, where the new one is listed, with what happened.
        Assert.StartsWith($"/counselor/cases/{world.CaseId}/sessions", booked.Headers.Location!.OriginalString);
        Assert.Equal(2, (await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/sessions")).ReadJsonAsync())["total"]!.GetValue<int>());

        fields["Form.DurationMinutes"] = "0";
        var bad = await page.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Duration must be more than zero minutes.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Clients_see_their_upcoming_appointments_in_the_portal()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var startsAt = SessionApi.DaysAhead(3, 16);
        await world.Counselor.BookAsync(world.CaseId, startsAt);
        using var client = await app.CookieSignInAsync(world.Clients[0].Email);
        using var counselor = await app.CookieSignInAsync(world.CounselorEmail);

        var html = await client.GetStringAsync("/portal/sessions");

        Assert.Contains($"{startsAt.UtcDateTime:ddd d MMM}, 4:00–4:50 pm", html);
        Assert.Contains("Room 2", html);
        Assert.DoesNotContain("note", html.Replace("notice", ""), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, (await counselor.GetAsync("/portal/sessions")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/counselor/calendar")).StatusCode);
    }
}

public sealed class CaseSessionsSectionTests
{
    [Fact]
    public async Task The_case_page_lists_upcoming_and_past_sessions_and_offers_booking()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var upcoming = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(3, 10));
        var past = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-2, 10));
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var html = await browser.PageAsync($"/counselor/cases/{world.CaseId}/sessions");

        var section = html[html.IndexOf("id=\"sessions\"", StringComparison.Ordinal)..];
        Assert.True(section.IndexOf($"/counselor/sessions/{upcoming}", StringComparison.Ordinal) < section.IndexOf("<h3>Past</h3>", StringComparison.Ordinal));
        Assert.True(section.IndexOf($"/counselor/sessions/{past}", StringComparison.Ordinal) > section.IndexOf("<h3>Past</h3>", StringComparison.Ordinal));
        Assert.Contains($"action=\"/counselor/sessions/book/{world.CaseId}\"", section);
    }
}
