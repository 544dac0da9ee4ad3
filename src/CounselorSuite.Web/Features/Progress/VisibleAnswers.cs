using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Measures;
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

    /// <summary>
    /// Each client's latest check-in among the measure results the view may show (the rule of
    /// ProgressQueries' results: the client's own, or shared and not a screening): its answers draw the "latest
    /// check-in" chart whatever the series' length.
    /// </summary>
    private const string LatestCheckInsSql = """
        SELECT DISTINCT ON (m.client_id) m.submission_id
        FROM measure_results m
        WHERE m.practice_id = @practice AND m.client_id = ANY(@clients) AND m.case_id = ANY(@cases)
          AND m.at >= @start AND m.at <= @end AND m.measure_key = @checkIn
          AND (m.client_id = ANY(@full)
               OR (EXISTS (SELECT 1 FROM submission_shares s
                       WHERE s.practice_id = @practice AND s.submission_id = m.submission_id AND s.withdrawn_at IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM homework_submissions h
                       WHERE h.practice_id = @practice AND h.id = m.submission_id AND h.screening)))
        ORDER BY m.client_id, m.at DESC
        """;

    /// <summary>
    /// What a view shows of the series, as one statement (issue 15): the weekly means of every series
    /// (<see cref="WeeklyMeansSql"/>, part 0), the single answers of the series that are not long
    /// (ProgressData.IsLong, decided here from the same weekly rows) and of each client's latest check-in (part 1),
    /// and the titles of the exercises those answers answered (part 2). The parts have their own columns; the
    /// others are null.
    /// </summary>
    public static readonly string SeriesSql = "WITH weeks AS MATERIALIZED (\n" + WeeklyMeansSql + "\n),\nshown AS MATERIALIZED (\n"
        + AnswerColumns + "\n" + VisibleRows + """

          AND ((a.client_id, a.dimension) IN (
                  SELECT w.client_id, w.dimension FROM weeks w GROUP BY w.client_id, w.dimension
                  HAVING NOT (sum(w.answers) > 1 AND max(w.last_at) - min(w.first_at) > @longRange))
               OR a.submission_id IN (
        """ + LatestCheckInsSql + """
        ))
        )
        SELECT 0 AS part, w.client_id, w.dimension, w.monday, w.total, w.answers, w.first_at, w.last_at,
               NULL::uuid AS case_id, NULL::uuid AS submission_id, NULL::int AS raw, NULL::int AS min, NULL::int AS max, NULL::text AS title
        FROM weeks w
        UNION ALL
        SELECT 1, a.client_id, a.dimension, NULL, NULL, NULL, a.at, NULL, a.case_id, a.submission_id, a.raw, a.min, a.max, NULL
        FROM shown a
        UNION ALL
        SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, h.id, NULL, NULL, NULL, v.title
        FROM homework_submissions h
        JOIN exercise_versions v ON v.practice_id = h.practice_id AND v.id = h.exercise_version_id
        WHERE h.practice_id = @practice AND h.id IN (SELECT a.submission_id FROM shown a)
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

    /// <summary>The weeks, answers and titles of <see cref="SeriesSql"/>, as one statement of the batch.</summary>
    public Batched<SeriesRows> Series(QueryBatch batch)
    {
        var parameters = WeeklyMeansParameters()
            .Append(new NpgsqlParameter("longRange", WeeklyRollup.LongRange))
            .Append(new NpgsqlParameter("checkIn", BuiltInMeasures.CheckInKey))
            .ToArray();
        var rows = batch.Sql(SeriesSql, parameters, r => new SeriesSqlRow
        {
            Part = r.GetInt32(0),
            ClientId = r.IsDBNull(1) ? Guid.Empty : r.GetGuid(1),
            Dimension = r.IsDBNull(2) ? "" : r.GetString(2),
            FirstDay = r.IsDBNull(3) ? default : r.GetFieldValue<DateOnly>(3),
            Total = r.IsDBNull(4) ? 0 : r.GetDouble(4),
            Answers = r.IsDBNull(5) ? 0 : r.GetInt32(5),
            FirstAt = r.IsDBNull(6) ? default : r.GetFieldValue<DateTimeOffset>(6),
            LastAt = r.IsDBNull(7) ? default : r.GetFieldValue<DateTimeOffset>(7),
            CaseId = r.IsDBNull(8) ? Guid.Empty : r.GetGuid(8),
            SubmissionId = r.IsDBNull(9) ? Guid.Empty : r.GetGuid(9),
            Raw = r.IsDBNull(10) ? 0 : r.GetInt32(10),
            Min = r.IsDBNull(11) ? 0 : r.GetInt32(11),
            Max = r.IsDBNull(12) ? 0 : r.GetInt32(12),
            Title = r.IsDBNull(13) ? "" : r.GetString(13),
        });
        return Batched<SeriesRows>.From(() => new SeriesRows(
            WeeksOf(rows.Value.Where(r => r.Part == 0)),
            rows.Value.Where(r => r.Part == 1).OrderBy(r => r.FirstAt)
                .Select(r => new AnswerRow(r.ClientId, r.CaseId, r.SubmissionId, Enum.Parse<ProgressDimension>(r.Dimension), r.Raw, r.Min, r.Max, r.FirstAt))
                .ToList(),
            rows.Value.Where(r => r.Part == 2).ToDictionary(r => r.SubmissionId, r => r.Title)));
    }

    /// <summary>
    /// Every answer (the export), through the model so its query filter applies as well, with the titles of what
    /// they answered: two statements of the batch. The weeks are those of the answers, in <paramref name="rule"/>'s weeks.
    /// </summary>
    public Batched<SeriesRows> EveryAnswer(QueryBatch batch, AppDbContext db, WeekRule rule)
    {
        var (all, full, caseIds, start, end) = (All, Full, CaseIds, Start, End);
        var visible = db.ScaleAnswers.AsNoTracking()
            .Where(a => all.Contains(a.ClientId) && a.Dimension != null && caseIds.Contains(a.CaseId) && a.AnsweredAt >= start && a.AnsweredAt <= end)
            .Where(a => full.Contains(a.ClientId)
                || (!a.Screening && db.Shares.Any(s => s.SubmissionId == a.SubmissionId && s.WithdrawnAt == null)));
        var answers = batch.List(visible.OrderBy(a => a.AnsweredAt)
            .Select(a => new AnswerRow(a.ClientId, a.CaseId, a.SubmissionId, a.Dimension!.Value, a.RawValue, a.Min, a.Max, a.AnsweredAt)));
        var titles = batch.List(db.Submissions.AsNoTracking()
            .Where(s => visible.Select(a => a.SubmissionId).Contains(s.Id))
            .Join(db.ExerciseVersions.AsNoTracking(), s => s.ExerciseVersionId, v => v.Id, (s, v) => new { s.Id, v.Title }));
        return Batched<SeriesRows>.From(() => new SeriesRows(ProgressQueries.WeeksOfAnswers(answers.Value, rule), answers.Value,
            titles.Value.ToDictionary(t => t.Id, t => t.Title)));
    }

    // A week can come in parts (one per case, or a partial week's answers): they add up here rather than in a
    // GROUP BY, which would sort thousands of rows the roll-ups' key already delivers in order.
    private static List<WeekRow> WeeksOf(IEnumerable<SeriesSqlRow> rows) =>
        rows.GroupBy(r => (r.ClientId, r.Dimension, r.FirstDay))
            .Select(g => new WeekRow(g.Key.ClientId, Enum.Parse<ProgressDimension>(g.Key.Dimension), g.Key.FirstDay,
                g.Sum(r => r.Total) / g.Sum(r => r.Answers), g.Sum(r => r.Answers), g.Min(r => r.FirstAt), g.Max(r => r.LastAt)))
            .OrderBy(w => w.ClientId).ThenBy(w => w.Dimension).ThenBy(w => w.FirstDay)
            .ToList();

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

    /// <summary>A row of <see cref="SeriesSql"/>: a week's part (0), an answer (1, its time in FirstAt) or a title (2).</summary>
    private sealed record SeriesSqlRow
    {
        public int Part { get; init; }
        public Guid ClientId { get; init; }
        public string Dimension { get; init; } = "";
        public DateOnly FirstDay { get; init; }
        public double Total { get; init; }
        public int Answers { get; init; }
        public DateTimeOffset FirstAt { get; init; }
        public DateTimeOffset LastAt { get; init; }
        public Guid CaseId { get; init; }
        public Guid SubmissionId { get; init; }
        public int Raw { get; init; }
        public int Min { get; init; }
        public int Max { get; init; }
        public string Title { get; init; } = "";
    }
}
