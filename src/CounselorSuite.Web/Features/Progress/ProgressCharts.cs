using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// Builds the progress charts from loaded data: for pages (per client, per couple) and for handouts.
/// </summary>
public sealed class ProgressCharts(AppDbContext db, TimeProvider clock, Infrastructure.Time.ReaderTimes times)
{
    /// <summary>
    /// The client's own progress as charts for a handout: the latest check-in, a line per dimension and a
    /// line per measure. Discreet: everyday words instead of dimension names ("Talking openly over time",
    /// <see cref="NeutralWords"/>), "Questionnaire 1" for a measure, and no chart whose axis would name them.
    /// </summary>
    public Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, CancellationToken ct) =>
        ChartsForAsync(clientId, discreet, caseId: null, ct);

    /// <summary>As above, from one case's data only when <paramref name="caseId"/> is given.</summary>
    public async Task<IReadOnlyList<ProgressChart>> ChartsForAsync(Guid clientId, bool discreet, Guid? caseId, CancellationToken ct)
    {
        var cases = await db.CaseClients.AsNoTracking().Where(c => c.ClientId == clientId && (caseId == null || c.CaseId == caseId))
            .Select(c => c.CaseId).ToListAsync(ct);
        // On paper the dates and weeks are the client's own.
        var settings = ChartSettings.For(await times.ForPersonAsync(clientId, ct));
        var data = await ProgressQueries.LoadAsync(db, clock, [new ProgressSubject(clientId, "Client", false)], cases, null, null, ct, weeks: settings.Weeks);
        return ForClient(data, clientId, discreet, settings).Select(c => c.Chart).ToList();
    }

    /// <summary>One client's charts, each with a stable id for the page.</summary>
    /// <param name="settings">The reader's zone for dates and weeks; UTC when left out.</param>
    public static IReadOnlyList<NamedChart> ForClient(ProgressData data, Guid clientId, bool discreet = false, ChartSettings? settings = null)
    {
        var charts = new List<NamedChart>();
        var number = 0;
        var starts = data.Adherence.Where(o => o.ClientId == clientId).Select(o => o.StartsAt).Distinct().Order().ToList();

        if (!discreet && LatestCheckIn(data, clientId) is { } latest)
        {
            charts.Add(new NamedChart("latest-check-in", LatestCheckInChart.Build(latest, settings)));
        }
        foreach (var series in data.SeriesOf(clientId))
        {
            var input = TrendChartInput.ForDimension(series.Dimension, series.Points) with
            {
                SessionDates = data.Sessions,
                AssignmentStarts = starts,
                PointsAreWeeklyMeans = series.Weekly,
            };
            if (discreet)
            {
                var words = NeutralWords.For(series.Dimension);
                input = input with { Title = $"{words} over time", Subject = words };
            }
            charts.Add(new NamedChart("dimension-" + Slug(series.Dimension), TrendChart.Build(input, settings)));
        }
        foreach (var group in data.Results.Where(r => r.ClientId == clientId).GroupBy(r => (r.MeasureKey, r.MeasureVersion)))
        {
            if (!data.Measures.TryGetValue(group.Key, out var measure))
            {
                continue;
            }
            var totals = group.OrderBy(r => r.At).Select(r => new ProgressPoint(r.At, r.Total)).ToList();
            var input = TrendChartInput.ForMeasure(measure, totals) with { SessionDates = data.Sessions };
            if (discreet)
            {
                var title = $"Questionnaire {++number}";
                input = input with { Title = $"{title} over time", Subject = title, Bands = [] };
            }
            charts.Add(new NamedChart("measure-" + Slug(measure.Key), TrendChart.Build(input, settings)));
        }
        return charts;
    }

    /// <summary>
    /// Two partners: both on one chart per dimension either of them has data for, then the perception gap
    /// with the largest gaps called out. When <paramref name="b"/> is seen only through what they shared (a
    /// partner's own view), only dimensions with something shared get a chart: the viewer's own series alone
    /// is already on their page.
    /// </summary>
    public static IReadOnlyList<NamedChart> ForCouple(ProgressData data, ProgressSubject a, ProgressSubject b, ChartSettings? settings = null)
    {
        var charts = new List<NamedChart>();
        var ofA = data.SeriesOf(a.ClientId);
        var ofB = data.SeriesOf(b.ClientId);
        if (ofA.Count > 0 && ofB.Count > 0)
        {
            charts.Add(new NamedChart("perception-gap", CoupleCharts.Gap(new PerceptionGapInput(a.Name, b.Name, data.GapsBetween(a.ClientId, b.ClientId)), settings)));
        }
        foreach (var dimension in ExerciseVocabulary.Dimensions.Select(d => d.Value.ToString()))
        {
            var sa = ofA.FirstOrDefault(s => s.Dimension == dimension);
            var sb = ofB.FirstOrDefault(s => s.Dimension == dimension);
            if ((sa is null && sb is null) || (b.SharedOnly && sb is null))
            {
                continue;
            }
            charts.Add(new NamedChart("both-" + Slug(dimension), CoupleCharts.BothPartners(
                new CoupleDimensionInput(dimension, PartnerSeries.Of(a.Name, sa), PartnerSeries.Of(b.Name, sb)) { SessionDates = data.Sessions }, settings)));
        }
        return charts;
    }

    /// <summary>The answers of the client's latest check-in (our built-in measure), or null when there is none.</summary>
    public static LatestCheckInInput? LatestCheckIn(ProgressData data, Guid clientId)
    {
        var latest = data.Results.Where(r => r.ClientId == clientId && r.MeasureKey == BuiltInMeasures.CheckInKey).MaxBy(r => r.At);
        if (latest is null)
        {
            return null;
        }
        var ratings = data.Answers.Where(a => a.SubmissionId == latest.SubmissionId)
            .OrderBy(a => a.Dimension).Select(a => new DimensionRating(a.Dimension.ToString(), a.Value)).ToList();
        return ratings.Count == 0 ? null : new LatestCheckInInput(latest.At, ratings);
    }

    private static string Slug(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>A chart with an id the page uses for its element ids and anchors.</summary>
public sealed record NamedChart(string Id, ProgressChart Chart);
