using System.Security.Claims;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Features.Progress.Measures;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

public sealed record OccurrenceRow(Guid ClientId, Guid AssignmentId, string Title, AssignmentKind Kind, DateTimeOffset StartsAt, DateTimeOffset? DueAt, DateTimeOffset? SubmittedAt);

/// <summary>Everything a progress view needs, loaded in a fixed number of queries whatever the amount of data.</summary>
public sealed class ProgressData
{
    public required IReadOnlyList<ProgressSubject> Subjects { get; init; }
    public required IReadOnlyList<AnswerRow> Answers { get; init; }
    public required IReadOnlyList<ResultRow> Results { get; init; }
    public required IReadOnlyList<OccurrenceRow> Occurrences { get; init; }
    public required IReadOnlyList<DateTimeOffset> Sessions { get; init; }

    /// <summary>What each submission answered: the exercise's or the measure's title.</summary>
    public required IReadOnlyDictionary<Guid, string> Sources { get; init; }

    /// <summary>The definitions of the measures in <see cref="Results"/>, by key and version.</summary>
    public required IReadOnlyDictionary<(string Key, int Version), MeasureDefinition> Measures { get; init; }

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    public IEnumerable<AnswerRow> AnswersOf(Guid clientId) => Answers.Where(a => a.ClientId == clientId);

    public string SourceOf(Guid submissionId) => Sources.GetValueOrDefault(submissionId, "");

    /// <summary>One client's series per dimension, in the vocabulary's order, time-ordered.</summary>
    public IReadOnlyList<DimensionSeries> SeriesOf(Guid clientId) =>
        ExerciseVocabulary.Dimensions
            .Select(d => new DimensionSeries(d.Value.ToString(),
                AnswersOf(clientId).Where(a => a.Dimension == d.Value).OrderBy(a => a.At).Select(a => new ProgressPoint(a.At, a.Value)).ToList()))
            .Where(s => s.Points.Count > 0)
            .ToList();
}

public static class ProgressQueries
{
    public static async Task<ProgressAccess?> AccessAsync(AppDbContext db, ClaimsPrincipal user, Guid clientId, CancellationToken ct)
    {
        var me = user.UserId();
        if (user.IsClient())
        {
            if (me != clientId)
            {
                return null; // a partner's id included: a client reads only their own progress here
            }
            var own = await db.CaseClients.AsNoTracking().Where(c => c.ClientId == me).Select(c => c.CaseId).ToListAsync(ct);
            return new ProgressAccess(me, true, own);
        }
        var counselled = await db.CaseCounselors.AsNoTracking()
            .Where(c => c.CounselorId == me && db.CaseClients.Any(x => x.CaseId == c.CaseId && x.ClientId == clientId))
            .Select(c => c.CaseId).ToListAsync(ct);
        return counselled.Count == 0 ? null : new ProgressAccess(clientId, false, counselled);
    }

    /// <summary>
    /// The people a view of <paramref name="access"/>'s client shows: the client, then the other clients of
    /// the same cases (a partner's own view gets only what was shared; a counselor sees everything).
    /// </summary>
    public static async Task<IReadOnlyList<ProgressSubject>> SubjectsAsync(AppDbContext db, ProgressAccess access, CancellationToken ct)
    {
        var people = await db.CaseClients.AsNoTracking().Where(c => access.CaseIds.Contains(c.CaseId))
            .Join(db.Users.AsNoTracking(), c => c.ClientId, u => u.Id, (c, u) => new { u.Id, u.DisplayName, c.AddedAt })
            .ToListAsync(ct);
        var subjects = new List<ProgressSubject>();
        var self = people.FirstOrDefault(p => p.Id == access.ClientId);
        subjects.Add(new ProgressSubject(access.ClientId, access.Self ? "You" : self?.DisplayName ?? "Client", false));
        foreach (var other in people.Where(p => p.Id != access.ClientId).OrderBy(p => p.AddedAt).DistinctBy(p => p.Id))
        {
            subjects.Add(new ProgressSubject(other.Id, other.DisplayName, SharedOnly: access.Self));
        }
        return subjects;
    }

    /// <summary>Loads <paramref name="subjects"/>' data from <paramref name="caseIds"/> in six queries (seven with imported measures).</summary>
    public static async Task<ProgressData> LoadAsync(AppDbContext db, TimeProvider clock, IReadOnlyList<ProgressSubject> subjects, IReadOnlyList<Guid> caseIds,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var full = subjects.Where(s => !s.SharedOnly).Select(s => s.ClientId).ToList();
        var sharedOnly = subjects.Where(s => s.SharedOnly).Select(s => s.ClientId).ToList();
        var all = subjects.Select(s => s.ClientId).ToList();
        var start = from ?? DateTimeOffset.MinValue;
        var end = to ?? DateTimeOffset.MaxValue;

        var answers = await db.ScaleAnswers.AsNoTracking()
            .Where(a => all.Contains(a.ClientId) && a.Dimension != null && caseIds.Contains(a.CaseId) && a.AnsweredAt >= start && a.AnsweredAt <= end)
            .Where(a => full.Contains(a.ClientId)
                || (!a.Screening && db.Shares.Any(s => s.SubmissionId == a.SubmissionId && s.WithdrawnAt == null)))
            .OrderBy(a => a.AnsweredAt)
            .Select(a => new AnswerRow(a.ClientId, a.CaseId, a.SubmissionId, a.Dimension!.Value, a.RawValue, a.Min, a.Max, a.AnsweredAt))
            .ToListAsync(ct);

        var results = await db.MeasureResults.AsNoTracking()
            .Where(r => all.Contains(r.ClientId) && caseIds.Contains(r.CaseId) && r.At >= start && r.At <= end)
            .Where(r => full.Contains(r.ClientId)
                || (db.Shares.Any(s => s.SubmissionId == r.SubmissionId && s.WithdrawnAt == null)
                    && !db.Submissions.Any(s => s.Id == r.SubmissionId && s.Screening)))
            .OrderBy(r => r.At)
            .Select(r => new ResultRow(r.ClientId, r.SubmissionId, r.MeasureKey, r.MeasureVersion, r.Total, r.Band, r.BandConcern, r.Subscales, r.At))
            .ToListAsync(ct);

        // Titles of what was answered, for the export's "measure" column and the tables.
        var sources = await db.Submissions.AsNoTracking()
            .Where(s => all.Contains(s.ClientId) && caseIds.Contains(s.CaseId) && s.SubmittedAt >= start && s.SubmittedAt <= end)
            .Join(db.ExerciseVersions.AsNoTracking(), s => s.ExerciseVersionId, v => v.Id, (s, v) => new { s.Id, v.Title })
            .ToDictionaryAsync(x => x.Id, x => x.Title, ct);

        // Adherence is the client's own business and their counselor's: never a partner's.
        var occurrences = full.Count == 0 ? [] : await (
                from o in db.Occurrences.AsNoTracking()
                join a in db.Assignments.AsNoTracking() on o.AssignmentId equals a.Id
                join v in db.ExerciseVersions.AsNoTracking() on a.ExerciseVersionId equals v.Id
                where full.Contains(o.ClientId) && caseIds.Contains(o.CaseId) && o.State != OccurrenceState.Cancelled
                    && (o.DueAt == null || (o.DueAt >= start && o.DueAt <= end))
                orderby o.DueAt
                select new OccurrenceRow(o.ClientId, o.AssignmentId, v.Title, a.Kind, a.StartsAt, o.DueAt, o.SubmittedAt))
            .ToListAsync(ct);

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => caseIds.Contains(s.CaseId) && s.Status == SessionStatus.Attended && s.StartsAt >= start && s.StartsAt <= end
                && s.Attendees.Any(x => all.Contains(x.ClientId)))
            .OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync(ct);

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
        foreach (var (submission, title) in results.Where(r => measures.ContainsKey((r.MeasureKey, r.MeasureVersion)))
            .Select(r => (r.SubmissionId, measures[(r.MeasureKey, r.MeasureVersion)].Title)))
        {
            sources[submission] = title;
        }

        return new ProgressData
        {
            Subjects = subjects, Answers = answers, Results = results, Occurrences = occurrences, Sessions = sessions,
            Sources = sources, Measures = measures, From = from, To = to,
        };
    }
}
