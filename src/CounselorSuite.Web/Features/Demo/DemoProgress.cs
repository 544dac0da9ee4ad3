using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Demo;

/// <summary>
/// Demo progress: four months of the weekly check-in (our built-in measure) for every demo client, with
/// plausible trends, a few weeks missed or late, and for the couple a clear perception gap on shared
/// decisions and equal partnership that narrows over time. Seeds check-in data only (the homework demo
/// data is the homework feature's); runs once per demo practice.
/// </summary>
internal static class DemoProgress
{
    private const int Weeks = 17;

    /// <summary>Per client: where each dimension starts and ends (0-10), and how often a week is missed.</summary>
    private sealed record Profile(string Email, int Seed, Dictionary<ProgressDimension, (double From, double To)> Trend, double Missed);

    private static readonly Profile[] Profiles =
    [
        new("riley@demo.counselorsuite.test", 11, new()
        {
            [ProgressDimension.HonestCommunication] = (4, 6.5), [ProgressDimension.Reliability] = (5, 6.5),
            [ProgressDimension.RespectForBoundaries] = (4.5, 6.5), [ProgressDimension.EmotionalAvailability] = (3.5, 6),
            [ProgressDimension.EqualPartnership] = (2.5, 5.5), [ProgressDimension.SharedDecisions] = (2, 5),
            [ProgressDimension.Autonomy] = (4, 6), [ProgressDimension.MutualSupport] = (4, 6.5),
            [ProgressDimension.Consent] = (6, 7.5), [ProgressDimension.Safety] = (7, 8),
        }, 0.08),
        new("quinn@demo.counselorsuite.test", 23, new()
        {
            [ProgressDimension.HonestCommunication] = (6.5, 7), [ProgressDimension.Reliability] = (7, 7.5),
            [ProgressDimension.RespectForBoundaries] = (7, 7.5), [ProgressDimension.EmotionalAvailability] = (6, 7),
            [ProgressDimension.EqualPartnership] = (8, 7.5), [ProgressDimension.SharedDecisions] = (8.5, 7.5),
            [ProgressDimension.Autonomy] = (7.5, 7.5), [ProgressDimension.MutualSupport] = (6.5, 7),
            [ProgressDimension.Consent] = (8, 8.5), [ProgressDimension.Safety] = (8.5, 9),
        }, 0.12),
        new("jordan@demo.counselorsuite.test", 37, Rising(3.5, 7), 0.15),
        new("casey@demo.counselorsuite.test", 41, Rising(5.5, 6), 0.25),
        new("taylor@demo.counselorsuite.test", 53, Rising(4, 6.5), 0.1),
    ];

    private static Dictionary<ProgressDimension, (double, double)> Rising(double from, double to) =>
        Enum.GetValues<ProgressDimension>().ToDictionary(d => d, d => d is ProgressDimension.Safety or ProgressDimension.Consent
            ? (Math.Max(from, 6.5), Math.Max(to, 7.5))
            : (from, to));

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await db.MeasureResults.AnyAsync(r => r.MeasureKey == BuiltInMeasures.CheckInKey, ct))
        {
            return;
        }
        var form = await MeasureForms.EnsureAsync(db, clock, BuiltInMeasures.CheckInKey, null, ct)
            ?? throw new InvalidOperationException("The built-in check-in is missing.");
        var (version, measure) = form;
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var start = today.AddDays(-7 * (Weeks - 1)).AddHours(9);
        var emails = Profiles.Select(p => p.Email.ToUpperInvariant()).ToList();
        var clients = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id, ct);
        var cases = await db.CaseClients.AsNoTracking().Where(c => clients.Values.Contains(c.ClientId))
            .Select(c => new { c.ClientId, c.CaseId, Counselor = db.CaseCounselors.Where(x => x.CaseId == c.CaseId).Select(x => x.CounselorId).First() })
            .ToListAsync(ct);

        foreach (var profile in Profiles)
        {
            if (!clients.TryGetValue(profile.Email.ToUpperInvariant(), out var clientId) || cases.FirstOrDefault(c => c.ClientId == clientId) is not { } place)
            {
                continue;
            }
            var random = new Random(profile.Seed);
            var assignment = MeasureHistory.NewAssignment(db.CurrentPracticeId, version, place.CaseId, clientId, place.Counselor, start, Weeks, now);
            db.Assignments.Add(assignment);
            foreach (var occurrence in assignment.Occurrences)
            {
                var week = occurrence.Sequence - 1;
                var due = occurrence.DueAt!.Value;
                var missed = random.NextDouble() < profile.Missed;
                if (due > now || missed)
                {
                    continue; // the current week is still open; a missed week stays overdue
                }
                // Most check-ins come in a day or two before the due date; now and then a day late.
                var submittedAt = due.AddHours(-random.Next(2, 60) + (random.NextDouble() < 0.1 ? 30 : 0));
                submittedAt = submittedAt > now ? now.AddMinutes(-5) : submittedAt;
                var progress = (double)week / (Weeks - 1);
                var answers = version.Prompts.Select(p =>
                {
                    var (from, to) = profile.Trend[p.Dimension ?? ProgressDimension.Safety];
                    var value = from + (to - from) * progress + (random.NextDouble() - 0.5) * 1.6;
                    return new PromptAnswer(p.Id, null, Math.Clamp((int)Math.Round(value), p.Min ?? 0, p.Max ?? 10), null);
                }).ToList();
                MeasureHistory.AddSubmitted(db, version, measure, occurrence, submittedAt, answers);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
