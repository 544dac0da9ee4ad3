using System.Net;
using System.Net.Http.Json;
using System.Text;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;
using Npgsql;

namespace CounselorSuite.Tests.Notes;

public sealed class NoteTests
{
    private static object Dap(string data) => new { data, assessment = "Engaged, calmer than last week.", plan = "Repeat the check-in exercise." };

    [Fact]
    public async Task A_counselor_drafts_saves_and_signs_a_DAP_note_and_then_it_never_changes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));

        var created = await world.Counselor.PostAsJsonAsync($"/api/sessions/{session}/notes", new { template = "DAP", body = new { data = "First words" } });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var createdBody = await created.ReadJsonAsync();
        Assert.Equal("Draft", createdBody["state"]!.GetValue<string>());
        var id = createdBody["id"]!.GetValue<Guid>();

        var saved = await world.Counselor.PutAsJsonAsync($"/api/notes/{id}", new { body = Dap("Both partners arrived on time.") });
        await saved.EnsureStatusAsync(HttpStatusCode.OK);
        await world.Counselor.SignAsync(id);

        var locked = await world.Counselor.PutAsJsonAsync($"/api/notes/{id}", new { body = Dap("Rewritten history") });
        await locked.EnsureStatusAsync(HttpStatusCode.Conflict);
        var note = await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync();
        Assert.Equal("Signed", note["state"]!.GetValue<string>());
        Assert.Equal("Both partners arrived on time.", note["body"]!["data"]!.GetValue<string>());
        Assert.Equal("Repeat the check-in exercise.", note["body"]!["plan"]!.GetValue<string>());
        Assert.Equal(world.CounselorId, note["signedBy"]!.GetValue<Guid>());
        Assert.Equal(session, note["sessionId"]!.GetValue<Guid>());

        // Signing again changes nothing.
        var signedAt = note["signedAt"]!.GetValue<DateTimeOffset>();
        var again = await world.Counselor.PostAsync($"/api/notes/{id}/sign", null);
        await again.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(signedAt, (await again.ReadJsonAsync())["signedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Addenda_keep_their_own_author_and_time_and_are_only_for_signed_notes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var colleague = await app.SecondCounselorOnCaseAsync(world);
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-2));
        var id = await world.Counselor.WriteNoteAsync(session, Dap("Client described the week."));

        var onDraft = await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = "Too early" });
        await onDraft.EnsureStatusAsync(HttpStatusCode.Conflict);
        await world.Counselor.SignAsync(id);
        var empty = await colleague.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = "  " });
        await empty.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var added = await colleague.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = "Correction: the session was 40 minutes." });

        await added.EnsureStatusAsync(HttpStatusCode.Created);
        var note = await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync();
        var addendum = Assert.Single(note["addenda"]!.AsArray())!;
        Assert.Equal("Correction: the session was 40 minutes.", addendum["text"]!.GetValue<string>());
        Assert.NotEqual(world.CounselorId, addendum["authorId"]!.GetValue<Guid>());
        Assert.True(addendum["createdAt"]!.GetValue<DateTimeOffset>() >= note["signedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Client described the week.", note["body"]!["data"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"template":"Poem","body":{"text":"x"}}""", "template")]
    [InlineData("""{"template":"DAP","body":{"mood":"x"}}""", "body.mood")]
    [InlineData("""{"template":"SOAP","body":{"subjective":42}}""", "body.subjective")]
    [InlineData("""{"template":"DAP","body":[1,2]}""", "body")]
    public async Task A_bad_note_is_refused_naming_the_field(string json, string field)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));

        var response = await world.Counselor.PostAsync($"/api/sessions/{session}/notes", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
        Assert.Empty(await (await world.Counselor.GetAsync($"/api/cases/{world.CaseId}/notes")).Content.ReadFromJsonAsync<List<object>>() ?? []);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_does_not_overwrite_newer_text()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var id = await world.Counselor.WriteNoteAsync(session, new { text = "v1" }, "Free");

        await (await world.Counselor.PutAsJsonAsync($"/api/notes/{id}", new { body = new { text = "v2" }, version = 1 })).EnsureStatusAsync(HttpStatusCode.OK);
        var stale = await world.Counselor.PutAsJsonAsync($"/api/notes/{id}", new { body = new { text = "old tab" }, version = 1 });

        await stale.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("v2", (await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync())["body"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_note_route_is_reachable_by_a_client_not_even_to_learn_that_a_note_exists()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var id = await world.Counselor.WriteNoteAsync(session, Dap("Sensitive observation"));
        await world.Counselor.SignAsync(id);
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/release", new { clientIds = new[] { world.Clients[0].Id } }))
            .EnsureStatusAsync(HttpStatusCode.OK);

        foreach (var (clientId, _, client) in world.Clients)
        {
            var answers = new[]
            {
                await client.PostAsJsonAsync($"/api/sessions/{session}/notes", new { template = "Free", body = "x" }),
                await client.PostAsJsonAsync($"/api/cases/{world.CaseId}/notes", new { template = "Free", body = "x" }),
                await client.GetAsync($"/api/cases/{world.CaseId}/notes"),
                await client.GetAsync($"/api/notes/{id}"),
                await client.PutAsJsonAsync($"/api/notes/{id}", new { body = Dap("x") }),
                await client.PostAsync($"/api/notes/{id}/sign", null),
                await client.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = "x" }),
                await client.PostAsJsonAsync($"/api/notes/{id}/release", new { clientIds = new[] { clientId } }),
            };
            foreach (var answer in answers)
            {
                await answer.EnsureStatusAsync(HttpStatusCode.NotFound);
                Assert.DoesNotContain("Sensitive", await answer.Content.ReadAsStringAsync());
            }
        }
        var note = await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync();
        Assert.Empty(note["addenda"]!.AsArray());
        Assert.Single(note["releasedTo"]!.AsArray());
    }

    [Fact]
    public async Task Admins_read_notes_only_where_the_practice_allows_it_and_never_write_them()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var id = await world.Counselor.WriteNoteAsync(session, Dap("Counselor's eyes only"));

        await (await world.Admin.GetAsync($"/api/notes/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await world.Admin.GetAsync($"/api/cases/{world.CaseId}/notes")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.False((await (await world.Admin.GetAsync("/api/practice/records-policy")).ReadJsonAsync())["adminsMayReadNotes"]!.GetValue<bool>());

        await (await world.Admin.PutAsJsonAsync("/api/practice/records-policy", new { adminsMayReadNotes = true })).EnsureStatusAsync(HttpStatusCode.OK);

        var read = await world.Admin.GetAsync($"/api/notes/{id}");
        await read.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Counselor's eyes only", (await read.ReadJsonAsync())["body"]!["data"]!.GetValue<string>());
        Assert.Single(await (await world.Admin.GetAsync($"/api/cases/{world.CaseId}/notes")).Content.ReadFromJsonAsync<List<object>>() ?? []);
        await (await world.Admin.PutAsJsonAsync($"/api/notes/{id}", new { body = Dap("admin edit") })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Admin.PostAsync($"/api/notes/{id}/sign", null)).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await world.Counselor.PutAsJsonAsync("/api/practice/records-policy", new { adminsMayReadNotes = false })).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_practice_and_a_colleague_not_on_the_case_get_404_and_nothing_changes()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var id = await world.Counselor.WriteNoteAsync(session, Dap("Original"));
        var other = await app.CreateWorldAsync();
        await (await other.Admin.PutAsJsonAsync("/api/practice/records-policy", new { adminsMayReadNotes = true })).EnsureStatusAsync(HttpStatusCode.OK);
        var (_, colleagueEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");
        var colleague = await app.SignInAsync(colleagueEmail);

        foreach (var stranger in new[] { other.Counselor, other.Admin, colleague })
        {
            await (await stranger.PostAsJsonAsync($"/api/sessions/{session}/notes", new { template = "Free", body = "x" })).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PostAsJsonAsync($"/api/cases/{world.CaseId}/notes", new { template = "Free", body = "x" })).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync($"/api/cases/{world.CaseId}/notes")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync($"/api/notes/{id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PutAsJsonAsync($"/api/notes/{id}", new { body = Dap("Changed") })).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PostAsync($"/api/notes/{id}/sign", null)).EnsureStatusAsync(HttpStatusCode.NotFound);
            await (await stranger.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = "x" })).EnsureStatusAsync(HttpStatusCode.NotFound);
        }
        var note = await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync();
        Assert.Equal("Draft", note["state"]!.GetValue<string>());
        Assert.Equal("Original", note["body"]!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_note_without_a_session_can_be_written_and_released_only_once_signed()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var created = await world.Counselor.PostAsJsonAsync($"/api/cases/{world.CaseId}/notes", new { template = "Free", body = "Phone call about scheduling." });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();

        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/release", new { clientIds = new[] { world.Clients[0].Id } })).EnsureStatusAsync(HttpStatusCode.Conflict);
        await world.Counselor.SignAsync(id);
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/release", new { clientIds = new[] { Guid.NewGuid() } })).EnsureStatusAsync(HttpStatusCode.BadRequest);
        var released = await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/release", new { clientIds = new[] { world.Clients[0].Id } });

        await released.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(world.Clients[0].Id, Assert.Single((await released.ReadJsonAsync())["releasedTo"]!.AsArray())!.GetValue<Guid>());
    }

    [Fact]
    public async Task Note_text_is_stored_encrypted_so_a_database_dump_does_not_reveal_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(-1));
        var marker = "Disclosed-" + Guid.NewGuid().ToString("N")[..12];
        var id = await world.Counselor.WriteNoteAsync(session, Dap(marker + " in the data field"));
        await world.Counselor.SignAsync(id);
        var addendumMarker = "Later-" + Guid.NewGuid().ToString("N")[..12];
        await (await world.Counselor.PostAsJsonAsync($"/api/notes/{id}/addenda", new { text = addendumMarker })).EnsureStatusAsync(HttpStatusCode.Created);

        await using var owner = await app.Database.OpenAsOwnerAsync();
        await using var read = new NpgsqlCommand(
            "SELECT n.protected_body, a.protected_text, n::text || a::text FROM notes n JOIN note_addenda a ON a.practice_id = n.practice_id AND a.note_id = n.id WHERE n.id = @id", owner);
        read.Parameters.AddWithValue("id", id);
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        var body = (byte[])row[0];
        var addendum = (byte[])row[1];
        var wholeRows = row.GetString(2);

        Assert.True(body.Length > 32);
        foreach (var stored in new[] { body, addendum, Encoding.UTF8.GetBytes(wholeRows) })
        {
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(addendumMarker)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("data field")));
        }
        // And the app still reads it back.
        var note = await (await world.Counselor.GetAsync($"/api/notes/{id}")).ReadJsonAsync();
        Assert.StartsWith(marker, note["body"]!["data"]!.GetValue<string>());
    }
}
