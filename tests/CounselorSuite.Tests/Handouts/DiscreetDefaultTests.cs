using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Pages;

namespace CounselorSuite.Tests.Handouts;

/// <summary>A practice whose clients may be watched makes discreet handouts the default.</summary>
public sealed class DiscreetDefaultTests
{
    [Fact]
    public async Task When_the_admin_makes_discreet_the_default_new_handouts_are_discreet_unless_the_counselor_says_otherwise()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Morning walk", "Walk around the block.");
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var formUrl = $"/counselor/cases/{world.CaseId}/handouts/new";
        Assert.False(DiscreetTicked(await counselor.PageAsync(formUrl)));
        var before = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false });
        Assert.False(before["handouts"]![0]!["discreet"]!.GetValue<bool>());

        var settings = AdminPageTests.Settings();
        settings["Settings.HandoutsDiscreetByDefault"] = "true";
        await (await admin.PostFormAsync("/admin", settings, "?handler=Settings")).EnsureStatusAsync(HttpStatusCode.Redirect);

        Assert.Contains("checked", Regex.Match(await admin.PageAsync("/admin"), "<input[^>]*Settings.HandoutsDiscreetByDefault[^>]*>").Value);
        Assert.True(DiscreetTicked(await counselor.PageAsync(formUrl)));
        var byDefault = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false });
        var chosen = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false });
        Assert.True(byDefault["handouts"]![0]!["discreet"]!.GetValue<bool>());
        Assert.False(chosen["handouts"]![0]!["discreet"]!.GetValue<bool>());
    }

    private static bool DiscreetTicked(string html) =>
        Regex.Match(html, "<input[^>]*name=\"Form.Discreet\"[^>]*>").Value.Contains("checked", StringComparison.Ordinal);
}
