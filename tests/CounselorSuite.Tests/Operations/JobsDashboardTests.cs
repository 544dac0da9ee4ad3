using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Operations;

public sealed class JobsDashboardTests
{
    private const string OperatorPassword = "operator-secret-0123456789";

    [Fact]
    public async Task Without_operator_configuration_there_is_no_jobs_dashboard_even_for_a_practice_admin()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await app.CookieSignInAsync(world.Practice.Email);

        var response = await admin.GetAsync("/ops/jobs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_only_with_the_operators_credentials()
    {
        await using var app = new TestApp(await TestDatabase.GetAsync(), settings: new()
        {
            ["Operator:UserName"] = "operator",
            ["Operator:Password"] = OperatorPassword,
        });
        using var client = app.CreateClient();

        var anonymous = await client.GetAsync("/ops/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/ops/jobs");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:guess")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/ops/jobs");
        right.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + OperatorPassword)));
        var opened = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Hangfire", await opened.Content.ReadAsStringAsync());
    }
}
