using System.Net;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Foundation;

/// <summary>
/// A request's (or a job's) database work is one unit: one connection, one transaction, the practice bound
/// in it once. This is what lets the same app run on Citus, where only a transaction's setting reaches
/// the workers; on plain PostgreSQL it behaves the same.
/// </summary>
public sealed class UnitOfWorkTests
{
    [Fact]
    public async Task A_page_binds_the_practice_once_however_many_queries_it_sends()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var log = new DbCommandLog();
        await browser.PageAsync($"/counselor/cases/{world.CaseId}"); // warm

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/counselor/cases/{world.CaseId}");
        var (response, trace) = await DbCommandLog.SendTracedAsync(browser.Http, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cost = log.CostOf(trace);
        Assert.True(cost.Statements > 2, $"the case page sent only {cost}");
        // In front of the request's first query, in the same round trip.
        var binding = Assert.Single(cost.Trips, c => c.Contains("app.practice_id", StringComparison.Ordinal));
        Assert.StartsWith("SET LOCAL app.practice_id", binding, StringComparison.Ordinal);
        Assert.True(DbCommandLog.StatementsIn(binding) > 1, $"the binding went alone: {binding}");
    }

    [Fact]
    public async Task Work_that_throws_leaves_nothing_behind()
    {
        var app = await TestApp.SharedAsync();
        var practice = await app.RegisterPracticeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.InPracticeAsync(practice.PracticeId, async (AppDbContext db) =>
        {
            await db.Practices.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Renamed, then undone"));
            throw new InvalidOperationException("fails after writing");
        }));

        var name = await app.InPracticeAsync(practice.PracticeId, (AppDbContext db) => db.Practices.Select(p => p.Name).SingleAsync());
        Assert.NotEqual("Renamed, then undone", name);
    }

    [Fact]
    public async Task A_failed_save_that_is_caught_keeps_the_rest_of_the_work_and_the_practice()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var casesAfterFailure = await app.InPracticeAsync(world.Practice.PracticeId, async (AppDbContext db) =>
        {
            await db.Practices.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Kept despite a failed save"));
            db.CaseClients.Add(new CaseClient { PracticeId = world.Practice.PracticeId, CaseId = world.CaseId, ClientId = world.Clients[0].Id });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync()); // already in the case
            db.ChangeTracker.Clear();
            return await db.Cases.CountAsync();
        });

        Assert.Equal(1, casesAfterFailure);
        Assert.Equal("Kept despite a failed save",
            await app.InPracticeAsync(world.Practice.PracticeId, (AppDbContext db) => db.Practices.Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_practice_set_late_applies_to_the_commands_after_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        var (before, after) = await app.InPracticeAsync(null, async (IServiceProvider services) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var none = await db.AcrossPractices<Case>().CountAsync();
            services.GetRequiredService<TenantContext>().Set(world.Practice.PracticeId); // as sign-in does
            return (none, await db.Cases.CountAsync());
        });

        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task Outside_a_unit_of_work_a_command_sees_no_tenant_rows_even_with_a_practice_set()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(world.Practice.PracticeId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // As on Citus, where a session setting never reaches the workers: tenant work needs its transaction.
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
