using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Time;
using CsvHelper;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// One point of a series: a single answer (resolution "Answer": raw, min, max and source given) or one week's
/// mean (resolution "Week": weekOf and count given, at = the week's start).
/// </summary>
/// <param name="Value">Normalised to 0-100 (what charts draw).</param>
/// <param name="Raw">The answer as given, on its scale from Min to Max.</param>
/// <param name="Source">The measure or exercise answered.</param>
/// <param name="WeekOf">The Monday of the ISO week (UTC).</param>
/// <param name="Count">How many answers the week's mean is of.</param>
public sealed record PointResponse(
    DateTimeOffset At, double Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Raw = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Min = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Max = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? WeekOf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count = null);

/// <param name="WeekOf">The Monday of the ISO week (UTC).</param>
public sealed record WeeklyPointResponse(DateOnly WeekOf, DateTimeOffset At, double Value, int Count);

/// <summary>The resolution of a series in the API: what one point is.</summary>
public enum SeriesResolution
{
    /// <summary>Every answer for a series spanning at most 26 weeks, weekly means for a longer one (the default).</summary>
    Auto,

    /// <summary>One point per answer, however long the series (with the weekly means beside them when it is long).</summary>
    Answer,

    /// <summary>One point per ISO week: the week's mean.</summary>
    Week,
}

/// <param name="Resolution">"Answer" (a point per answer) or "Week" (a point per week's mean).</param>
/// <param name="Weekly">With resolution "Answer": the weekly means too, when the series spans more than 26 weeks.</param>
public sealed record DimensionResponse(
    string Name, string Label, string Resolution, IReadOnlyList<PointResponse> Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WeeklyPointResponse>? Weekly);

public sealed record AdherencePeriodResponse(DateOnly WeekOf, int Due, int OnTime, int Late, double? Share);

public sealed record AssignmentAdherenceResponse(Guid AssignmentId, string Title, string Kind, int Due, int OnTime, int Late, double? Share);

/// <param name="Share">Submitted by the due date, of those already due (0 to 1); null when nothing was due.</param>
public sealed record ProgressAdherenceResponse(
    int Due, int OnTime, int Late, int Missing, double? Share, IReadOnlyList<AdherencePeriodResponse> Weeks, IReadOnlyList<AssignmentAdherenceResponse> Assignments);

public sealed record MeasureResultResponse(DateTimeOffset At, double Total, string? Band, bool Concern, IReadOnlyList<SubscaleValue> Subscales);

/// <param name="Index">Two decimals, rounded away from <paramref name="Threshold"/> so it agrees with <paramref name="Direction"/>.</param>
/// <param name="Threshold">A change is reliable when the index lies beyond ± this value.</param>
public sealed record ReliableChangeResponse(double Before, double After, double Index, string Direction, double Threshold);

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
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions IndentedWebJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The API's zone: its weeks are ISO weeks in UTC (<see cref="WeekRule.Utc"/>); pages count in the reader's.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.Utc;

    public static ProgressResponse Build(ProgressData data, Guid clientId, SeriesResolution resolution = SeriesResolution.Auto)
    {
        var partners = data.Subjects.Where(s => s.ClientId != clientId).Select(p =>
        {
            var gaps = data.GapsBetween(clientId, p.ClientId)
                .Select(g => new GapResponse(g.Dimension, g.Week.FirstDay, Round(g.A), Round(g.B), Round(g.Gap))).ToList();
            return new PartnerProgressResponse(p.ClientId, p.Name, p.SharedOnly, Dimensions(data, p.ClientId, resolution), gaps);
        }).Where(p => p.Dimensions.Count > 0 || !p.SharedOnly).ToList();
        return new ProgressResponse(clientId, data.From, data.To, Dimensions(data, clientId, resolution), Adherence(data, clientId),
            Measures(data, clientId), data.Sessions, partners);
    }

    /// <summary>
    /// The client's series per dimension at <paramref name="resolution"/>. "Answer" needs data loaded with
    /// <see cref="SeriesDetail.EveryAnswer"/>; "Auto" gives every answer of a short series and the weekly means
    /// of a long one, which is what data loaded with <see cref="SeriesDetail.Auto"/> holds.
    /// </summary>
    public static IReadOnlyList<DimensionResponse> Dimensions(ProgressData data, Guid clientId, SeriesResolution resolution = SeriesResolution.Auto)
    {
        if (resolution == SeriesResolution.Answer && data.Detail != SeriesDetail.EveryAnswer)
        {
            throw new InvalidOperationException("Every answer was asked for, but only weekly means of long series were loaded.");
        }
        var dimensions = new List<DimensionResponse>();
        foreach (var (dimension, label) in ExerciseVocabulary.Dimensions.Select(d => (d.Value, d.Name)))
        {
            var weeks = data.WeeksOf(clientId, dimension);
            if (weeks.Count == 0)
            {
                continue;
            }
            var isLong = ProgressData.IsLong(weeks);
            var weekly = weeks.Select(w => w.ToWeeklyMean(data.WeekRule)).ToList();
            if (resolution == SeriesResolution.Week || (resolution == SeriesResolution.Auto && isLong))
            {
                dimensions.Add(new DimensionResponse(dimension.ToString(), label, nameof(SeriesResolution.Week),
                    weekly.Select(w => new PointResponse(w.StartsAt, Round(w.Mean), WeekOf: w.Week.FirstDay, Count: w.Count)).ToList(), null));
                continue;
            }
            var points = data.AnswersOf(clientId).Where(a => a.Dimension == dimension).OrderBy(a => a.At)
                .Select(a => new PointResponse(a.At, Round(a.Value), a.Raw, a.Min, a.Max, data.SourceOf(a.SubmissionId))).ToList();
            dimensions.Add(new DimensionResponse(dimension.ToString(), label, nameof(SeriesResolution.Answer), points,
                isLong ? weekly.Select(w => new WeeklyPointResponse(w.Week.FirstDay, w.StartsAt, Round(w.Mean), w.Count)).ToList() : null));
        }
        return dimensions;
    }

    /// <summary>The client's adherence as counted at load time (see <see cref="AdherenceRow"/>).</summary>
    public static ProgressAdherenceResponse Adherence(ProgressData data, Guid clientId)
    {
        var mine = data.Adherence.Where(r => r.ClientId == clientId && r.WeekOf is not null).ToList();
        var overall = Figure(null, mine);
        var weeks = mine.Where(r => r.Due > 0).GroupBy(r => r.WeekOf!.Value).OrderBy(g => g.Key)
            .Select(g => Figure(g.Key, g.ToList()))
            .Select(w => new AdherencePeriodResponse(w.PeriodStart!.Value, w.Due, w.OnTime, w.Late, RoundShare(w.Share))).ToList();
        var perAssignment = mine.GroupBy(r => r.AssignmentId)
            .Select(g =>
            {
                var figure = Figure(null, g.ToList());
                return new AssignmentAdherenceResponse(g.Key, g.First().Title, g.First().Kind.ToString(), figure.Due, figure.OnTime, figure.Late, RoundShare(figure.Share));
            })
            .OrderBy(a => a.Title, StringComparer.Ordinal).ToList();
        return new ProgressAdherenceResponse(overall.Due, overall.OnTime, overall.Late, overall.Missing, RoundShare(overall.Share), weeks, perAssignment);
    }

    private static AdherenceFigure Figure(DateOnly? start, IReadOnlyList<AdherenceRow> rows) =>
        new(start, rows.Sum(r => r.Due), rows.Sum(r => r.OnTime), rows.Sum(r => r.Late));

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
                    change is null ? null : new ReliableChangeResponse(change.Before, change.After, ReliableChange.Shown(change), change.Direction.ToString(), ReliableChange.Threshold));
            })
            .OrderBy(m => m.Title, StringComparer.Ordinal)
            .ToList();

    /// <summary>One row per answer: date, dimension, measure, raw value, normalised value (and the scale).</summary>
    public static async Task<byte[]> CsvAsync(ProgressData data, Guid clientId, CancellationToken ct)
    {
        if (data.Detail != SeriesDetail.EveryAnswer)
        {
            throw new InvalidOperationException("The export needs every answer: load with SeriesDetail.EveryAnswer.");
        }
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
            await csv.FlushAsync(ct);
        }
        return output.ToArray();
    }

    public static byte[] Json(ProgressResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, IndentedWebJson);

    /// <summary>A neutral file name: nothing in it says what the file is about.</summary>
    public static string FileName(DateTimeOffset now, string extension) =>
        $"export-{now.UtcDateTime:yyyy-MM-dd}.{extension}";

    /// <summary>The 0-100 value as charts' tables and the export write it: one decimal at most, invariant.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static IReadOnlyList<SubscaleValue> Subscales(string json) =>
        JsonSerializer.Deserialize<List<SubscaleValue>>(json, WebJson) ?? [];

    private static double Round(double value) => Math.Round(value, 1);

    private static double? RoundShare(double? share) => share is { } s ? Math.Round(s, 3) : null;
}
