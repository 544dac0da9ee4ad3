using System.Text.Json;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.CaseFile;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Cases;

/// <summary>
/// The case's settings: the confidentiality agreement, inviting clients and the invitations not yet accepted,
/// and (for an admin) adding counselors. Each form lands back here with what it did, or its error next to it.
/// </summary>
public sealed class SettingsModel(AppDbContext db, InvitationService invitations, TimeProvider clock, PasswordResets resets) : CaseSectionModel
{
    private const string InvitedKey = "CaseInvited";

    public override CaseSection Section => CaseSection.Settings;

    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public string? Confidentiality { get; set; }
    [BindProperty] public Guid InvitationId { get; set; }
    [BindProperty] public Guid CounselorId { get; set; }
    [BindProperty] public Guid ClientId { get; set; }

    public IReadOnlyList<CasePerson> AvailableCounselors { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    /// <summary>The invitation just made: its link or setup code, shown this once.</summary>
    public InviteResult? Invited { get; private set; }

    public sealed class InviteInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? UserName { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // Kept in the encrypted temp-data cookie for the one page that shows it.
        if (TempData[InvitedKey] is string invited)
        {
            Invited = JsonSerializer.Deserialize<InviteResult>(invited);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfidentialityAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Cases.ManagedBy(User).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }
        if (!EnumNames.TryParse<ConfidentialityAgreement>(Confidentiality, out var agreement))
        {
            ModelState.AddModelError(nameof(Confidentiality), "Choose one of the agreements.");
            return await RefusedAsync(id, ct);
        }
        found.Confidentiality = agreement;
        await db.SaveChangesAsync(ct);
        return Done(id, $"Agreement saved: {agreement.Label()}. Clients read it in their portal.");
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
                TempData[InvitedKey] = JsonSerializer.Serialize(new InviteResult(sent.Invitation.DisplayName, sent.AcceptUrl,
                    sent.Invitation.ExpiresAt, sent.Invitation.UserName, sent.SetupCode));
                return Done(id, $"{sent.Invitation.DisplayName} is invited.");
            case InviteOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "Invite");
                break;
            case InviteOutcome.UserNameTaken:
                ModelState.AddModelError("Invite.UserName", "This username is taken. Choose another.");
                break;
            default:
                return NotFound();
        }
        return await RefusedAsync(id, ct);
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
        return Done(id, outcome == RevokeOutcome.Revoked ? "Invitation revoked." : "That invitation was already accepted.");
    }

    /// <summary>A client who signs in with a username and lost their password gets a new setup code, shown this once.</summary>
    public async Task<IActionResult> OnPostSetupCodeAsync(Guid id, CancellationToken ct)
    {
        if (!await db.CaseClients.AnyAsync(c => c.CaseId == id && c.ClientId == ClientId, ct)
            || await resets.IssueSetupCodeAsync(User, ClientId, ct) is not { } issued)
        {
            return NotFound();
        }
        return Done(id, $"New setup code: {issued.SetupCode}. Hand it over in person; with their username it works once, for 7 days, at /account/setup, and ends their other sessions.");
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
        var name = await db.UserRoles.Where(r => r.UserId == CounselorId && r.RoleId == Roles.CounselorId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.DisplayName).FirstOrDefaultAsync(ct);
        if (name is null)
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
        return Done(id, $"{name} is a counselor of this case now.");
    }

    /// <summary>A refused form: this section again, with the error next to the field and what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // The counselors an admin may add, and the open invitations, travel with the header.
        Batched<List<CasePerson>>? available = null;
        Batched<List<InvitationRow>> openInvitations = null!;
        var now = clock.GetUtcNow();
        var admin = User.IsAdmin();
        if (!await LoadHeaderAsync(db, clock, id, ct, batch =>
            {
                if (admin)
                {
                    available = batch.List(db.UserRoles.AsNoTracking().Where(r => r.RoleId == Roles.CounselorId
                            && !db.CaseCounselors.Any(x => x.CaseId == id && x.CounselorId == r.UserId))
                        .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u)
                        .OrderBy(u => u.DisplayName)
                        .Select(u => new CasePerson(u.Id, u.DisplayName, u.Email ?? "")));
                }
                openInvitations = batch.Add(db.Invitations.AsNoTracking().Where(i => i.CaseId == id && i.AcceptedAt == null)
                    .OrderByDescending(i => i.CreatedAt).Take(100)
                    .Select(i => new { i.Id, i.DisplayName, Login = i.Email ?? i.UserName ?? "", i.Role, i.ExpiresAt, i.AcceptedAt, i.RevokedAt }),
                    rows => rows.Select(i => new InvitationRow(i.Id, i.DisplayName, i.Login, i.Role,
                        PageHelpers.InvitationStatus(i.ExpiresAt, i.AcceptedAt, i.RevokedAt, now), i.ExpiresAt)).ToList());
            }))
        {
            return false;
        }
        AvailableCounselors = available?.Value ?? [];
        Invitations = openInvitations.Value;
        return true;
    }
}
