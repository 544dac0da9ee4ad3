using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Demo;

/// <summary>
/// Demo sessions: past and upcoming ones for Sam's cases, and for the couple's last session a signed DAP
/// note with an addendum. Runs once per demo practice (nothing happens when it has sessions already).
/// </summary>
internal static class DemoSessions
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Sessions.AnyAsync(ct))
        {
            return;
        }
        var protector = services.GetRequiredService<NoteProtector>();
        var audit = services.GetRequiredService<IAuditLog>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var practiceId = db.CurrentPracticeId;
        var sam = await db.Users.Where(u => u.NormalizedUserName == "SAM.COUNSELOR@DEMO.COUNSELORSUITE.TEST").Select(u => u.Id).FirstAsync(ct);
        var cases = await db.Cases.Include(c => c.Clients)
            .Where(c => c.Counselors.Any(x => x.CounselorId == sam)).ToDictionaryAsync(c => c.Title, ct);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        Session Book(Case c, DateTimeOffset startsAt, SessionStatus status, string location = "Harbor Counseling, room 2")
        {
            var session = new Session
            {
                PracticeId = practiceId, Id = Guid.CreateVersion7(now), CaseId = c.Id, StartsAt = startsAt, DurationMinutes = 50,
                Location = location, Status = status, CreatedBy = sam, CreatedAt = now, UpdatedAt = now,
            };
            session.Attendees.AddRange(c.Clients.Select(x => new SessionAttendee { PracticeId = practiceId, SessionId = session.Id, ClientId = x.ClientId }));
            db.Sessions.Add(session);
            audit.Add(new AuditEntry(AuditActions.SessionCreated, "Session", session.Id, c.Clients.Select(x => x.ClientId).ToList()) { ActorId = sam, Detail = "demo data" });
            return session;
        }

        var couple = cases["Riley & Quinn P."];
        var last = Book(couple, today.AddDays(-7).AddHours(16), SessionStatus.Attended);
        Book(couple, today.AddDays(-14).AddHours(16), SessionStatus.Attended);
        var next = Book(couple, today.AddDays(7).AddHours(16), SessionStatus.Scheduled);
        Book(cases["Jordan L."], today.AddDays(2).AddHours(10), SessionStatus.Scheduled);
        Book(cases["Jordan L."], today.AddDays(-5).AddHours(10), SessionStatus.NoShow);
        Book(cases["Casey M."], today.AddDays(3).AddHours(13), SessionStatus.Scheduled, "Video call");

        AddSignedNote(db, protector, audit, sam, now, couple, last);
        await db.SaveChangesAsync(ct);

        await AttachHandoutAsync(services, db, sam, couple.Id, next.Id, ct);
    }

    /// <summary>A signed DAP note of the couple's last session, with an addendum, as a counselor would leave it.</summary>
    private static void AddSignedNote(AppDbContext db, NoteProtector protector, IAuditLog audit, Guid sam, DateTimeOffset now, Case couple, Session last)
    {
        var practiceId = db.CurrentPracticeId;
        var body = new Dictionary<string, string>
        {
            ["data"] = "Both partners attended. Riley described feeling unheard when money decisions are made; Quinn agreed to try the weekly decision meeting.",
            ["assessment"] = "Engaged and calmer than last session. No safety concerns raised; the check-in was completed by both.",
            ["plan"] = "Assign \"Shared decision meeting\" for the coming week; review the power map next session.",
        };
        var note = new Note
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), CaseId = couple.Id, SessionId = last.Id, Template = NoteTemplate.DAP,
            ProtectedBody = protector.Protect(practiceId, NoteTemplates.Serialize(body)), State = NoteState.Signed, Version = 2,
            CreatedBy = sam, CreatedAt = last.EndsAt, UpdatedAt = last.EndsAt.AddMinutes(20), SignedBy = sam, SignedAt = last.EndsAt.AddMinutes(20),
        };
        note.Addenda.Add(new NoteAddendum
        {
            PracticeId = practiceId, Id = Guid.CreateVersion7(now), NoteId = note.Id, AuthorId = sam, CreatedAt = last.EndsAt.AddDays(1),
            ProtectedText = protector.Protect(practiceId, "Correction: the homework assigned was \"Our money map\", not the decision meeting."),
        });
        db.Notes.Add(note);
        var clients = couple.Clients.Select(x => x.ClientId).ToList();
        audit.Add(new AuditEntry(AuditActions.NoteCreated, "Note", note.Id, clients) { ActorId = sam, Detail = "demo data" });
        audit.Add(new AuditEntry(AuditActions.NoteSigned, "Note", note.Id, clients) { ActorId = sam, Detail = "demo data" });
        audit.Add(new AuditEntry(AuditActions.NoteAddendumAdded, "Note", note.Id, clients) { ActorId = sam, Detail = "demo data" });
    }

    /// <summary>
    /// The couple's next session gets its handouts as Sam would set them up: an exercise and each partner's
    /// progress, made by the nightly job the night before. Through the same service as the page and the API.
    /// </summary>
    private static async Task AttachHandoutAsync(IServiceProvider services, AppDbContext db, Guid sam, Guid caseId, Guid sessionId, CancellationToken ct)
    {
        var exercise = await db.ExerciseVersions.AsNoTracking().Where(v => v.Title == DemoHandoutExercise)
            .Select(v => v.ExerciseId).FirstAsync(ct);
        var counselor = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, sam.ToString()), new Claim(ClaimTypes.Role, Roles.Counselor),
            new Claim(PracticeClaims.PracticeId, db.CurrentPracticeId.ToString()),
        ], "demo"));
        var outcome = await services.GetRequiredService<HandoutService>().CreateAsync(counselor, new CreateHandoutRequest(
            caseId, [exercise], IncludeProgress: true, Note: "For our next session: try it once during the week, then bring what you noticed.", Discreet: false,
            SessionId: sessionId, RenderAt: "nightBefore"), ct);
        if (outcome is not CreateHandoutOutcome.Created)
        {
            throw new InvalidOperationException($"Could not attach the demo handout: {outcome}");
        }
    }

    private const string DemoHandoutExercise = "A week of everyday decisions";
}
