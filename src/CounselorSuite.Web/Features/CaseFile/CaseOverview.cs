using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.CaseFile;

public sealed record OpenAlert(Guid Id, Guid ClientId, Guid OccurrenceId, SafetyAlertSource Source, DateTimeOffset RaisedAt);

/// <summary>One client's progress at a glance: their latest rating, ratings lately, homework done by its due date.</summary>
public sealed record ClientGlance(Guid ClientId, DateTimeOffset? LastRating, int RatingsLately, int Due, int OnTime);

/// <summary>
/// The case's overview: what needs the counselor now (open alerts, submissions to review, overdue items) and
/// each client's progress at a glance. The numbers, not the content: the sections show the rest.
/// </summary>
public sealed record CaseOverview(IReadOnlyList<OpenAlert> Alerts, int ToReview, int Overdue, IReadOnlyList<ClientGlance> Clients)
{
    public const int AlertsShown = 20;
    public const int RecentDays = 30;

    /// <summary>
    /// Everything in one statement, added to the section's batch. Progress figures only for the case's own
    /// counselors (an admin who is not one sees the rest), as on the progress section.
    /// </summary>
    public static Batched<CaseOverview?> AddTo(QueryBatch batch, AppDbContext db, Guid caseId, Guid readerId, DateTimeOffset now) =>
        batch.Add(Query(db, caseId, readerId, now).Take(1), rows => rows.FirstOrDefault() is { } row ? From(row) : null);

    public static async Task<CaseOverview> LoadAsync(AppDbContext db, Guid caseId, Guid readerId, DateTimeOffset now, CancellationToken ct) =>
        From(await Query(db, caseId, readerId, now).FirstAsync(ct));

    private static IQueryable<Row> Query(AppDbContext db, Guid caseId, Guid readerId, DateTimeOffset now)
    {
        var recent = now.AddDays(-RecentDays);
        return db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new Row
            {
                Alerts = db.SafetyAlerts.Where(a => a.CaseId == c.Id && a.Status == SafetyAlertStatus.Open)
                    .OrderBy(a => a.RaisedAt).Take(AlertsShown)
                    .Select(a => new OpenAlert(a.Id, a.ClientId, a.OccurrenceId, a.Source, a.RaisedAt))
                    .ToList(),
                ToReview = db.Occurrences.Count(o => o.CaseId == c.Id && o.State == OccurrenceState.Submitted),
                // As the homework section counts it: open, past due, of an assignment still running.
                Overdue = db.Occurrences.Count(o => o.CaseId == c.Id
                    && (o.State == OccurrenceState.Assigned || o.State == OccurrenceState.InProgress) && o.DueAt < now
                    && db.Assignments.Any(a => a.Id == o.AssignmentId && a.Status == AssignmentStatus.Active)),
                // Decided here rather than from the header, so the overview can travel in the header's batch.
                Clients = c.Clients.Where(_ => c.Counselors.Any(x => x.CounselorId == readerId)).OrderBy(x => x.AddedAt)
                    .Select(x => new ClientGlance(
                        x.ClientId,
                        db.ScaleAnswers.Where(a => a.CaseId == c.Id && a.ClientId == x.ClientId).Max(a => (DateTimeOffset?)a.AnsweredAt),
                        db.ScaleAnswers.Count(a => a.CaseId == c.Id && a.ClientId == x.ClientId && a.AnsweredAt >= recent),
                        db.Occurrences.Count(o => o.CaseId == c.Id && o.ClientId == x.ClientId && o.State != OccurrenceState.Cancelled
                            && o.DueAt != null && o.DueAt <= now),
                        db.Occurrences.Count(o => o.CaseId == c.Id && o.ClientId == x.ClientId && o.State != OccurrenceState.Cancelled
                            && o.DueAt != null && o.DueAt <= now && o.SubmittedAt <= o.DueAt)))
                    .ToList(),
            })
            .AsSingleQuery();
    }

    private static CaseOverview From(Row row) => new(row.Alerts, row.ToReview, row.Overdue, row.Clients);

    private sealed class Row
    {
        public List<OpenAlert> Alerts { get; init; } = [];
        public int ToReview { get; init; }
        public int Overdue { get; init; }
        public List<ClientGlance> Clients { get; init; } = [];
    }
}
