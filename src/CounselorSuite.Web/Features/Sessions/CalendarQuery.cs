using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

public sealed record CalendarEntry(Guid Id, Guid CaseId, string CaseTitle, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status, string? Location);

public static class CalendarQuery
{
    /// <summary>The counselor's own sessions (cases they are on) starting in [from, until).</summary>
    public static Task<List<CalendarEntry>> ForCounselorAsync(AppDbContext db, Guid counselorId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= from && s.StartsAt < until
                && db.CaseCounselors.Any(cc => cc.CaseId == s.CaseId && cc.CounselorId == counselorId))
            .OrderBy(s => s.StartsAt)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new CalendarEntry(s.Id, s.CaseId, c.Title, s.StartsAt, s.DurationMinutes, s.Status, s.Location))
            .ToListAsync(ct);
}

/// <summary>A session as the week grid draws it: its day, its first five-minute row and how many rows, and its lane when sessions overlap.</summary>
public sealed record PlacedEntry(CalendarEntry Entry, DateOnly Day, DateTime LocalStart, DateTime LocalEnd, int Row, int Rows, int Lane, int Lanes);

/// <summary>
/// Lays sessions out on the week view's hour grid, in the reader's wall-clock time: one row per five
/// minutes (a 9:00–9:50 session starts on row 109 and spans 10 rows), overlapping sessions side by side.
/// </summary>
public static class CalendarGrid
{
    public const int SlotMinutes = 5;
    public const int RowsPerHour = 60 / SlotMinutes;
    public const int RowsPerDay = 24 * RowsPerHour;

    /// <summary>The hours the grid shows first; earlier and later ones are a scroll away.</summary>
    public const int WorkStartHour = 8;
    public const int WorkEndHour = 18;

    /// <summary>The grid row (1-based, as CSS grid counts) where a wall-clock time starts.</summary>
    public static int RowOf(TimeOnly time) => time.Hour * RowsPerHour + time.Minute / SlotMinutes + 1;

    public static List<PlacedEntry> Place(IEnumerable<CalendarEntry> entries, Func<DateTimeOffset, DateTime> toLocal)
    {
        var placed = new List<PlacedEntry>();
        foreach (var day in entries.Select(e => (Entry: e, Start: toLocal(e.StartsAt), End: toLocal(e.StartsAt.AddMinutes(e.DurationMinutes))))
                     .GroupBy(x => DateOnly.FromDateTime(x.Start)))
        {
            var rows = day.OrderBy(x => x.Start).ThenByDescending(x => x.End)
                .Select(x =>
                {
                    var row = RowOf(TimeOnly.FromDateTime(x.Start));
                    // A session past midnight is drawn to the end of its first day.
                    var endRow = x.End.Date > x.Start.Date ? RowsPerDay + 1 : RowOf(TimeOnly.FromDateTime(x.End.AddMinutes(SlotMinutes - 1)));
                    return (x.Entry, x.Start, x.End, Row: row, Rows: Math.Max(1, endRow - row));
                })
                .ToList();
            placed.AddRange(Lanes(day.Key, rows));
        }
        return placed;
    }

    /// <summary>Each run of overlapping sessions shares its column: every session takes the first free lane.</summary>
    private static IEnumerable<PlacedEntry> Lanes(DateOnly day, List<(CalendarEntry Entry, DateTime Start, DateTime End, int Row, int Rows)> rows)
    {
        var cluster = new List<(CalendarEntry Entry, DateTime Start, DateTime End, int Row, int Rows, int Lane)>();
        var clusterEnd = 0;
        foreach (var x in rows.Append(default))
        {
            if (x.Entry is null || x.Row >= clusterEnd)
            {
                var lanes = cluster.Count == 0 ? 1 : cluster.Max(c => c.Lane) + 1;
                foreach (var c in cluster)
                {
                    yield return new PlacedEntry(c.Entry, day, c.Start, c.End, c.Row, c.Rows, c.Lane, lanes);
                }
                cluster.Clear();
                if (x.Entry is null)
                {
                    yield break;
                }
            }
            var lane = Enumerable.Range(0, cluster.Count + 1).First(l => !cluster.Any(c => c.Lane == l && c.Row + c.Rows > x.Row));
            cluster.Add((x.Entry, x.Start, x.End, x.Row, x.Rows, lane));
            clusterEnd = Math.Max(clusterEnd, x.Row + x.Rows);
        }
    }
}
