using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Time;

/// <summary>The practice's zone and locale, and each person's own zone, as people set them.</summary>
public sealed class TimeSettingsPageTests
{
    private static Task<PracticeAccount> RegisterInAsync(TestApp app, string zone, string locale = "en-US") =>
        app.RegisterPracticeAsync("Zone Practice", zone, locale);

    [Fact]
    public async Task A_practice_registered_through_the_api_keeps_its_zone_and_an_unknown_zone_is_refused()
    {
        var app = await TestApp.SharedAsync();
        var practice = await RegisterInAsync(app, "Asia/Calcutta"); // a browser's old name for Asia/Kolkata
        using var admin = await Browser.SignedInAsync(app, practice.Email);
        Assert.Contains("Asia/Kolkata (IST)", Html.Section(await admin.PageAsync("/account/security"), "time-zone"));

        using var client = app.CreateClient();
        var bad = await client.PostAsJsonAsync("/api/auth/register-practice", new
        {
            practiceName = "P", adminEmail = ApiClient.UniqueEmail("admin"), adminDisplayName = "A",
            timeZone = "Mars/Olympus", locale = "xx-XX",
        });
        await bad.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await bad.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("timeZone"));
        Assert.True(errors.ContainsKey("locale"));
    }

    [Fact]
    public async Task A_person_chooses_their_own_zone_and_can_go_back_to_the_practices()
    {
        var app = await TestApp.SharedAsync();
        var practice = await RegisterInAsync(app, "America/Chicago");
        using var admin = await Browser.SignedInAsync(app, practice.Email);

        var security = await admin.PageAsync("/account/security");
        Assert.Contains("America/Chicago (C", Html.Section(security, "time-zone"));
        Assert.Contains("Same as the practice: America/Chicago", security);

        var saved = await admin.PostFormAsync("/account/security", new() { ["TimeZone"] = "Asia/Kolkata" }, "/account/timezone");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        var after = await admin.PageAsync("/account/security");
        Assert.Contains("Times are now shown in Asia/Kolkata time.", after);
        Assert.Contains("Asia/Kolkata (IST)", Html.Section(after, "time-zone"));

        await (await admin.PostFormAsync("/account/security", new() { ["TimeZone"] = "" }, "/account/timezone")).EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("America/Chicago (C", Html.Section(await admin.PageAsync("/account/security"), "time-zone"));

        await (await admin.PostFormAsync("/account/security", new() { ["TimeZone"] = "Nowhere/Else" }, "/account/timezone")).EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Choose a time zone from the list", Html.Section(await admin.PageAsync("/account/security"), "time-zone"));
    }

    [Fact]
    public async Task An_admin_changes_the_practices_zone_and_people_following_it_read_the_new_one_at_once()
    {
        var app = await TestApp.SharedAsync();
        var practice = await RegisterInAsync(app, "America/Chicago");
        using var admin = await Browser.SignedInAsync(app, practice.Email);
        Assert.Contains("America/Chicago", Html.Section(await admin.PageAsync("/account/security"), "time-zone"));

        var saved = await admin.PostFormAsync("/admin/time", new() { ["TimeZone"] = "Europe/Berlin", ["Locale"] = "de-DE" });
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Europe/Berlin (CE", Html.Section(await admin.PageAsync("/account/security"), "time-zone"));

        var refused = await admin.PostFormAsync("/admin/time", new() { ["TimeZone"] = "Nowhere", ["Locale"] = "de-DE" });
        await refused.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Choose a time zone from the list", await refused.Content.ReadAsStringAsync());
    }
}
