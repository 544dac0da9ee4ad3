using System.Net;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

public sealed class AdminPageTests
{
    internal static Dictionary<string, string> Settings(string name = "Settings Practice", string quickExit = "https://www.example.org/weather",
        string minutes = "15", string help = "", string accent = "#2f6f73", string contact = "", bool requireTwoFactor = false,
        string portalName = "", string portalFooter = "") => new()
        {
            ["Settings.Name"] = name, ["Settings.RequireStaffTwoFactor"] = requireTwoFactor ? "true" : "false", ["Settings.QuickExitUrl"] = quickExit,
            ["Settings.PortalInactivityMinutes"] = minutes, ["Settings.HelpResources"] = help, ["Settings.AccentColor"] = accent, ["Settings.ContactLine"] = contact,
            ["Settings.PortalName"] = portalName, ["Settings.PortalFooter"] = portalFooter,
        };

    [Fact]
    public async Task Only_the_admin_opens_the_practice_page()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var anonymous = new Browser(app);

        var asCounselor = await counselor.GetAsync("/admin");
        var asClient = await client.GetAsync("/admin");
        var asNobody = await anonymous.GetAsync("/admin");
        var settingsByCounselor = await counselor.PostFormAsync("/counselor", Settings(name: "Hijacked"), "/admin?handler=Settings");

        await asCounselor.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("No access", await asCounselor.Content.ReadAsStringAsync());
        await asClient.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.StartsWith("/account/login", asNobody.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        await settingsByCounselor.EnsureStatusAsync(HttpStatusCode.Forbidden);
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        Assert.DoesNotContain("Hijacked", await admin.PageAsync("/admin"));
    }

    [Fact]
    public async Task The_admin_sees_counselors_with_their_case_counts_and_invites_one()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        var page = await admin.PageAsync("/admin");
        Assert.Matches("<td>Counselor Person</td>\\s*<td[^>]*>[^<]+</td>\\s*<td>Counselor</td>\\s*<td>1</td>", page);

        var invited = await admin.PostFormAsync("/admin", new() { ["Invite.DisplayName"] = "New Colleague", ["Invite.Email"] = ApiClient.UniqueEmail("colleague") }, "?handler=Invite");
        var html = await invited.Content.ReadAsStringAsync();

        Assert.Contains("/invitations/accept?token=", Html.ValueOf(html, "accept-link"));
        Assert.Contains("New Colleague", Html.Section(html, "invitations"));
    }

    [Theory]
    [InlineData("http://www.example.org/", "15", "#2f6f73", "Enter a full https:// address")]
    [InlineData("javascript:alert(1)", "15", "#2f6f73", "Enter a full https:// address")]
    [InlineData("https://www.example.org/", "3", "#2f6f73", "Choose between 5 and 120 minutes.")]
    [InlineData("https://www.example.org/", "121", "#2f6f73", "Choose between 5 and 120 minutes.")]
    [InlineData("https://www.example.org/", "15", "red", "Enter a colour as #")]
    [InlineData("https://www.example.org/", "15", "#ffff00", "This colour is too light")]
    public async Task Bad_settings_are_explained_and_nothing_changes(string quickExit, string minutes, string accent, string message)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        var response = await admin.PostFormAsync("/admin", Settings(name: "Changed Name", quickExit: quickExit, minutes: minutes, accent: accent), "?handler=Settings");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Test Practice</h1>", await admin.PageAsync("/admin"));
    }

    [Fact]
    public async Task Saved_settings_reach_the_portal_and_the_theme()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var saved = await admin.PostFormAsync("/admin", Settings(name: "Renamed Practice", quickExit: "https://news.example.org/today",
            minutes: "30", accent: "#1A4D2E", contact: "Renamed Practice, 1 Mill Lane", portalName: "Riverside portal",
            portalFooter: "Call us: 555 0100"), "?handler=Settings");

        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        var portal = await client.PageAsync("/portal");
        Assert.Contains("href=\"https://news.example.org/today\"", portal);
        Assert.Contains("data-idle-minutes=\"30\"", portal);
        Assert.Contains("<span class=\"brand\">Riverside portal</span>", portal);
        Assert.Equal("Call us: 555 0100", Html.TextOf(portal, "portal-footer"));
        // The contact line (with the practice's name and street) is for handouts, not for a screen someone may see.
        Assert.DoesNotContain("Mill Lane", portal);
        Assert.DoesNotContain("Renamed Practice", portal);
        Assert.Contains("--accent: #1a4d2e", await client.PageAsync("/theme.css"));
        Assert.Contains("<h1>Renamed Practice</h1>", await admin.PageAsync("/admin"));
    }
}
