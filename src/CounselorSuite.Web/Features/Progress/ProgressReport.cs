using System.Globalization;
using System.Text.Json;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Progress.Measures;
using CsvHelper;
using AdherenceOccurrence = CounselorSuite.Web.Features.Progress.Analysis.Occurrence;

namespace CounselorSuite.Web.Features.Progress;

/// <param name="Value">Normalised to 0-100 (what charts draw).</param>
/// <param name="Raw">The answer as given, on its scale from Min to Max.</param>
/// <param name="Source">The measure or exercise answered.</param>
public sealed record PointResponse(DateTimeOffset At, double Value, int Raw, int Min, int Max, string Source);

/// <param name="WeekOf">The Monday of the ISO week (UTC).</param>
public sealed record WeeklyPointResponse(DateOnly WeekOf, DateTimeOffset At, double Value, int Count);

/// <param name="Weekly">Weekly means, given when the series spans more than half a year (charts then draw these).</param>
public sealed record DimensionResponse(string Name, string Label, IReadOnlyList<PointResponse> Points, IReadOnlyList<WeeklyPointResponse>? Weekly);

public sealed record AdherencePeriodResponse(DateOnly WeekOf, int Due, int OnTime, int Late, double? Share);

public sealed record AssignmentAdherenceResponse(Guid AssignmentId, string Title, string Kind, int Due, int OnTime, int Late, double? Share);

/// <param name="Share">Submitted by the due date, of those already due (0 to 1); null when nothing was due.</param>
public sealed record ProgressAdherenceResponse(
    int Due, int OnTime, int Late, int Missing, double? Share, IReadOnlyList<AdherencePeriodResponse> Weeks, IReadOnlyList<AssignmentAdherenceResponse> Assignments);

public sealed record MeasureResultResponse(DateTimeOffset At, double Total, string? Band, bool Concern, IReadOnlyList<SubscaleValue> Subscales);

public sealed record ReliableChangeResponse(double Before, double After, double Index, string Direction);

/// <param name="ReliableChange">From the first to the latest result shown; null without reliability figures or with one result.</param>
public sealed record MeasureProgressResponse(
    string Key, int Version, string Title, double ScoreMin, double ScoreMax, bool HigherIsBetter,
    IReadOnlyList<MeasureResultResponse> Results, ReliableChangeResponse? ReliableChange);

/// <param name="Mine">This client's weekly mean; Theirs: the partner's; Gap = Mine − Theirs.</param>
public sealed record GapResponse(string Dimension, DateOnly WeekOf, double Mine, double Theirs, double Gap);

/// <param name="SharedOnly">Only what the partner chose to share is shown (a partner's own view).</param>
public sealed record PartnerProgressResponse(Guid ClientId, string DisplayName, bool SharedOnly, IReadOnlyList<DimensionResponse> Dimensions, IReadOnlyList<GapResponse> Gaps);

/// <summary>GET /api/clients/{id}/progress.</summary>
public sealed record ProgressResponse(
    Guid ClientId, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<DimensionResponse> Dimensions, ProgressAdherenceResponse Adherence,
    IReadOnlyList<MeasureProgressResponse> Measures, IReadOnlyList<DateTimeOffset> Sessions, IReadOnlyList<PartnerProgressResponse> Partners);

/// <summary>Turns loaded progress data into the API's answer, the export, and the numbers pages show.</summary>
public static class ProgressReport
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.Utc;

    public static ProgressResponse Build(ProgressData data, Guid clientId, DateTimeOffset now)
    {
        var partners = data.Subjects.Where(s => s.ClientId != clientId).Select(p =>
        {
            var gaps = PerceptionGap.ForAll(data.SeriesOf(clientId), data.SeriesOf(p.ClientId), Zone)
                .Select(g => new GapResponse(g.Dimension, g.Week.Monday, Round(g.A), Round(g.B), Round(g.Gap))).ToList();
            return new PartnerProgressResponse(p.ClientId, p.Name, p.SharedOnly, Dimensions(data, p.ClientId), gaps);
        }).Where(p => p.Dimensions.Count > 0 || !p.SharedOnly).ToList();
        return new ProgressResponse(clientId, data.From, data.To, Dimensions(data, clientId), Adherence(data, clientId, now),
            Measures(data, clientId), data.Sessions, partners);
    }

    public static IReadOnlyList<DimensionResponse> Dimensions(ProgressData data, Guid clientId) =>
        ExerciseVocabulary.Dimensions
            .Select(d =>
            {
                var rows = data.AnswersOf(clientId).Where(a => a.Dimension == d.Value).OrderBy(a => a.At).ToList();
                var points = rows.Select(a => new PointResponse(a.At, Round(a.Value), a.Raw, a.Min, a.Max, data.SourceOf(a.SubmissionId))).ToList();
                var series = rows.Select(a => new ProgressPoint(a.At, a.Value)).ToList();
                var weekly = WeeklyRollup.IsLongRange(series)
                    ? WeeklyRollup.ByIsoWeek(series, Zone).Select(w => new WeeklyPointResponse(w.Week.Monday, w.StartsAt, Round(w.Mean), w.Count)).ToList()
                    : null;
                return new DimensionResponse(d.Value.ToString(), d.Name, points, weekly);
            })
            .Where(d => d.Points.Count > 0)
            .ToList();

    public static ProgressAdherenceResponse Adherence(ProgressData data, Guid clientId, DateTimeOffset now)
    {
        var mine = data.Occurrences.Where(o => o.ClientId == clientId && o.DueAt is not null).ToList();
        var all = mine.Select(o => new AdherenceOccurrence(o.DueAt!.Value, o.SubmittedAt)).ToList();
        var overall = Analysis.Adherence.Overall(all, now);
        var weeks = Analysis.Adherence.PerPeriod(all, now, Zone, AdherencePeriod.Week)
            .Select(w => new AdherencePeriodResponse(w.PeriodStart!.Value, w.Due, w.OnTime, w.Late, RoundShare(w.Share))).ToList();
        var perAssignment = mine.GroupBy(o => o.AssignmentId)
            .Select(g =>
            {
                var figure = Analysis.Adherence.Overall(g.Select(o => new AdherenceOccurrence(o.DueAt!.Value, o.SubmittedAt)), now);
                return new AssignmentAdherenceResponse(g.Key, g.First().Title, g.First().Kind.ToString(), figure.Due, figure.OnTime, figure.Late, RoundShare(figure.Share));
            })
            .OrderBy(a => a.Title, StringComparer.Ordinal).ToList();
        return new ProgressAdherenceResponse(overall.Due, overall.OnTime, overall.Late, overall.Missing, RoundShare(overall.Share), weeks, perAssignment);
    }

    public static IReadOnlyList<MeasureProgressResponse> Measures(ProgressData data, Guid clientId) =>
        data.Results.Where(r => r.ClientId == clientId && data.Measures.ContainsKey((r.MeasureKey, r.MeasureVersion)))
            .GroupBy(r => (r.MeasureKey, r.MeasureVersion))
            .Select(g =>
            {
                var measure = data.Measures[g.Key];
                var results = g.OrderBy(r => r.At).ToList();
                var change = results.Count >= 2 ? ReliableChange.Compute(measure, results[0].Total, results[^1].Total) : null;
                return new MeasureProgressResponse(measure.Key, measure.Version, measure.Title, measure.ScoreRange.Min, measure.ScoreRange.Max,
                    measure.HigherIsBetter,
                    results.Select(r => new MeasureResultResponse(r.At, Round(r.Total), r.Band, r.Concern, Subscales(r.Subscales))).ToList(),
                    change is null ? null : new ReliableChangeResponse(change.Before, change.After, Round(change.Index), change.Direction.ToString()));
            })
            .OrderBy(m => m.Title, StringComparer.Ordinal)
            .ToList();

    /// <summary>One row per answer: date, dimension, measure, raw value, normalised value (and the scale).</summary>
    public static async Task<byte[]> CsvAsync(ProgressData data, Guid clientId, CancellationToken ct)
    {
        using var output = new MemoryStream();
        // A cell starting with = or + must not become a formula when the file is opened in a spreadsheet.
        await using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            await csv.WriteRecordAsync(["date", "dimension", "measure", "raw_value", "normalised_value", "scale_min", "scale_max"], ct);
            foreach (var a in data.AnswersOf(clientId).OrderBy(a => a.At).ThenBy(a => a.Dimension))
            {
                await csv.WriteRecordAsync([
                    a.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ExerciseVocabulary.Dimension(a.Dimension).Name,
                    data.SourceOf(a.SubmissionId),
                    a.Raw.ToString(CultureInfo.InvariantCulture),
                    Number(a.Value),
                    a.Min.ToString(CultureInfo.InvariantCulture),
                    a.Max.ToString(CultureInfo.InvariantCulture),
                ], ct);
            }
            await csv.FlushAsync();
        }
        return output.ToArray();
    }

    public static byte[] Json(ProgressResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>A neutral file name: nothing in it says what the file is about.</summary>
    public static string FileName(DateTimeOffset now, string extension) =>
        $"export-{now.UtcDateTime:yyyy-MM-dd}.{extension}";

    /// <summary>The 0-100 value as charts' tables and the export write it: one decimal at most, invariant.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static IReadOnlyList<SubscaleValue> Subscales(string json) =>
        JsonSerializer.Deserialize<List<SubscaleValue>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    private static double Round(double value) => Math.Round(value, 1);

    private static double? RoundShare(double? share) => share is { } s ? Math.Round(s, 3) : null;
}
