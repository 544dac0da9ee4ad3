using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Tests.Sessions;

namespace CounselorSuite.Tests.Audit;

public sealed class AuditPageTests
{
    [Fact]
    public async Task The_admin_filters_the_trail_on_a_page_and_downloads_it_as_csv()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        var session = await world.Counselor.BookAsync(world.CaseId, SessionApi.DaysAhead(2));
        using var admin = await app.CookieSignInAsync(world.Practice.Email);
        using var counselor = await app.CookieSignInAsync(world.CounselorEmail);

        var html = await admin.GetStringAsync($"/admin/audit?actionName=SessionCreated&clientId={world.Clients[0].Id}");
        var csv = await admin.GetAsync("/admin/audit?handler=Csv&actionName=SessionCreated");

        Assert.Contains("<p>1 record</p>", html);
        Assert.Contains("<td>booked a session</td>", html);
        Assert.Contains("Client Person", html);
        await csv.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains(session.ToString(), await csv.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await counselor.GetAsync("/admin/audit")).StatusCode);
    }
}
