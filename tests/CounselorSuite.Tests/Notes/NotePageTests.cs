using System.Net;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Notes;

public sealed class NotePageTests
{
    [Fact]
    public async Task A_note_is_started_from_the_session_autosaved_as_typed_and_saved_without_javascript()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        using var page = await app.CookieSignInAsync(world.CounselorEmail);
        var sessionUrl = $"/counselor/sessions/{session}";
        var started = await page.PostAsync(sessionUrl + "?handler=Note", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["template"] = "DAP",
            ["__RequestVerificationToken"] = await PageTestApp.FormTokenAsync(page, sessionUrl),
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var noteUrl = started.Headers.Location!.OriginalString;
        var noteId = Guid.Parse(noteUrl.Split('/').Last());
        var editor = await page.GetStringAsync(noteUrl);
        Assert.Contains("/js/autosave.js", editor);
        Assert.Contains("data-autosave=", editor);
        var token = await PageTestApp.FormTokenAsync(page, noteUrl);

        var autosaved = await page.PostAsync(noteUrl + "?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = "1", ["body.data"] = "Typed so far", ["__RequestVerificationToken"] = token,
        }));
        await autosaved.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, JsonNode.Parse(await autosaved.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());

        var forged = await page.PostAsync(noteUrl + "?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = "2", ["body.data"] = "Forged",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var saved = await page.PostAsync(noteUrl + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = "2", ["body.data"] = "Typed and saved", ["body.plan"] = "Next week", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var note = await (await world.Counselor.GetAsync($"/api/notes/{noteId}")).ReadJsonAsync();
        Assert.Equal("Typed and saved", note["body"]!["data"]!.GetValue<string>());
        Assert.Equal("Next week", note["body"]!["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_cannot_open_a_note_page()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var noteId = await world.Counselor.WriteNoteAsync(session, new { data = "Not for clients" });
        using var client = await app.CookieSignInAsync(world.Clients[0].Email);

        var response = await client.GetAsync($"/counselor/notes/{noteId}");

        // Counselor pages are a place a client may never go: 403, and nothing of the note.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Not for clients", await response.Content.ReadAsStringAsync());
    }
}
