using System.Security.Claims;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

public enum HomeworkRole
{
    /// <summary>A client of the assignment: works on their own occurrences.</summary>
    Client,

    /// <summary>A counselor of the case: reads every submission, reviews, changes the assignment.</summary>
    Counselor,

    /// <summary>An admin who is not a counselor of the case: sees states, never answers.</summary>
    Admin,
}

/// <summary>
/// What an id in /api/assignments/{id} names for the caller. It may be an assignment's id or one of its
/// occurrences' ids (what GET /api/me/assignments lists). A client given an assignment id works on their
/// current occurrence of it; staff given an occurrence id act on that occurrence.
/// </summary>
public sealed record HomeworkTarget(HomeworkRole Role, Assignment Assignment, Occurrence? Occurrence);

/// <summary>A client's own occurrence that they may work on now, with its assignment (both tracked).</summary>
public sealed record ClientItem(Assignment Assignment, Occurrence Occurrence);

public static class HomeworkAccess
{
    /// <summary>
    /// Resolves <paramref name="id"/> for the caller, tracked (commands change what it returns). Null when the
    /// caller may not know it exists. A client reaches only their own occurrences that are available.
    /// </summary>
    public static async Task<HomeworkTarget?> ResolveAsync(AppDbContext db, ClaimsPrincipal user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var occurrence = await db.Occurrences.FirstOrDefaultAsync(o => o.Id == id, ct);
        var assignment = occurrence is null
            ? await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, ct)
            : await db.Assignments.FirstOrDefaultAsync(a => a.Id == occurrence.AssignmentId, ct);
        if (assignment is null)
        {
            return null;
        }
        var role = await RoleInCaseAsync(db, user, assignment.CaseId, ct);
        switch (role)
        {
            case null:
                return null;
            case HomeworkRole.Client:
                var me = user.UserId();
                if (occurrence is not null)
                {
                    return occurrence.ClientId == me && occurrence.AvailableAt <= now ? new HomeworkTarget(role.Value, assignment, occurrence) : null;
                }
                var mine = await db.Occurrences.Where(o => o.AssignmentId == assignment.Id && o.ClientId == me && o.AvailableAt <= now)
                    .OrderBy(o => o.Sequence).ToListAsync(ct);
                var current = mine.FirstOrDefault(o => o.State is OccurrenceState.Assigned or OccurrenceState.InProgress) ?? mine.LastOrDefault();
                return current is null ? null : new HomeworkTarget(role.Value, assignment, current);
            default:
                return new HomeworkTarget(role.Value, assignment, occurrence);
        }
    }

    /// <summary>
    /// The caller's own item for a client's command: not found when the caller may not know it exists (a
    /// client given someone else's id, or staff outside the case), forbidden when staff reach it.
    /// </summary>
    public static async Task<Outcome<ClientItem>> ClientItemAsync(AppDbContext db, ClaimsPrincipal user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var target = await ResolveAsync(db, user, id, now, ct);
        if (target is { Role: HomeworkRole.Client, Occurrence: { } occurrence })
        {
            return new ClientItem(target.Assignment, occurrence);
        }
        return target is null || !user.IsClient() ? Failure.NotFound : Failure.Forbidden;
    }

    /// <summary>The caller's part in a case: null when the case is outside their reach (404).</summary>
    public static async Task<HomeworkRole?> RoleInCaseAsync(AppDbContext db, ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var me = user.UserId();
        if (user.IsClient())
        {
            return await db.CaseClients.AnyAsync(c => c.CaseId == caseId && c.ClientId == me, ct) ? HomeworkRole.Client : null;
        }
        if (await db.CaseCounselors.AnyAsync(c => c.CaseId == caseId && c.CounselorId == me, ct))
        {
            return HomeworkRole.Counselor;
        }
        return await db.Cases.ManagedBy(user).AnyAsync(c => c.Id == caseId, ct) ? HomeworkRole.Admin : null;
    }

    /// <summary>
    /// Whether a joint assignment may be worked on: every client of it agreed, and (in a couple or family
    /// case) no safety alert of the case is open. Non-joint assignments are always available.
    /// </summary>
    public static Batched<bool> JointAvailable(QueryBatch batch, AppDbContext db, Assignment assignment)
    {
        if (!assignment.Joint)
        {
            return Batched<bool>.Of(true);
        }
        var (id, caseId, clients) = (assignment.Id, assignment.CaseId, assignment.ClientIds);
        // One row, both conditions: every client agreed, and no alert of the case is open.
        return batch.Add(db.Cases.Where(c => c.Id == caseId)
                .Select(c => db.JointConsents.Count(j => j.AssignmentId == id && j.Decision == JointDecision.Agreed && clients.Contains(j.ClientId)) >= clients.Length
                    && !db.SafetyAlerts.Any(a => a.CaseId == caseId && a.Status == SafetyAlertStatus.Open))
                .Take(1),
            rows => rows.FirstOrDefault());
    }

    public static async Task<bool> JointAvailableAsync(AppDbContext db, Assignment assignment, CancellationToken ct)
    {
        if (!assignment.Joint)
        {
            return true;
        }
        var agreed = await db.JointConsents.CountAsync(c => c.AssignmentId == assignment.Id && c.Decision == JointDecision.Agreed
            && assignment.ClientIds.Contains(c.ClientId), ct);
        if (agreed < assignment.ClientIds.Length)
        {
            return false;
        }
        return !await db.SafetyAlerts.AnyAsync(a => a.CaseId == assignment.CaseId && a.Status == SafetyAlertStatus.Open, ct);
    }

    /// <summary>The state a person sees: Overdue when past due, not submitted and the assignment is running.</summary>
    public static OccurrenceState StateAt(OccurrenceState stored, DateTimeOffset? dueAt, AssignmentStatus status, DateTimeOffset now) =>
        StateAt(stored, dueAt < now, status);

    /// <summary>The same, for states counted in the database by whether they are past due.</summary>
    public static OccurrenceState StateAt(OccurrenceState stored, bool pastDue, AssignmentStatus status) =>
        stored is OccurrenceState.Assigned or OccurrenceState.InProgress && status == AssignmentStatus.Active && pastDue
            ? OccurrenceState.Overdue
            : stored;
}
