using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>
/// A practice with a counselor and a couple case whose partners, Riley and Sam, have accepted their
/// invitations: set up through the API, since journeys 1 and 2 walk that way through the pages already.
/// </summary>
public sealed record CoupleWorld(string CounselorEmail, Guid CaseId, string Riley, string Sam)
{
    public static async Task<CoupleWorld> CreateAsync(TestApp app, string title = "R. and S.", string? timeZone = null)
    {
        var practice = await app.RegisterPracticeAsync(timeZone: timeZone);
        using var admin = await app.SignInAsync(practice.Email);
        var (_, counselorEmail) = await app.InviteAndAcceptAsync(admin, "Counselor", displayName: "Alex Counselor");
        using var counselor = await app.SignInAsync(counselorEmail);
        var created = await counselor.PostAsJsonAsync("/api/cases", new { title, kind = "Couple" });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var caseId = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var (_, riley) = await app.InviteAndAcceptAsync(counselor, "Client", caseId, "Riley");
        var (_, sam) = await app.InviteAndAcceptAsync(counselor, "Client", caseId, "Sam");
        return new CoupleWorld(counselorEmail, caseId, riley, sam);
    }

    public string CaseUrl => $"/counselor/cases/{CaseId}";

    /// <summary>A section of the case page: "homework", "progress", "sessions", "handouts" or "settings".</summary>
    public string SectionUrl(string section) => $"{CaseUrl}/{section}";
}
