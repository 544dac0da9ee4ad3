using System.Security.Claims;
using CounselorSuite.Web.Infrastructure.Data;

namespace CounselorSuite.Web.Features.CounselorHome;

/// <summary>A row of any of <see cref="HomeAttention"/>'s lists, in the one shape their union needs (a class: EF Core matches members by name).</summary>
public sealed class AttentionRow
{
    public const int Alerts = 0, ToReview = 1, Overdue = 2, Activity = 3;

    public int List { get; init; }
    public Guid? Id { get; init; }
    public Guid CaseId { get; init; }
    public string CaseTitle { get; init; } = "";
    public string ClientName { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string? Title { get; init; }
    public Guid? OccurrenceId { get; init; }

    /// <summary>An alert from a draft (1), an overdue row's items, an activity's kind.</summary>
    public int Number { get; init; }

    /// <summary>The list's whole length, for the lists the page cuts ("and 3 more").</summary>
    public int Total { get; init; }
}

/// <summary>
/// The home page's four lists of what needs the counselor: open alerts, work to review, overdue homework and what
/// clients did lately. Each keeps its own query, order and cut; their rows travel as one statement (UNION ALL of
/// the four) and are split again here, so the page costs one statement for them instead of four (issue 15).
/// </summary>
public sealed record HomeAttention(Bounded<HomeAlert> Alerts, Bounded<ReviewItem> ToReview, IReadOnlyList<OverdueCase> Overdue,
    IReadOnlyList<ActivityItem> Activity)
{
    public static Batched<HomeAttention> AddTo(QueryBatch batch, AppDbContext db, ClaimsPrincipal user, DateTimeOffset now) =>
        batch.Add(HomeQueries.AlertRows(db, user)
                .Concat(HomeworkAttention.ReviewRows(db, user))
                .Concat(HomeworkAttention.OverdueRows(db, user, now))
                .Concat(HomeworkAttention.RecentRows(db, user, now)),
            From);

    // A union keeps no order: each list is put back in its own.
    private static HomeAttention From(List<AttentionRow> rows)
    {
        var alerts = rows.Where(r => r.List == AttentionRow.Alerts).OrderByDescending(r => r.At).ThenBy(r => r.Id).ToList();
        var review = rows.Where(r => r.List == AttentionRow.ToReview).OrderBy(r => r.At).ThenBy(r => r.Id).ToList();
        return new HomeAttention(
            new Bounded<HomeAlert>(alerts.Select(r => new HomeAlert(r.Id!.Value, r.CaseId, r.CaseTitle, r.OccurrenceId!.Value, r.ClientName, r.At, r.Number == 1))
                .ToList(), alerts.FirstOrDefault()?.Total ?? 0),
            new Bounded<ReviewItem>(review.Select(r => new ReviewItem(r.OccurrenceId!.Value, r.CaseId, r.CaseTitle, r.ClientName, r.Title ?? "", r.At))
                .ToList(), review.FirstOrDefault()?.Total ?? 0),
            HomeworkAttention.OverdueCases(rows.Where(r => r.List == AttentionRow.Overdue)),
            rows.Where(r => r.List == AttentionRow.Activity).OrderByDescending(r => r.At)
                .Select(r => new ActivityItem(r.At, (ClientActivity)r.Number, r.CaseId, r.CaseTitle, r.ClientName, r.Title, r.OccurrenceId))
                .ToList());
    }
}
