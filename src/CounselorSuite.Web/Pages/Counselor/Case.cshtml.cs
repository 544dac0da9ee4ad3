using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor;

public sealed record PersonRow(Guid Id, string DisplayName, string Login);
public sealed record InvitationRow(Guid Id, string DisplayName, string Login, string Role, string Status, DateTimeOffset ExpiresAt);

/// <summary>
/// One case, for its counselors and the admin: who is in it, the confidentiality agreement, and its
/// invitations. A case the person does not manage (or of another practice) is a 404, as in the API.
/// </summary>
public sealed class CaseModel(AppDbContext db, InvitationService invitations, TimeProvider clock) : PageModel
{
    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public string? Confidentiality { get; set; }
    [BindProperty] public Guid InvitationId { get; set; }
    [BindProperty] public Guid CounselorId { get; set; }

    public Guid CaseId { get; private set; }
    public string Title { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public ConfidentialityAgreement Agreement { get; private set; }
    public IReadOnlyList<PersonRow> Clients { get; private set; } = [];
    public IReadOnlyList<PersonRow> Counselors { get; private set; } = [];
    public IReadOnlyList<PersonRow> AvailableCounselors { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public InviteResult? Invited { get; private set; }
    public string? Message { get; private set; }

    public sealed class InviteInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? UserName { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfidentialityAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Cases.ManagedBy(User).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }
        if (!Enum.TryParse<ConfidentialityAgreement>(Confidentiality, false, out var agreement) || !Enum.IsDefined(agreement))
        {
            ModelState.AddModelError("", "Choose one of the agreements.");
        }
        else
        {
            found.Confidentiality = agreement;
            await db.SaveChangesAsync(ct);
            Message = "Agreement saved.";
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Cases.ManagedBy(User).AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        var outcome = await invitations.InviteAsync(User,
            new InviteCommand(Invite.Email, Roles.Client, Invite.DisplayName, id, Invite.UserName),
            $"{Request.Scheme}://{Request.Host}", ct);
        switch (outcome)
        {
            case InviteOutcome.Sent sent:
                Invited = new InviteResult(sent.Invitation.DisplayName, sent.AcceptUrl, sent.Invitation.ExpiresAt, sent.Invitation.UserName, sent.SetupCode);
                ModelState.Clear();
                Invite = new InviteInput();
                break;
            case InviteOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "Invite");
                break;
            case InviteOutcome.EmailTaken:
                ModelState.AddModelError("Invite.Email", "An account with this email already exists.");
                break;
            case InviteOutcome.UserNameTaken:
                ModelState.AddModelError("Invite.UserName", "This username is taken. Choose another.");
                break;
            default:
                return NotFound();
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Cases.ManagedBy(User).AnyAsync(c => c.Id == id, ct)
            || !await db.Invitations.AnyAsync(i => i.Id == InvitationId && i.CaseId == id, ct))
        {
            return NotFound();
        }
        var outcome = await invitations.RevokeAsync(User, InvitationId, ct);
        if (outcome == RevokeOutcome.NotFound)
        {
            return NotFound();
        }
        Message = outcome == RevokeOutcome.Revoked ? "Invitation revoked." : "That invitation was already accepted.";
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>How an admin grants a counselor access to a case.</summary>
    public async Task<IActionResult> OnPostAddCounselorAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsAdmin())
        {
            return Forbid();
        }
        if (!await db.Cases.ManagedBy(User).AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        var isCounselor = await db.UserRoles.AnyAsync(r => r.UserId == CounselorId && r.RoleId == Roles.CounselorId, ct);
        if (!isCounselor)
        {
            return NotFound();
        }
        if (!await db.CaseCounselors.AnyAsync(x => x.CaseId == id && x.CounselorId == CounselorId, ct))
        {
            db.CaseCounselors.Add(new CaseCounselor
            {
                PracticeId = db.CurrentPracticeId, CaseId = id, CounselorId = CounselorId, AddedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        Message = "Counselor added to the case.";
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().ManagedBy(User).Where(c => c.Id == id)
            .Select(c => new { c.Title, c.Kind, c.Confidentiality }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        (CaseId, Title, Kind, Agreement) = (id, found.Title, found.Kind, found.Confidentiality);
        Clients = await db.CaseClients.AsNoTracking().Where(x => x.CaseId == id).OrderBy(x => x.AddedAt)
            .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new PersonRow(u.Id, u.DisplayName, u.Email ?? u.UserName ?? ""))
            .ToListAsync(ct);
        Counselors = await db.CaseCounselors.AsNoTracking().Where(x => x.CaseId == id).OrderBy(x => x.AddedAt)
            .Join(db.Users, x => x.CounselorId, u => u.Id, (x, u) => new PersonRow(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(ct);
        if (User.IsAdmin())
        {
            var onCase = Counselors.Select(c => c.Id).ToList();
            AvailableCounselors = await db.UserRoles.AsNoTracking().Where(r => r.RoleId == Roles.CounselorId && !onCase.Contains(r.UserId))
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u)
                .OrderBy(u => u.DisplayName)
                .Select(u => new PersonRow(u.Id, u.DisplayName, u.Email ?? ""))
                .ToListAsync(ct);
        }
        var now = clock.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking().Where(i => i.CaseId == id && i.AcceptedAt == null)
            .OrderByDescending(i => i.CreatedAt).Take(100)
            .Select(i => new { i.Id, i.DisplayName, Login = i.Email ?? i.UserName ?? "", i.Role, i.ExpiresAt, i.AcceptedAt, i.RevokedAt })
            .ToListAsync(ct);
        Invitations = rows.Select(i => new InvitationRow(i.Id, i.DisplayName, i.Login, i.Role,
            PageHelpers.InvitationStatus(i.ExpiresAt, i.AcceptedAt, i.RevokedAt, now), i.ExpiresAt)).ToList();
        return true;
    }
}
