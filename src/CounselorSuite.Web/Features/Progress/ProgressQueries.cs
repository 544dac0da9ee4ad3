using System.Security.Claims;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// Whose progress the caller may read, and from which cases. A client reads their own (all their cases)
/// and, in a shared case, what a partner shared; a counselor reads every client of the cases they
/// counsel, from those cases only. Anyone else gets null (404).
/// </summary>
/// <param name="Self">The caller is the client.</param>
/// <param name="CaseIds">The cases whose data the caller may see for this client.</param>
public sealed record ProgressAccess(Guid ClientId, bool Self, IReadOnlyList<Guid> CaseIds);

/// <summary>A person whose data a view shows. SharedOnly: only what they shared, never a screening answer.</summary>
public sealed record ProgressSubject(Guid ClientId, string Name, bool SharedOnly);

public sealed record AnswerRow(Guid ClientId, Guid CaseId, Guid SubmissionId, ProgressDimension Dimension, int Raw, int Min, int Max, DateTimeOffset At)
{
    public double Value => Normalisation.ToPercent(Raw, Min, Max);
}

public sealed record ResultRow(Guid ClientId, Guid SubmissionId, string MeasureKey, int MeasureVersion, double Total, string? Band, bool Concern, string Subscales, DateTimeOffset At);

/// <summary>
/// A client's occurrences of one assignment due in one week (of the load's <see cref="WeekRule"/>), counted as adherence counts them at
/// load time: <paramref name="Due"/> = already due, of which <paramref name="OnTime"/> submitted by their due
/// date and <paramref name="Late"/> after it. <paramref name="WeekOf"/> is null for occurrences without a due date.
/// </summary>
public sealed record AdherenceRow(Guid ClientId, Guid AssignmentId, string Title, AssignmentKind Kind, DateTimeOffset StartsAt, DateOnly? WeekOf, int Due, int OnTime, int Late);

/// <summary>How much of a series a progress load reads.</summary>
public enum SeriesDetail
{
    /// <summary>
    /// What pages and the API show: every answer of a series spanning at most 26 weeks, and for a longer one
    /// its weekly means, computed by the database so five years of daily answers never leave it.
    /// </summary>
    Auto,

    /// <summary>Every answer of every series (the CSV and JSON export).</summary>
    EveryAnswer,
}

/// <summary>
/// The mean of one client's answers on one dimension in one week of the load's <see cref="WeekRule"/>: the
/// reader's for pages and handouts, Monday to Sunday in UTC for the API.
/// </summary>
public sealed record WeekRow(Guid ClientId, ProgressDimension Dimension, DateOnly FirstDay, double Mean, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt)
{
    public WeeklyMean ToWeeklyMean(WeekRule rule)
    {
        var startsAt = ZoneDays.MidnightOf(FirstDay, rule.Zone);
        return new WeeklyMean(IsoWeek.Of(startsAt, rule), startsAt, Mean, Count);
    }
}

/// <summary>Everything a progress view needs, loaded in a fixed number of queries whatever the amount of data.</summary>
public sealed class ProgressData
{
    public required IReadOnlyList<ProgressSubject> Subjects { get; init; }

    /// <summary>
    /// Single answers: all of them with <see cref="SeriesDetail.EveryAnswer"/>; otherwise those of series that
    /// are not long (see <see cref="IsLong"/>) and those of each client's latest check-in.
    /// </summary>
    public required IReadOnlyList<AnswerRow> Answers { get; init; }

    /// <summary>Weekly means of every series, whatever the detail.</summary>
    public required IReadOnlyList<WeekRow> Weeks { get; init; }

    public required SeriesDetail Detail { get; init; }

    /// <summary>Whose weeks <see cref="Weeks"/> and the adherence rows are counted in.</summary>
    public WeekRule WeekRule { get; init; } = WeekRule.Utc;
    public required IReadOnlyList<ResultRow> Results { get; init; }
    public required IReadOnlyList<AdherenceRow> Adherence { get; init; }
    public required IReadOnlyList<DateTimeOffset> Sessions { get; init; }

    /// <summary>What each submission of <see cref="Answers"/> answered: the exercise's or the measure's title.</summary>
    public required IReadOnlyDictionary<Guid, string> Sources { get; init; }

    /// <summary>The definitions of the measures in <see cref="Results"/>, by key and version.</summary>
    public required IReadOnlyDictionary<(string Key, int Version), MeasureDefinition> Measures { get; init; }

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    public IEnumerable<AnswerRow> AnswersOf(Guid clientId) => Answers.Where(a => a.ClientId == clientId);

    public IEnumerable<WeekRow> WeeksOf(Guid clientId) => Weeks.Where(w => w.ClientId == clientId);

    /// <summary>One client's weeks of one dimension, oldest first (<see cref="Weeks"/> is kept in that order).</summary>
    public IReadOnlyList<WeekRow> WeeksOf(Guid clientId, ProgressDimension dimension) =>
        (weeksBySeries ??= Weeks.ToLookup(w => (w.ClientId, w.Dimension)))[(clientId, dimension)].ToList();

    // Every chart, table and gap of a view reads the weeks of one series: grouped once, not filtered per call.
    private ILookup<(Guid ClientId, ProgressDimension Dimension), WeekRow>? weeksBySeries;

    public string SourceOf(Guid submissionId) => Sources.GetValueOrDefault(submissionId, "");

    /// <summary>How many answers the client gave in the range, and the latest one's time.</summary>
    public (int Count, DateTimeOffset? Latest) AnswerTotals(Guid clientId)
    {
        var weeks = WeeksOf(clientId).ToList();
        return (weeks.Sum(w => w.Count), weeks.Count == 0 ? null : weeks.Max(w => w.LastAt));
    }

    /// <summary>A series spanning more than <see cref="WeeklyRollup.LongRange"/> is shown as weekly means.</summary>
    public static bool IsLong(IReadOnlyCollection<WeekRow> weeks) =>
        weeks.Count > 0 && weeks.Sum(w => w.Count) > 1 && weeks.Max(w => w.LastAt) - weeks.Min(w => w.FirstAt) > WeeklyRollup.LongRange;

    /// <summary>
    /// One client's series per dimension, in the vocabulary's order and time-ordered, as charts draw them:
    /// every answer, or weekly means (placed at the start of their week) for a long series.
    /// </summary>
    public IReadOnlyList<DimensionSeries> SeriesOf(Guid clientId)
    {
        var series = new List<DimensionSeries>();
        foreach (var dimension in ExerciseVocabulary.Dimensions.Select(d => d.Value))
        {
            var weeks = WeeksOf(clientId, dimension);
            if (weeks.Count == 0)
            {
                continue;
            }
            series.Add(IsLong(weeks)
                ? new DimensionSeries(dimension.ToString(), weeks.Select(w => w.ToWeeklyMean(WeekRule)).Select(w => new ProgressPoint(w.StartsAt, w.Mean)).ToList(), Weekly: true)
                : new DimensionSeries(dimension.ToString(), AnswersOf(clientId).Where(a => a.Dimension == dimension).OrderBy(a => a.At).Select(a => new ProgressPoint(a.At, a.Value) { Scale = new AnswerScale(a.Min, a.Max) }).ToList()));
        }
        return series;
    }

    /// <summary>The weekly means of one client's series, week by week.</summary>
    public IReadOnlyList<WeeklyMean> WeeklyMeansOf(Guid clientId, ProgressDimension dimension) =>
        WeeksOf(clientId, dimension).Select(w => w.ToWeeklyMean(WeekRule)).ToList();

    /// <summary>The perception gap between two clients: every week in which both rated the same dimension.</summary>
    public IReadOnlyList<GapWeek> GapsBetween(Guid a, Guid b) =>
        ExerciseVocabulary.Dimensions.Select(d => d.Value)
            .OrderBy(d => d.ToString(), StringComparer.Ordinal)
            .SelectMany(d => PerceptionGap.FromWeeklyMeans(d.ToString(), WeeklyMeansOf(a, d), WeeklyMeansOf(b, d)))
            .ToList();
}

/// <summary>What a view shows of its series: weekly means, single answers, and the titles of what those answered.</summary>
public sealed record SeriesRows(IReadOnlyList<WeekRow> Weeks, IReadOnlyList<AnswerRow> Answers, IReadOnlyDictionary<Guid, string> Titles);

/// <summary>Whose progress a caller may read (null: nobody's, 404), the people a view of it shows, and for a counselor the cases the client shares with a partner.</summary>
public sealed record ProgressReaders(ProgressAccess? Access, IReadOnlyList<ProgressSubject> Subjects, IReadOnlyList<Guid> SharedCases);

public static class ProgressQueries
{
    /// <summary>
    /// Whose progress the caller may read and the people a view of it shows, as one statement of the batch: the
    /// clients of the cases the caller may see this client's data from (a client: their own cases; a counselor:
    /// the cases they counsel with this client), with their names. The cases are those the rows name (the client
    /// is a client of each). A view shows the client, then the other clients of the same cases (a partner's own
    /// view gets only what was shared; a counselor sees everything).
    /// </summary>
    public static Batched<ProgressReaders> Readers(QueryBatch batch, AppDbContext db, ClaimsPrincipal user, Guid clientId)
    {
        var me = user.UserId();
        var self = user.IsClient();
        if (self && me != clientId)
        {
            return Batched<ProgressReaders>.Of(new ProgressReaders(null, [], [])); // a partner's id included: a client reads only their own progress here
        }
        var cases = self
            ? db.CaseClients.Where(c => c.ClientId == me).Select(c => c.CaseId)
            : db.CaseCounselors.Where(c => c.CounselorId == me && db.CaseClients.Any(x => x.CaseId == c.CaseId && x.ClientId == clientId)).Select(c => c.CaseId);
        return batch.Add(
            db.CaseClients.AsNoTracking().Where(c => cases.Contains(c.CaseId))
                .Join(db.Users.AsNoTracking(), c => c.ClientId, u => u.Id, (c, u) => new { c.CaseId, u.Id, u.DisplayName, c.AddedAt }),
            people =>
            {
                var caseIds = people.Select(p => p.CaseId).Distinct().ToList();
                if (!self && caseIds.Count == 0)
                {
                    return new ProgressReaders(null, [], []);
                }
                var access = new ProgressAccess(clientId, self, caseIds);
                var subjects = new List<ProgressSubject>
                {
                    new(clientId, self ? "You" : people.FirstOrDefault(p => p.Id == clientId)?.DisplayName ?? "Client", false),
                };
                foreach (var other in people.Where(p => p.Id != clientId).OrderBy(p => p.AddedAt).DistinctBy(p => p.Id))
                {
                    subjects.Add(new ProgressSubject(other.Id, other.DisplayName, SharedOnly: self));
                }
                var shared = self ? [] : people.GroupBy(p => p.CaseId).Where(g => g.Select(p => p.Id).Distinct().Count() > 1).Select(g => g.Key).ToList();
                return new ProgressReaders(access, subjects, shared);
            });
    }

    /// <summary>
    /// Loads <paramref name="subjects"/>' data from <paramref name="caseIds"/> in one batch of four statements (five
    /// with <see cref="SeriesDetail.EveryAnswer"/>), however much there is; a measure imported by the practice
    /// adds a query for its definition. With <see cref="SeriesDetail.Auto"/>, long series arrive as weekly means
    /// computed by the database and only short series (and each client's latest check-in) as single answers.
    /// </summary>
    /// <param name="weeks">Whose weeks to count in: the reader's on pages and handouts; ISO weeks in UTC (the API's) when left out.</param>
    public static async Task<ProgressData> LoadAsync(AppDbContext db, TimeProvider clock, IReadOnlyList<ProgressSubject> subjects, IReadOnlyList<Guid> caseIds,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct, SeriesDetail detail = SeriesDetail.Auto, WeekRule? weeks = null)
    {
        var rule = weeks ?? WeekRule.Utc;
        var full = subjects.Where(s => !s.SharedOnly).Select(s => s.ClientId).ToList();
        var all = subjects.Select(s => s.ClientId).ToList();
        var start = from ?? DateTimeOffset.MinValue;
        var end = to ?? DateTimeOffset.MaxValue;
        var visible = new VisibleAnswers(db.CurrentPracticeId, all, full, caseIds, start, end) { Weeks = rule };

        var batch = new QueryBatch(db);
        var resultsRead = batch.List(db.MeasureResults.AsNoTracking()
            .Where(r => all.Contains(r.ClientId) && caseIds.Contains(r.CaseId) && r.At >= start && r.At <= end)
            .Where(r => full.Contains(r.ClientId)
                || (db.Shares.Any(s => s.SubmissionId == r.SubmissionId && s.WithdrawnAt == null)
                    && !db.Submissions.Any(s => s.Id == r.SubmissionId && s.Screening)))
            .OrderBy(r => r.At)
            .Select(r => new ResultRow(r.ClientId, r.SubmissionId, r.MeasureKey, r.MeasureVersion, r.Total, r.Band, r.BandConcern, r.Subscales, r.At)));
        var seriesRead = detail == SeriesDetail.EveryAnswer ? visible.EveryAnswer(batch, db, rule) : visible.Series(batch);
        // Adherence is the client's own business and their counselor's: never a partner's.
        var adherenceRead = full.Count == 0 ? Batched<IReadOnlyList<AdherenceRow>>.Of([])
            : Adherence(batch, db, full, caseIds, start, end, clock.GetUtcNow(), rule);
        var sessionsRead = batch.List(db.Sessions.AsNoTracking()
            .Where(s => caseIds.Contains(s.CaseId) && s.Status == SessionStatus.Attended && s.StartsAt >= start && s.StartsAt <= end
                && s.Attendees.Any(x => all.Contains(x.ClientId)))
            .OrderBy(s => s.StartsAt).Select(s => s.StartsAt));
        await batch.SendAsync(ct);

        var (results, series) = (resultsRead.Value, seriesRead.Value);
        // Titles of what was answered, for the export's "measure" column and the tables: a measure's own where known.
        var sources = new Dictionary<Guid, string>(series.Titles);
        var measures = await MeasuresAsync(db, results, ct);
        foreach (var (submission, title) in results.Where(r => measures.ContainsKey((r.MeasureKey, r.MeasureVersion)) && sources.ContainsKey(r.SubmissionId))
            .Select(r => (r.SubmissionId, measures[(r.MeasureKey, r.MeasureVersion)].Title)))
        {
            sources[submission] = title;
        }

        return new ProgressData
        {
            Subjects = subjects, Answers = series.Answers, Weeks = series.Weeks, Detail = detail, Results = results, Adherence = adherenceRead.Value,
            Sessions = sessionsRead.Value, Sources = sources, Measures = measures, From = from, To = to, WeekRule = rule,
        };
    }

    /// <summary>The definitions of the results' measures: built in, or (a query, only then) imported by the practice.</summary>
    private static async Task<Dictionary<(string, int), MeasureDefinition>> MeasuresAsync(AppDbContext db, IReadOnlyList<ResultRow> results, CancellationToken ct)
    {
        var measures = new Dictionary<(string, int), MeasureDefinition>();
        var keys = results.Select(r => (r.MeasureKey, r.MeasureVersion)).Distinct().ToList();
        foreach (var (key, version) in keys)
        {
            if (BuiltInMeasures.Find(key) is { } builtIn && builtIn.Version == version)
            {
                measures[(key, version)] = builtIn;
            }
        }
        var imported = keys.Where(k => !measures.ContainsKey(k)).Select(k => k.MeasureKey).Distinct().ToList();
        if (imported.Count > 0)
        {
            var stored = await db.Measures.AsNoTracking().Where(m => imported.Contains(m.Key)).Select(m => new { m.Key, m.Version, m.Definition }).ToListAsync(ct);
            foreach (var m in stored.Where(m => keys.Contains((m.Key, m.Version))))
            {
                if (MeasureValidator.Parse(m.Definition).Definition is { } definition)
                {
                    measures[(m.Key, m.Version)] = definition;
                }
            }
        }
        return measures;
    }

    /// <summary>
    /// Occurrences counted per client, assignment and week due, in the database: a client with years of
    /// daily homework has thousands of occurrences but a few hundred such rows.
    /// </summary>
    private static readonly string AdherenceSql = """
        SELECT o.client_id AS client_id, o.assignment_id AS assignment_id, v.title AS title, a.kind AS kind, a.starts_at AS starts_at,
               {week} AS week_of,
               count(*) FILTER (WHERE o.due_at <= @now)::int AS due,
               count(*) FILTER (WHERE o.due_at <= @now AND o.submitted_at <= o.due_at)::int AS on_time,
               count(*) FILTER (WHERE o.due_at <= @now AND o.submitted_at > o.due_at)::int AS late
        FROM assignment_occurrences o
        JOIN assignments a ON a.practice_id = o.practice_id AND a.id = o.assignment_id
        JOIN exercise_versions v ON v.practice_id = a.practice_id AND v.id = a.exercise_version_id
        WHERE o.practice_id = @practice AND o.client_id = ANY(@clients) AND o.case_id = ANY(@cases) AND o.state <> 'Cancelled'
          AND (o.due_at IS NULL OR (o.due_at >= @start AND o.due_at <= @end))
        GROUP BY o.client_id, o.assignment_id, v.title, a.kind, a.starts_at, 6
        """.Replace("{week}", VisibleAnswers.WeekOf("o.due_at"), StringComparison.Ordinal);

    private static Batched<IReadOnlyList<AdherenceRow>> Adherence(QueryBatch batch, AppDbContext db, IReadOnlyList<Guid> clients, IReadOnlyList<Guid> caseIds,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, WeekRule rule)
    {
        NpgsqlParameter[] parameters =
        [
            new("practice", db.CurrentPracticeId), new("clients", clients.ToArray()), new("cases", caseIds.ToArray()),
            new("start", start), new("end", end), new("now", now), new("zone", rule.ZoneId), new("firstDay", (int)rule.FirstDay),
        ];
        var rows = batch.Sql(AdherenceSql, parameters, r => new AdherenceRow(
            r.GetGuid(0), r.GetGuid(1), r.GetString(2), Enum.Parse<AssignmentKind>(r.GetString(3)), r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)));
        return Batched<IReadOnlyList<AdherenceRow>>.From(() => rows.Value.OrderBy(r => r.WeekOf).ThenBy(r => r.AssignmentId).ToList());
    }

    /// <summary>Weekly means of loaded answers, the same figures the database computes for <see cref="SeriesDetail.Auto"/>.</summary>
    public static IReadOnlyList<WeekRow> WeeksOfAnswers(IEnumerable<AnswerRow> answers, WeekRule? rule = null) =>
        answers.GroupBy(a => (a.ClientId, a.Dimension, IsoWeek.Of(a.At, rule ?? WeekRule.Utc).FirstDay))
            .Select(g => new WeekRow(g.Key.ClientId, g.Key.Dimension, g.Key.FirstDay, g.Average(a => a.Value), g.Count(), g.Min(a => a.At), g.Max(a => a.At)))
            .OrderBy(w => w.ClientId).ThenBy(w => w.Dimension).ThenBy(w => w.FirstDay)
            .ToList();
}
