using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Pages.Counselor.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

public sealed record CaseSessionRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status, int Attendees, int Notes);

/// <summary>The case's sessions and their notes: what is booked, what happened, and the booking form.</summary>
public sealed class SessionsModel(AppDbContext db, TimeProvider clock) : CaseSectionModel
{
    public const int Shown = 50;

    public override CaseSection Section => CaseSection.Sessions;

    public IReadOnlyList<CaseSessionRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<CaseSessionRow> Past { get; private set; } = [];
    public BookSessionForm Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The section's rows travel with the header: the counts are correlated subqueries of the rows shown.
        Batched<List<CaseSessionRow>> batched = null!;
        if (!await LoadHeaderAsync(db, clock, id, ct, batch => batched = batch.List(db.Sessions.AsNoTracking().Where(s => s.CaseId == id)
                .OrderByDescending(s => s.StartsAt)
                .Take(Shown)
                .Select(s => new CaseSessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Status, s.Attendees.Count,
                    db.Notes.Count(n => n.SessionId == s.Id))))))
        {
            return NotFound();
        }
        var rows = batched.Value;
        var now = clock.GetUtcNow();
        Upcoming = rows.Where(r => r.StartsAt >= now).OrderBy(r => r.StartsAt).ToList();
        Past = rows.Where(r => r.StartsAt < now).ToList();
        Form = new BookSessionForm { CaseId = id, CaseClients = Header.Clients.Select(c => (c.Id, c.DisplayName)).ToList() };
        return Page();
    }

    public static string Label(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => "Booked",
        SessionStatus.Attended => "Attended",
        SessionStatus.NoShow => "Did not come",
        _ => "Cancelled",
    };
}
