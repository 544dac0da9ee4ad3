using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounselorSuite.Tests.Audit;

/// <summary>
/// The record of a read is written in the request's own transaction, in front of its next command (no round trip,
/// savepoint or commit of its own): committed with the request, so a shown page always has its record, and rolled
/// back with a request that fails, which showed nothing (docs/decisions/0005-audit-in-the-request-transaction.md).
/// </summary>
public sealed class AuditInTransactionTests
{
    private const string TestRead = "TestRead";

    [Fact]
    public async Task Opening_an_exercise_records_the_read_without_a_round_trip_or_savepoint_of_its_own()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var item = await world.Clients[0].Client.OnlyItemIdAsync();
        using var browser = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var log = new DbCommandLog();

        var cost = await log.CostOfSecondViewAsync(browser.Http, $"/portal/homework/{item}");

        var reads = await app.InPracticeAsync(world.Practice.PracticeId, (AppDbContext db) => db.AuditRecords
            .CountAsync(r => r.Action == "AssignmentRead" && r.EntityId == assignment["id"]!.GetValue<Guid>() && r.UserId == world.Clients[0].Id));
        Assert.Equal(2, reads); // the warm-up view and the measured one
        var insert = Assert.Single(cost.Trips, t => t.Contains("INSERT INTO audit_records", StringComparison.Ordinal));
        Assert.Contains("SELECT", insert, StringComparison.Ordinal);
        Assert.DoesNotContain(cost.Trips, t => t.Contains("SAVEPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_recorded_as_the_last_thing_a_unit_of_work_does_is_committed_with_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var marker = Guid.NewGuid();

        await app.InPracticeAsync(world.Practice.PracticeId, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await db.Cases.CountAsync();
            await services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry(TestRead, "Test", marker), CancellationToken.None);
        });

        Assert.Equal(1, await CountAsync(app, world, marker));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_unit_of_work_that_fails_after_a_recorded_read_keeps_no_record_of_it(bool sentBeforeTheFailure)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var marker = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.InPracticeAsync(world.Practice.PracticeId, async services =>
        {
            await services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry(TestRead, "Test", marker), CancellationToken.None);
            if (sentBeforeTheFailure)
            {
                // The record travels with this query, then the transaction rolls back with everything in it.
                await services.GetRequiredService<AppDbContext>().Cases.CountAsync();
            }
            throw new InvalidOperationException("the request fails before its response starts: nothing was shown");
        }));

        Assert.Equal(0, await CountAsync(app, world, marker));
    }

    [Fact]
    public async Task A_nested_part_rolled_back_later_does_not_take_an_earlier_read_record_with_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var marker = Guid.NewGuid();

        await app.InPracticeAsync(world.Practice.PracticeId, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry(TestRead, "Test", marker), CancellationToken.None);
            await using (await NestedTransaction.BeginAsync(db.Database, CancellationToken.None))
            {
                await db.Practices.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Undone with the savepoint"));
            }
        });

        Assert.Equal(1, await CountAsync(app, world, marker));
    }

    private static Task<int> CountAsync(TestApp app, PracticeWorld world, Guid marker) =>
        app.InPracticeAsync(world.Practice.PracticeId, (AppDbContext db) => db.AuditRecords.CountAsync(r => r.Action == TestRead && r.EntityId == marker));
}
