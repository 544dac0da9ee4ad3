using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// The scale answers a progress view may show, read three ways: every answer, weekly means, or the answers of
/// some series only. Who sees what is the same rule in each: the clients in <c>Full</c> with everything from
/// the given cases; the others (a partner, in a client's own view) only answers of live shares and never a
/// screening answer.
/// </summary>
/// <remarks>
/// The weekly means are plain SQL: EF Core has no translation for grouping by ISO week, and the SQL is what
/// the benchmark times and EXPLAINs (bench/progress-query.sql). The practice is a condition of every query
/// here as the model's query filter would add it, and row-level security applies underneath as for any query.
/// </remarks>
public sealed record VisibleAnswers(Guid PracticeId, IReadOnlyList<Guid> All, IReadOnlyList<Guid> Full, IReadOnlyList<Guid> CaseIds, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Whose weeks the weekly means are counted in; ISO weeks in UTC, the roll-ups' own, by default.</summary>
    public WeekRule Weeks { get; init; } = WeekRule.Utc;

    /// <summary>
    /// The first day of the week holding an instant, in the zone @zone with weeks starting on @firstDay
    /// (0 = Sunday, as both PostgreSQL's dow and .NET's DayOfWeek count). For UTC and Monday it is exactly
    /// the roll-ups' date_trunc('week', answered_at AT TIME ZONE 'UTC').
    /// </summary>
    private const string AnsweredWeek =
        "((a.answered_at AT TIME ZONE @zone)::date - ((extract(dow FROM a.answered_at AT TIME ZONE @zone)::int - @firstDay + 7) % 7))";

    /// <summary><see cref="AnsweredWeek"/> of another column (a due date), with the same parameters.</summary>
    public static string WeekOf(string column) => AnsweredWeek.Replace("a.answered_at", column, StringComparison.Ordinal);

    /// <summary>The rows and the visibility rule of single answers; @-parameters from <see cref="Parameters"/>.</summary>
    private const string VisibleRows = """
        FROM scale_answers a
        WHERE a.practice_id = @practice
          AND a.client_id = ANY(@clients)
          AND a.dimension IS NOT NULL
          AND a.case_id = ANY(@cases)
          AND a.answered_at >= @start AND a.answered_at <= @end
          AND (a.client_id = ANY(@full)
               OR (NOT a.screening AND EXISTS (SELECT 1 FROM submission_shares s
                   -- @practice rather than a.practice_id: under OR, only a constant lets Citus keep the
                   -- subquery on the practice's one shard (a router query).
                   WHERE s.practice_id = @practice AND s.submission_id = a.submission_id AND s.withdrawn_at IS NULL)))
        """;

    /// <summary>
    /// Weekly means per client and dimension, for the weeks of <see cref="Weeks"/> (as <see cref="IsoWeek"/>
    /// counts them), of values normalised as <see cref="Analysis.Normalisation.ToPercent"/> does. For ISO weeks
    /// in UTC, whole weeks of fully visible clients come from the roll-ups (scale_answer_weeks, about 52 rows a
    /// year per dimension) and single answers are read only for the partial weeks at the range's ends and for
    /// clients seen through what they shared, whose visibility is per submission. A reader's weeks in another
    /// zone or from another first day cut the roll-ups' weeks in two, so for them every week is summed from
    /// the answers (docs/decisions/0003-progress-rollups.md). Each part is a range scan
    /// of an index: (practice_id, client_id, case_id, ...) of the roll-ups, and (practice_id, client_id,
    /// dimension, answered_at) of the answers, with the dimensions listed so the time range bounds the scan.
    /// </summary>
    public static readonly string WeeklyMeansSql = ("""
        SELECT w.client_id AS client_id, w.dimension AS dimension, w.week_of AS monday, w.value_sum AS total, w.answers AS answers,
               w.first_at AS first_at, w.last_at AS last_at
        FROM scale_answer_weeks w
        WHERE w.practice_id = @practice AND w.client_id = ANY(@full) AND w.case_id = ANY(@cases)
          AND w.week_of >= @wholeFromWeek AND w.week_of < @wholeToWeek
        """
        + WeeksOfAnswers + "  AND a.client_id = ANY(@full) AND a.answered_at >= @start AND a.answered_at < @wholeFrom AND a.answered_at <= @end\n" + ByWeek
        + WeeksOfAnswers + "  AND a.client_id = ANY(@full) AND a.answered_at >= @wholeTo AND a.answered_at >= @start AND a.answered_at <= @end\n" + ByWeek
        + WeeksOfAnswers + """
          AND a.client_id = ANY(@sharedOnly) AND a.answered_at >= @start AND a.answered_at <= @end
          AND NOT a.screening AND EXISTS (SELECT 1 FROM submission_shares s
              WHERE s.practice_id = @practice AND s.submission_id = a.submission_id AND s.withdrawn_at IS NULL)

        """ + ByWeek).Replace("{week}", AnsweredWeek, StringComparison.Ordinal);

    /// <summary>One part of <see cref="WeeklyMeansSql"/> made of single answers; each part adds its own conditions.</summary>
    private const string WeeksOfAnswers = """

        UNION ALL
        SELECT a.client_id, a.dimension, {week},
               sum((a.raw_value - a.min)::float8 / (a.max - a.min) * 100), count(*)::int, min(a.answered_at), max(a.answered_at)
        FROM scale_answers a
        WHERE a.practice_id = @practice AND a.dimension = ANY(@dimensions) AND a.case_id = ANY(@cases)

        """;

    private const string ByWeek = "GROUP BY 1, 2, 3";

    private const string AnswerColumns = """
        SELECT a.client_id AS client_id, a.case_id AS case_id, a.submission_id AS submission_id, a.dimension AS dimension,
               a.raw_value AS raw, a.min AS min, a.max AS max, a.answered_at AS at
        """;

    /// <summary>Single answers of the given (client, dimension) series and of the given submissions.</summary>
    private const string SomeAnswersSql = AnswerColumns + "\n" + VisibleRows + """

          AND ((a.client_id, a.dimension) IN (SELECT * FROM unnest(@seriesClients, @seriesDimensions))
               OR a.submission_id = ANY(@submissions))
        ORDER BY a.answered_at
        """;

    /// <summary>The parameters of <see cref="WeeklyMeansSql"/> (public for the benchmark, which times the same statement).</summary>
    public NpgsqlParameter[] WeeklyMeansParameters()
    {
        // Weeks wholly inside [Start, End] come from the roll-ups: from the first Monday at or after the start,
        // up to the last Monday at or before the end (a week ending exactly at End is whole: End is inclusive).
        // Weeks the roll-ups do not keep (another zone or first day): none from them, every answer in the part
        // from @wholeTo on.
        var rollups = Weeks.IsUtcIso;
        var wholeFrom = !rollups ? Start : Start == DateTimeOffset.MinValue ? Start : MondayOnOrAfter(Start);
        var wholeTo = !rollups ? Start : End == DateTimeOffset.MaxValue ? End : MondayOnOrBefore(End);
        var wholeFromWeek = !rollups || wholeFrom == DateTimeOffset.MinValue ? DateOnly.MinValue : DateOnly.FromDateTime(wholeFrom.UtcDateTime);
        var wholeToWeek = !rollups ? DateOnly.MinValue : wholeTo == DateTimeOffset.MaxValue ? DateOnly.MaxValue : DateOnly.FromDateTime(wholeTo.UtcDateTime);
        return Parameters()
            .Append(new NpgsqlParameter("sharedOnly", All.Except(Full).ToArray()))
            .Append(new NpgsqlParameter("dimensions", ExerciseVocabulary.Dimensions.Select(d => d.Value.ToString()).ToArray()))
            .Append(new NpgsqlParameter("wholeFrom", wholeFrom))
            .Append(new NpgsqlParameter("wholeTo", wholeTo))
            .Append(new NpgsqlParameter("wholeFromWeek", wholeFromWeek))
            .Append(new NpgsqlParameter("wholeToWeek", wholeToWeek))
            .ToArray();
    }

    public async Task<IReadOnlyList<WeekRow>> WeeklyMeansAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Database.ReadAsync(WeeklyMeansSql, WeeklyMeansParameters(), r => new WeekSqlRow
        {
            ClientId = r.GetGuid(0), Dimension = r.GetString(1), FirstDay = r.GetFieldValue<DateOnly>(2), Total = r.GetDouble(3), Answers = r.GetInt32(4),
            FirstAt = r.GetFieldValue<DateTimeOffset>(5), LastAt = r.GetFieldValue<DateTimeOffset>(6),
        }, ct);
        // A week can come in parts (one per case, or a partial week's answers): they add up here rather than
        // in a GROUP BY, which would sort thousands of rows the roll-ups' key already delivers in order.
        return rows.GroupBy(r => (r.ClientId, r.Dimension, r.FirstDay))
            .Select(g => new WeekRow(g.Key.ClientId, Enum.Parse<ProgressDimension>(g.Key.Dimension), g.Key.FirstDay,
                g.Sum(r => r.Total) / g.Sum(r => r.Answers), g.Sum(r => r.Answers), g.Min(r => r.FirstAt), g.Max(r => r.LastAt)))
            .OrderBy(w => w.ClientId).ThenBy(w => w.Dimension).ThenBy(w => w.FirstDay)
            .ToList();
    }

    /// <summary>The answers of some series, e.g. the short ones of a view whose long ones come as weekly means.</summary>
    public async Task<IReadOnlyList<AnswerRow>> SomeAnswersAsync(AppDbContext db, IReadOnlyCollection<(Guid ClientId, ProgressDimension Dimension)> series,
        IReadOnlyCollection<Guid> submissions, CancellationToken ct)
    {
        var parameters = Parameters()
            .Append(new NpgsqlParameter("seriesClients", series.Select(s => s.ClientId).ToArray()))
            .Append(new NpgsqlParameter("seriesDimensions", series.Select(s => s.Dimension.ToString()).ToArray()))
            .Append(new NpgsqlParameter("submissions", submissions.ToArray()))
            .ToArray();
        return await db.Database.ReadAsync(SomeAnswersSql, parameters, r => new AnswerRow(
            r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), Enum.Parse<ProgressDimension>(r.GetString(3)), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            r.GetFieldValue<DateTimeOffset>(7)), ct);
    }

    /// <summary>Every answer (the export), through the model so its query filter applies as well.</summary>
    public async Task<IReadOnlyList<AnswerRow>> EveryAnswerAsync(AppDbContext db, CancellationToken ct)
    {
        var (all, full, caseIds, start, end) = (All, Full, CaseIds, Start, End);
        return await db.ScaleAnswers.AsNoTracking()
            .Where(a => all.Contains(a.ClientId) && a.Dimension != null && caseIds.Contains(a.CaseId) && a.AnsweredAt >= start && a.AnsweredAt <= end)
            .Where(a => full.Contains(a.ClientId)
                || (!a.Screening && db.Shares.Any(s => s.SubmissionId == a.SubmissionId && s.WithdrawnAt == null)))
            .OrderBy(a => a.AnsweredAt)
            .Select(a => new AnswerRow(a.ClientId, a.CaseId, a.SubmissionId, a.Dimension!.Value, a.RawValue, a.Min, a.Max, a.AnsweredAt))
            .ToListAsync(ct);
    }

    private static DateTimeOffset MondayOnOrBefore(DateTimeOffset at) => IsoWeek.Of(at, ProgressReport.Zone).StartsAt(ProgressReport.Zone);

    private static DateTimeOffset MondayOnOrAfter(DateTimeOffset at)
    {
        var monday = MondayOnOrBefore(at);
        return monday == at ? monday : monday.AddDays(7);
    }

    private NpgsqlParameter[] Parameters() =>
    [
        new("practice", PracticeId),
        new("clients", All.ToArray()),
        new("full", Full.ToArray()),
        new("cases", CaseIds.ToArray()),
        new("start", Start),
        new("end", End),
        new("zone", Weeks.ZoneId),
        new("firstDay", (int)Weeks.FirstDay),
    ];

    private sealed record WeekSqlRow
    {
        public Guid ClientId { get; init; }
        public string Dimension { get; init; } = "";
        public DateOnly FirstDay { get; init; }
        public double Total { get; init; }
        public int Answers { get; init; }
        public DateTimeOffset FirstAt { get; init; }
        public DateTimeOffset LastAt { get; init; }
    }
}
