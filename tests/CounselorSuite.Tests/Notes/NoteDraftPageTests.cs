using System.Net;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Notes;

public sealed class NoteDraftPageTests
{
    [Fact]
    public async Task The_note_header_shows_the_session_s_date_time_and_attendees()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync("Couple");
        var startsAt = SessionApi.DaysAhead(-2, 9);
        var session = await world.Counselor.BookAsync(world.CaseId, startsAt, minutes: 50);
        var noteId = await world.Counselor.WriteNoteAsync(session, new { data = "Talked" });
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var html = await page.GetStringAsync($"/counselor/notes/{noteId}");

        var header = html[html.IndexOf("id=\"note-session\"", StringComparison.Ordinal)..];
        header = header[..header.IndexOf("</div>", StringComparison.Ordinal)];
        // The practice is in UTC and writes times as in the US; the header reads as every other page does.
        var reader = new CounselorSuite.Web.Infrastructure.Time.TimeSettings(null, "UTC", "en-US").At(NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.UtcNow));
        Assert.Contains($">{reader.Range(startsAt, startsAt.AddMinutes(50))}</time>", header);
        Assert.DoesNotContain("UTC", header);
        Assert.Contains("Attending: Client Person, Client Person", header);
        Assert.Contains($"href=\"/counselor/sessions/{session}\"", header);
        Assert.Contains("DAP note", html);
    }

    [Fact]
    public async Task A_draft_note_can_be_deleted_after_a_confirmation_and_a_signed_one_never()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var draft = await world.Counselor.WriteNoteAsync(session, new { data = "Started on the wrong session" });
        var signed = await world.Counselor.WriteNoteAsync(session, new { data = "Kept for good" });
        await world.Counselor.SignAsync(signed);
        using var page = await app.CookieSignInAsync(world.CounselorEmail);

        var draftPage = await page.GetStringAsync($"/counselor/notes/{draft}");
        Assert.Contains("<summary>Delete this draft…</summary>", draftPage);
        Assert.DoesNotContain("Delete this draft", await page.GetStringAsync($"/counselor/notes/{signed}"));
        var token = await PageTestApp.FormTokenAsync(page, $"/counselor/notes/{draft}");

        var deleted = await page.PostAsync($"/counselor/notes/{draft}?handler=Delete", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"/counselor/sessions/{session}", deleted.Headers.Location!.OriginalString);
        Assert.Contains("Draft note deleted.", await page.GetStringAsync(deleted.Headers.Location.OriginalString));
        var refused = await page.PostAsync($"/counselor/notes/{signed}?handler=Delete", Form(token));

        await (await world.Counselor.GetAsync($"/api/notes/{draft}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("cannot be deleted", await refused.Content.ReadAsStringAsync());
        await (await world.Counselor.GetAsync($"/api/notes/{signed}")).EnsureStatusAsync(HttpStatusCode.OK);
        var trail = await world.Admin.AuditAsync($"entityId={draft}");
        Assert.Contains("NoteDeleted", trail.Actions());

        // Another practice's counselor gets a 404, and the note stays.
        var other = await app.CreateWorldAsync();
        using var stranger = await app.CookieSignInAsync(other.CounselorEmail);
        var strangerToken = await PageTestApp.FormTokenAsync(stranger, "/counselor/calendar");  // the sign-out form's token
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/counselor/notes/{signed}?handler=Delete", Form(strangerToken))).StatusCode);
    }

    [Fact]
    public async Task Notes_and_homework_autosave_with_one_shared_script()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var item = await world.Clients[0].Client.OnlyItemIdAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var note = await world.Counselor.WriteNoteAsync(session, new { data = "Draft" });
        using var counselor = await app.CookieSignInAsync(world.CounselorEmail);
        using var client = await app.CookieSignInAsync(world.Clients[0].Email);

        var notePage = await counselor.GetStringAsync($"/counselor/notes/{note}");
        var homeworkPage = await client.GetStringAsync($"/portal/homework/{item}");

        Assert.Contains("src=\"/js/autosave.js", notePage);
        Assert.Contains("src=\"/js/autosave.js", homeworkPage);
        Assert.Contains("data-autosave-version=\"draftVersion\"", homeworkPage);
        var script = await client.GetStringAsync("/js/autosave.js");
        Assert.Contains("data-autosave-version", script);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/js/note-autosave.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/js/homework-autosave.js")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
}
