using System.Net;
using CounselorSuite.Tests.Accounts;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Audit;

public sealed class TwoFactorAuditTests
{
    [Fact]
    public async Task Turning_two_factor_on_and_off_and_new_recovery_codes_each_show_in_the_admins_audit_trail_without_secrets()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Individual");
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var (key, codes) = await TwoFactorPageTests.EnrolAsync(browser);
        var regenerated = await browser.PostFormAsync("/account/security", new() { ["Password"] = world.Practice.Password }, "?handler=Regenerate");
        await regenerated.EnsureStatusAsync(HttpStatusCode.OK);
        var off = await browser.PostFormAsync("/account/security", new() { ["Password"] = world.Practice.Password }, "?handler=Disable");
        Assert.Contains("Two-factor sign-in is off.", await off.Content.ReadAsStringAsync());

        var records = await world.Admin.AuditAsync($"userId={world.CounselorId}");
        foreach (var action in new[] { "TwoFactorEnabled", "RecoveryCodesRegenerated", "TwoFactorDisabled" })
        {
            var record = Assert.Single(records, r => r!["action"]!.GetValue<string>() == action)!;
            Assert.Equal(world.CounselorId, record["entityId"]!.GetValue<Guid>());
        }
        var raw = records.ToJsonString();
        Assert.DoesNotContain(key.Replace(" ", ""), raw.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(codes[0], raw);
        Assert.DoesNotContain(world.Practice.Password, raw);
    }

    [Fact]
    public async Task A_wrong_password_changes_nothing_and_writes_no_two_factor_record()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Individual");
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);
        await TwoFactorPageTests.EnrolAsync(browser);

        await browser.PostFormAsync("/account/security", new() { ["Password"] = "wrong-password-1" }, "?handler=Regenerate");
        await browser.PostFormAsync("/account/security", new() { ["Password"] = "wrong-password-1" }, "?handler=Disable");

        var actions = (await world.Admin.AuditAsync($"userId={world.CounselorId}")).Actions().ToList();
        Assert.Contains("TwoFactorEnabled", actions);
        Assert.DoesNotContain("RecoveryCodesRegenerated", actions);
        Assert.DoesNotContain("TwoFactorDisabled", actions);
    }
}
