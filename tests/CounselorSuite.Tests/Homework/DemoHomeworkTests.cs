using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Homework;

[Collection("Demo seed")]
public sealed class DemoHomeworkTests
{
    [Fact]
    public async Task The_demo_couple_has_months_of_weekly_homework_one_week_shared_by_riley_and_nothing_by_quinn()
    {
        var app = await TestApp.SharedAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        }
        using var sam = await app.SignInAsync("sam.counselor@demo.counselorsuite.test", DemoSeeder.Password);
        var cases = (await (await sam.GetAsync("/api/cases")).ReadJsonAsync())["items"]!.AsArray();
        var couple = cases.Single(c => c!["kind"]!.GetValue<string>() == "Couple")!["id"]!.GetValue<Guid>();
        var assignments = (await (await sam.GetAsync($"/api/cases/{couple}/assignments")).ReadJsonAsync())["items"]!.AsArray();
        // The homework demo adds two assignments; the progress demo adds its weekly check-in measure.
        Assert.True(assignments.Count >= 2);
        var meeting = assignments.Single(a => a!["joint"]!.GetValue<bool>())!;
        Assert.All(meeting["clients"]!.AsArray(), c => Assert.Equal(15, c!["occurrences"]!.AsArray().Count));
        Assert.Contains(meeting["clients"]!.AsArray(), c => c!["adherence"]!["share"]!.GetValue<double>() is > 0.5 and < 1);

        using var riley = await app.SignInAsync("riley@demo.counselorsuite.test", DemoSeeder.Password);
        using var quinn = await app.SignInAsync("quinn@demo.counselorsuite.test", DemoSeeder.Password);
        var rileyItems = await riley.MyItemsAsync();
        var quinnItems = await quinn.MyItemsAsync();
        Assert.Contains(rileyItems, i => i["state"]!.GetValue<string>() is "Assigned" or "InProgress" && i["available"]!.GetValue<bool>());
        var shared = Assert.Single(rileyItems, i => i["shared"]!.GetValue<bool>());
        Assert.DoesNotContain(quinnItems, i => i["shared"]!.GetValue<bool>());
        await quinn.DetailAsync(shared["id"]!.GetValue<Guid>());
        var quinnDone = quinnItems.First(i => i["state"]!.GetValue<string>() is "Submitted" or "Reviewed")["id"]!.GetValue<Guid>();
        await riley.DetailAsync(quinnDone, HttpStatusCode.NotFound);

        var practice = (await (await sam.GetAsync("/api/me")).ReadJsonAsync())["practiceId"]!.GetValue<Guid>();
        Assert.True(await HomeworkApi.CountAsync(app, practice, "SELECT count(*) FROM scale_answers WHERE dimension IS NOT NULL") > 80);
        Assert.True(await HomeworkApi.CountAsync(app, practice,
            "SELECT extract(day FROM max(answered_at) - min(answered_at))::bigint FROM scale_answers") >= 60);
        Assert.Equal(0, (await (await sam.GetAsync("/api/safety-alerts?status=Open")).ReadJsonAsync())["total"]!.GetValue<int>());
    }
}
