using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>The range a progress page shows, as its links and the download links name it.</summary>
public sealed record ProgressRange(string Key, string Label, int? Days)
{
    public static readonly IReadOnlyList<ProgressRange> All =
    [
        new("3m", "3 months", 92), new("6m", "6 months", 183), new("1y", "A year", 366), new("all", "Everything", null),
    ];

    /// <summary>
    /// Pages open on the last year: recent change is what a session looks at, and a year of weekly means
    /// reads at a glance; everything is one link away.
    /// </summary>
    public static readonly ProgressRange Default = All[2];

    public static ProgressRange Parse(string? key) => All.FirstOrDefault(r => r.Key == key) ?? Default;

    public DateTimeOffset? From(DateTimeOffset now) => Days is { } d ? now.AddDays(-d) : null;
}

/// <summary>What a client's progress page shows: the numbers and the charts, ready to render.</summary>
public sealed class ClientProgressView
{
    public required Guid ClientId { get; init; }
    public required string Name { get; init; }
    public required bool Self { get; init; }
    public required ProgressRange Range { get; init; }
    public required ProgressResponse Report { get; init; }
    public required IReadOnlyList<ChartView> Charts { get; init; }

    /// <summary>
    /// For the client's own page: per partner, both on one chart per dimension where the partner shared
    /// something, and the perception gap. A counselor compares partners on the case page instead.
    /// </summary>
    public required IReadOnlyList<(ProgressSubject Partner, IReadOnlyList<ChartView> Charts)> Partners { get; init; }

    /// <summary>For a counselor: the cases this client shares with a partner, whose page compares them.</summary>
    public IReadOnlyList<Guid> SharedCases { get; init; } = [];
}

/// <summary>Loading for the progress pages: each page's data in a fixed number of queries.</summary>
public static class ProgressPages
{
    /// <summary>Charts for the person reading the page: dates and weeks in their own zone, weeks from their practice's first day.</summary>
    public static async Task<ChartSettings> SettingsForAsync(Infrastructure.Time.ReaderTimes times, CancellationToken ct) =>
        ChartSettings.For(await times.GetCurrentAsync(ct));

    /// <param name="settings">The reader's zone and weeks for the charts' dates and weekly averages.</param>
    /// <param name="alongside">What the page reads besides, added to the batch that decides who may read what.</param>
    public static async Task<ClientProgressView?> ClientAsync(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid clientId, string? range, ChartSettings settings,
        CancellationToken ct, Action<QueryBatch>? alongside = null)
    {
        var batch = new QueryBatch(db);
        var readers = ProgressQueries.Readers(batch, db, user, clientId);
        alongside?.Invoke(batch);
        await batch.SendAsync(ct);
        if (readers.Value is not { Access: { } access, Subjects: var subjects, SharedCases: var sharedCases })
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var chosen = ProgressRange.Parse(range);
        var data = await ProgressQueries.LoadAsync(db, clock, subjects, access.CaseIds, chosen.From(now), null, ct, weeks: settings.Weeks);
        var me = subjects[0];
        return new ClientProgressView
        {
            ClientId = clientId, Name = me.Name, Self = access.Self, Range = chosen, Report = ProgressReport.Build(data, clientId),
            Charts = ProgressCharts.ForClient(data, clientId, settings: settings).Select(ChartMarkup.Render).ToList(),
            Partners = !access.Self ? [] : subjects.Skip(1)
                .Select(p => (p, (IReadOnlyList<ChartView>)ProgressCharts.ForCouple(data, me, p, settings).Select(c => ChartMarkup.Render(c.Id + "-" + p.ClientId.ToString("N")[..8], c.Chart)).ToList()))
                .Where(x => x.Item2.Count > 0)
                .ToList(),
            SharedCases = sharedCases,
        };
    }

    /// <summary>The export a page's download link gives: CSV or JSON, for the client themself or their counselor.</summary>
    public static async Task<IActionResult?> DownloadAsync(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid clientId, string? range, string format, CancellationToken ct)
    {
        var batch = new QueryBatch(db);
        var readers = ProgressQueries.Readers(batch, db, user, clientId);
        await batch.SendAsync(ct);
        if (readers.Value is not { Access: { } access, Subjects: var subjects })
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var data = await ProgressQueries.LoadAsync(db, clock, subjects, access.CaseIds, ProgressRange.Parse(range).From(now), null, ct, SeriesDetail.EveryAnswer);
        return format == "json"
            ? new FileContentResult(ProgressReport.Json(ProgressReport.Build(data, clientId, SeriesResolution.Answer)), "application/json") { FileDownloadName = ProgressReport.FileName(now, "json") }
            : new FileContentResult(await ProgressReport.CsvAsync(data, clientId, ct), "text/csv; charset=utf-8") { FileDownloadName = ProgressReport.FileName(now, "csv") };
    }

    /// <summary>A share of 0-1 as "80%", or a dash when nothing was due.</summary>
    public static string Percent(double? share) => share is { } s ? $"{Math.Round(s * 100):0}%" : "–";
}

/// <summary>A case's progress for its counselor: per client, and for two partners the charts side by side.</summary>
public sealed class CaseProgressView
{
    public required Guid CaseId { get; init; }
    public required CaseKind Kind { get; init; }
    public required IReadOnlyList<(ProgressSubject Client, ProgressAdherenceResponse Adherence, int Answers, DateTimeOffset? Latest)> Clients { get; init; }
    public required IReadOnlyList<ChartView> Charts { get; init; }

    /// <summary>The largest gaps in words, for the call-out list above the charts.</summary>
    public required IReadOnlyList<string> LargestGaps { get; init; }

    /// <summary>
    /// The progress of a case for one of its counselors (the caller has checked that the reader counsels it, and
    /// read its clients in the order they joined: the case page's header has both).
    /// </summary>
    public static async Task<CaseProgressView> LoadAsync(AppDbContext db, TimeProvider clock, Guid caseId, CaseKind kind,
        IReadOnlyList<(Guid Id, string Name)> clients, string? range, ChartSettings settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subjects = clients.Select(c => new ProgressSubject(c.Id, c.Name, false)).ToList();
        var data = await ProgressQueries.LoadAsync(db, clock, subjects, [caseId], ProgressRange.Parse(range).From(now), null, ct, weeks: settings.Weeks);
        var charts = new List<NamedChart>();
        var gaps = new List<string>();
        if (subjects.Count == 2)
        {
            charts.AddRange(ProgressCharts.ForCouple(data, subjects[0], subjects[1], settings));
            var all = data.GapsBetween(subjects[0].ClientId, subjects[1].ClientId);
            gaps.AddRange(Analysis.PerceptionGap.Largest(all, 3, minimumSize: 10).Select(g =>
                $"{CoupleCharts.CallOutText(g, g.Gap > 0 ? subjects[0].Name : subjects[1].Name, settings)} in the week of {ChartStyle.Date(g.StartsAt, settings)}"));
        }
        else
        {
            foreach (var subject in subjects)
            {
                if (ProgressCharts.LatestCheckIn(data, subject.ClientId) is { } latest)
                {
                    charts.Add(new NamedChart("latest-" + subject.ClientId.ToString("N")[..8],
                        LatestCheckInChart.Build(latest with { Title = subjects.Count > 1 ? $"Latest check-in: {subject.Name}" : null }, settings)));
                }
            }
        }
        return new CaseProgressView
        {
            CaseId = caseId, Kind = kind,
            Clients = subjects.Select(s =>
            {
                var (answers, latest) = data.AnswerTotals(s.ClientId);
                return (s, ProgressReport.Adherence(data, s.ClientId), answers, latest);
            }).ToList(),
            Charts = charts.Select(ChartMarkup.Render).ToList(),
            LargestGaps = gaps,
        };
    }
}

/// <summary>The practice at a glance for its admin: counts and adherence, never a name.</summary>
public sealed record PracticeOverview(
    int Clients, int ActiveClients, int Answers30Days, int Measures30Days, int ConcernBands30Days, int OpenAlerts, int ActiveAssignments,
    ProgressAdherenceResponse Adherence, ChartView? AdherenceChart)
{
    /// <param name="settings">The admin's zone and weeks, for the weekly adherence chart.</param>
    public static async Task<PracticeOverview> LoadAsync(AppDbContext db, TimeProvider clock, ChartSettings settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-30);
        var twelveWeeks = now.AddDays(-7 * 12);
        var counts = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId).Select(p => new
        {
            Clients = db.CaseClients.Select(c => c.ClientId).Distinct().Count(),
            Active = db.ScaleAnswers.Where(a => a.AnsweredAt >= since).Select(a => a.ClientId).Distinct().Count(),
            Answers = db.ScaleAnswers.Count(a => a.AnsweredAt >= since),
            Measures = db.MeasureResults.Count(r => r.At >= since),
            Concern = db.MeasureResults.Count(r => r.At >= since && r.BandConcern),
            Alerts = db.SafetyAlerts.Count(a => a.Status == SafetyAlertStatus.Open),
            Assignments = db.Assignments.Count(a => a.Status == AssignmentStatus.Active),
        }).FirstAsync(ct);
        var due = await db.Occurrences.AsNoTracking()
            .Where(o => o.State != OccurrenceState.Cancelled && o.DueAt != null && o.DueAt >= twelveWeeks && o.DueAt <= now)
            .Select(o => new { o.DueAt, o.SubmittedAt }).ToListAsync(ct);
        var occurrences = due.Select(o => new DueOccurrence(o.DueAt!.Value, o.SubmittedAt)).ToList();
        var overall = Homework.Adherence.Overall(occurrences, now);
        var weeks = Homework.Adherence.PerPeriod(occurrences, now, settings.Weeks, AdherencePeriod.Week);
        var adherence = new ProgressAdherenceResponse(overall.Due, overall.OnTime, overall.Late, overall.Missing, overall.Share,
            weeks.Select(w => new AdherencePeriodResponse(w.PeriodStart!.Value, w.Due, w.OnTime, w.Late, w.Share)).ToList(), []);
        ChartView? chart = null;
        if (weeks.Count > 0)
        {
            var points = weeks.Select(w => new Analysis.ProgressPoint(ZoneDays.MidnightOf(w.PeriodStart!.Value, settings.TimeZone), (w.Share ?? 0) * 100)).ToList();
            chart = ChartMarkup.Render("adherence", TrendChart.Build(new TrendChartInput
            {
                Subject = "Homework done on time", Points = points, Scale = new ValueScale(0, 100, "Done on time (%)"),
                Title = "Homework done on time, by week due",
            }, settings));
        }
        return new PracticeOverview(counts.Clients, counts.Active, counts.Answers, counts.Measures, counts.Concern, counts.Alerts, counts.Assignments, adherence, chart);
    }
}
