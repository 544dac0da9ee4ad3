using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Sessions;

/// <summary>Set-up steps for the sessions, notes, audit and data-rights tests, spoken through the API.</summary>
public static class SessionApi
{
    /// <summary>A time on a whole hour some days ahead, so tests don't collide with "now".</summary>
    public static DateTimeOffset DaysAhead(int days, int hour = 10) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    public static async Task<Guid> BookAsync(this HttpClient counselor, Guid caseId, DateTimeOffset startsAt, int minutes = 50,
        IEnumerable<Guid>? clientIds = null, bool allowConflict = false)
    {
        var response = await counselor.PostAsJsonAsync($"/api/cases/{caseId}/sessions",
            new { startsAt, durationMinutes = minutes, clientIds, allowConflict, location = "Room 2" });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> WriteNoteAsync(this HttpClient counselor, Guid sessionId, object body, string template = "DAP")
    {
        var response = await counselor.PostAsJsonAsync($"/api/sessions/{sessionId}/notes", new { template, body });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task SignAsync(this HttpClient counselor, Guid noteId) =>
        await (await counselor.PostAsync($"/api/notes/{noteId}/sign", null)).EnsureStatusAsync(HttpStatusCode.OK);

    public static async Task<JsonArray> AuditAsync(this HttpClient admin, string query)
    {
        var response = await admin.GetAsync("/api/audit?pageSize=100&" + query);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    public static IEnumerable<string> Actions(this JsonArray records) => records.Select(r => r!["action"]!.GetValue<string>());

    public static async Task<HttpClient> SecondCounselorOnCaseAsync(this TestApp app, PracticeWorld world)
    {
        var (id, email) = await app.InviteAndAcceptAsync(world.Admin, "Counselor", displayName: "Second Counselor");
        var add = await world.Admin.PostAsJsonAsync($"/api/cases/{world.CaseId}/counselors", new { counselorId = id });
        await add.EnsureStatusAsync(HttpStatusCode.NoContent);
        return await app.SignInAsync(email);
    }
}
