using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using static CounselorSuite.Tests.Progress.ProgressSetup;

namespace CounselorSuite.Tests.Progress;

/// <summary>
/// Weekly averages are counted in the reader's weeks: their zone, and the first day of the week of their
/// practice's locale. An answer given late on a Sunday in Chicago is already Monday in Kolkata, so the two
/// readers put it in different weeks; the API keeps ISO weeks in UTC.
/// </summary>
public sealed class ReaderWeekTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    /// <summary>Sun 6 Dec 2026, 10:00 pm in Chicago: Mon 7 Dec 04:00 UTC, Mon 7 Dec 9:30 am in Kolkata.</summary>
    private static readonly DateTimeOffset SundayNight = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Sat 5 Dec 2026, 10:00 pm in Chicago: Sun 6 Dec 04:00 UTC, Sun 6 Dec 9:30 am in Kolkata.</summary>
    private static readonly DateTimeOffset SaturdayNight = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Wed 9 Dec 2026, noon UTC: the same week for everyone.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 9, 12, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<WeekRow>> WeeksAsync(TestApp app, PracticeWorld world, WeekRule? rule, SeriesDetail detail = SeriesDetail.Auto) =>
        await app.InPracticeAsync(world.Practice.PracticeId, async (IServiceProvider services) =>
        {
            var data = await ProgressQueries.LoadAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(),
                [new ProgressSubject(world.Clients[0].Id, "Client", false)], [world.CaseId], null, null, CancellationToken.None, detail, rule);
            return data.Weeks.Where(w => w.Dimension == ProgressDimension.HonestCommunication).ToList();
        });

    private static IReadOnlyList<(DateOnly FirstDay, int Count)> Shape(IEnumerable<WeekRow> weeks) =>
        weeks.Select(w => (w.FirstDay, w.Count)).OrderBy(w => w.FirstDay).ToList();

    [Fact]
    public async Task A_sunday_night_answer_in_chicago_falls_in_the_week_before_and_in_kolkata_in_the_new_week()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync(timeZone: "America/Chicago");
        await SeedCheckInsAsync(app, world, world.Clients[0].Id, [SundayNight, Wednesday], (i, _) => 2 + (i * 6));
        var inChicago = new WeekRule(Chicago, DayOfWeek.Monday);
        var inKolkata = new WeekRule(Kolkata, DayOfWeek.Monday);

        // Monday weeks: still the week of Mon 30 Nov in Chicago; the week of Mon 7 Dec in Kolkata (and in UTC).
        Assert.Equal([(new DateOnly(2026, 11, 30), 1), (new DateOnly(2026, 12, 7), 1)], Shape(await WeeksAsync(app, world, inChicago)));
        Assert.Equal([(new DateOnly(2026, 12, 7), 2)], Shape(await WeeksAsync(app, world, inKolkata)));
        Assert.Equal([(new DateOnly(2026, 12, 7), 2)], Shape(await WeeksAsync(app, world, null)));
        // Counted from every answer (the export) or by the database, the weeks are the same.
        foreach (var rule in new[] { inChicago, inKolkata, WeekRule.Utc })
        {
            Assert.Equal(Shape(await WeeksAsync(app, world, rule)), Shape(await WeeksAsync(app, world, rule, SeriesDetail.EveryAnswer)));
        }

        // A week's average is placed at its start in the reader's clock: Monday midnight in Chicago.
        var week = Assert.Single(await WeeksAsync(app, world, inChicago), w => w.FirstDay == new DateOnly(2026, 11, 30)).ToWeeklyMean(inChicago);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(-6)), week.StartsAt);
    }

    [Fact]
    public async Task With_the_us_week_from_sunday_a_saturday_night_answer_in_chicago_is_in_the_next_week_in_kolkata()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync(timeZone: "America/Chicago");
        await SeedCheckInsAsync(app, world, world.Clients[0].Id, [SaturdayNight, Wednesday], (i, _) => 3 + i);
        // The practice's locale (en-US) starts weeks on Sunday, for the counselor in Chicago and the client in Kolkata.
        var now = NodaTime.Instant.FromDateTimeOffset(Wednesday);
        var counselor = ChartSettings.For(new TimeSettings(null, "America/Chicago", "en-US").At(now));
        var client = ChartSettings.For(new TimeSettings("Asia/Kolkata", "America/Chicago", "en-US").At(now));
        Assert.Equal(DayOfWeek.Sunday, counselor.FirstDayOfWeek);

        Assert.Equal([(new DateOnly(2026, 11, 29), 1), (new DateOnly(2026, 12, 6), 1)], Shape(await WeeksAsync(app, world, counselor.Weeks)));
        Assert.Equal([(new DateOnly(2026, 12, 6), 2)], Shape(await WeeksAsync(app, world, client.Weeks)));
        // The API's ISO weeks in UTC: Sunday 04:00 UTC still belongs to the week of Mon 30 Nov.
        Assert.Equal([(new DateOnly(2026, 11, 30), 1), (new DateOnly(2026, 12, 7), 1)], Shape(await WeeksAsync(app, world, null)));
    }

    [Fact]
    public void A_week_from_sunday_is_numbered_as_the_iso_week_it_mostly_overlaps()
    {
        var week = IsoWeek.Of(SaturdayNight, new WeekRule(Kolkata, DayOfWeek.Sunday));

        Assert.Equal((2026, 50, new DateOnly(2026, 12, 6)), (week.Year, week.Week, week.FirstDay));
        Assert.Equal(IsoWeek.Of(Wednesday, TimeZoneInfo.Utc).Week, week.Week);
    }
}
