using System.Globalization;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Portal;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Html;
using CounselorSuite.Web.Pages.Counselor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Admin;

public sealed record StaffRow(Guid Id, string DisplayName, string? Email, bool IsAdmin, int Cases, bool TwoFactor, bool Disabled);

/// <summary>The practice admin's page: counselors, invitations and the practice's settings.</summary>
public sealed partial class IndexModel(AppDbContext db, InvitationService invitations, MarkdownRenderer markdown, TimeProvider clock,
    AccountAccess access) : PageModel
{
    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public SettingsInput Settings { get; set; } = new();
    [BindProperty] public Guid InvitationId { get; set; }

    public string PracticeName { get; private set; } = "";
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public InviteResult? Invited { get; private set; }
    public string? Message { get; private set; }
    public Guid SignedInUserId => CounselorSuite.Web.Infrastructure.Auth.PracticeClaims.UserId(User);

    /// <summary>The help text as clients will see it, after the Preview button (nothing is saved).</summary>
    public IHtmlContent? HelpPreview { get; private set; }

    public sealed class InviteInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
    }

    public sealed class SettingsInput
    {
        public string? Name { get; set; }
        public bool RequireStaffTwoFactor { get; set; }
        public string? QuickExitUrl { get; set; }
        public string? PortalInactivityMinutes { get; set; }
        public string? HelpResources { get; set; }
        public string? AccentColor { get; set; }
        public string? ContactLine { get; set; }
        public bool HandoutsDiscreetByDefault { get; set; }
        public string? PortalName { get; set; }
        public string? PortalFooter { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSettingsAsync(ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await invitations.InviteAsync(User, new InviteCommand(Invite.Email, Roles.Counselor, Invite.DisplayName, null),
            $"{Request.Scheme}://{Request.Host}", ct);
        switch (outcome)
        {
            case InviteOutcome.Sent sent:
                Invited = new InviteResult(sent.Invitation.DisplayName, sent.AcceptUrl, sent.Invitation.ExpiresAt, null, null);
                ModelState.Clear();
                Invite = new InviteInput();
                break;
            case InviteOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "Invite");
                break;
            default:
                return Forbid();
        }
        await LoadSettingsAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Turns a counselor's sign-in off (every session of theirs ends at once) or back on.</summary>
    public async Task<IActionResult> OnPostAccessAsync(Guid userId, bool disable, CancellationToken ct)
    {
        var outcome = await access.SetDisabledAsync(User, userId, disable, ct);
        if (outcome == AccessChange.NotFound)
        {
            return NotFound();
        }
        Message = outcome == AccessChange.NotYourself ? "You cannot turn off your own sign-in. Ask another admin."
            : disable ? "Sign-in turned off: every session of theirs has ended." : "Sign-in turned back on.";
        await LoadSettingsAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var outcome = await invitations.RevokeAsync(User, InvitationId, ct);
        if (outcome == RevokeOutcome.NotFound)
        {
            return NotFound();
        }
        Message = outcome == RevokeOutcome.Revoked ? "Invitation revoked." : "That invitation was already accepted.";
        await LoadSettingsAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var s = Settings;
        if (string.IsNullOrWhiteSpace(s.Name))
        {
            ModelState.AddModelError("Settings.Name", "Practice name is required.");
        }
        else if (s.Name.Trim().Length > 200)
        {
            ModelState.AddModelError("Settings.Name", "Practice name must be at most 200 characters.");
        }
        if (!IsHttpsUrl(s.QuickExitUrl))
        {
            ModelState.AddModelError("Settings.QuickExitUrl", "Enter a full https:// address, at most 500 characters.");
        }
        if (!int.TryParse(s.PortalInactivityMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 5 or > 120)
        {
            ModelState.AddModelError("Settings.PortalInactivityMinutes", "Choose between 5 and 120 minutes.");
        }
        if ((s.HelpResources?.Length ?? 0) > 20_000)
        {
            ModelState.AddModelError("Settings.HelpResources", "Help resources must be at most 20000 characters.");
        }
        if (s.AccentColor is null || !HexColour().IsMatch(s.AccentColor))
        {
            ModelState.AddModelError("Settings.AccentColor", "Enter a colour as # and six hexadecimal digits, for example #2f6f73.");
        }
        else if (ContrastWithWhite(s.AccentColor) < 4.5)
        {
            ModelState.AddModelError("Settings.AccentColor", "This colour is too light: white text on it would be hard to read. Choose a darker one.");
        }
        if ((s.ContactLine?.Length ?? 0) > 300)
        {
            ModelState.AddModelError("Settings.ContactLine", "Contact line must be at most 300 characters.");
        }
        CheckPortalWords(s);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var practice = await db.Practices.FirstAsync(p => p.Id == db.CurrentPracticeId, ct);
        practice.Name = s.Name!.Trim();
        practice.RequireStaffTwoFactor = s.RequireStaffTwoFactor;
        practice.QuickExitUrl = s.QuickExitUrl!.Trim();
        practice.PortalInactivityMinutes = minutes;
        practice.HelpResources = (s.HelpResources ?? "").Replace("\r\n", "\n");
        practice.AccentColor = s.AccentColor!.ToLowerInvariant();
        practice.ContactLine = (s.ContactLine ?? "").Trim();
        practice.HandoutsDiscreetByDefault = s.HandoutsDiscreetByDefault;
        practice.PortalName = string.IsNullOrWhiteSpace(s.PortalName) ? Practice.DefaultPortalName : s.PortalName.Trim();
        practice.PortalFooter = (s.PortalFooter ?? "").Trim();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Settings saved.";
        return RedirectToPage("/Admin/Index");
    }

    /// <summary>The portal's name and footer are read by anyone near the client's screen: plain words only.</summary>
    private void CheckPortalWords(SettingsInput s)
    {
        if (s.PortalName?.Trim().Length > 60)
        {
            ModelState.AddModelError("Settings.PortalName", "The portal's name must be at most 60 characters.");
        }
        else if (PortalWords.FirstRevealing(s.PortalName) is { } word)
        {
            ModelState.AddModelError("Settings.PortalName", PortalWords.Refusal("This name", word));
        }
        if ((s.PortalFooter?.Length ?? 0) > 300)
        {
            ModelState.AddModelError("Settings.PortalFooter", "The footer must be at most 300 characters.");
        }
        else if (PortalWords.FirstRevealing(s.PortalFooter) is { } word)
        {
            ModelState.AddModelError("Settings.PortalFooter", PortalWords.Refusal("This footer", word));
        }
    }

    /// <summary>Shows the typed help text formatted, keeping everything typed in the form; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        HelpPreview = new HtmlString(markdown.ToHtml(Settings.HelpResources) is { Length: > 0 } html ? html : "<p>(No help text yet.)</p>");
        await LoadAsync(ct);
        return Page();
    }

    private static bool IsHttpsUrl(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 500
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HexColour();

    /// <summary>WCAG 2 contrast ratio of the colour against white (buttons and the header put white text on it).</summary>
    internal static double ContrastWithWhite(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    private async Task LoadSettingsAsync(CancellationToken ct)
    {
        var p = await db.Practices.AsNoTracking().FirstAsync(x => x.Id == db.CurrentPracticeId, ct);
        Settings = new SettingsInput
        {
            Name = p.Name, RequireStaffTwoFactor = p.RequireStaffTwoFactor, QuickExitUrl = p.QuickExitUrl,
            PortalInactivityMinutes = p.PortalInactivityMinutes.ToString(CultureInfo.InvariantCulture),
            HelpResources = p.HelpResources, AccentColor = p.AccentColor, ContactLine = p.ContactLine,
            HandoutsDiscreetByDefault = p.HandoutsDiscreetByDefault,
            PortalName = p.PortalName, PortalFooter = p.PortalFooter,
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PracticeName = await db.Practices.AsNoTracking().Where(x => x.Id == db.CurrentPracticeId).Select(x => x.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        Staff = await db.UserRoles.AsNoTracking()
            .Where(r => r.RoleId == Roles.CounselorId || r.RoleId == Roles.PracticeAdminId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.RoleId, User = u })
            .OrderBy(x => x.User.DisplayName).ThenBy(x => x.User.Id)
            .Take(500)
            .Select(x => new StaffRow(
                x.User.Id, x.User.DisplayName, x.User.Email, x.RoleId == Roles.PracticeAdminId,
                db.CaseCounselors.Count(c => c.CounselorId == x.User.Id), x.User.TwoFactorEnabled,
                AccountAccess.IsDisabled(x.User.LockoutEnd, now)))
            .ToListAsync(ct);
        var rows = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null)
            .OrderByDescending(i => i.CreatedAt).Take(200)
            .Select(i => new { i.Id, i.DisplayName, Login = i.Email ?? i.UserName ?? "", i.Role, i.ExpiresAt, i.AcceptedAt, i.RevokedAt })
            .ToListAsync(ct);
        Invitations = rows.Select(i => new InvitationRow(i.Id, i.DisplayName, i.Login, i.Role,
            PageHelpers.InvitationStatus(i.ExpiresAt, i.AcceptedAt, i.RevokedAt, now), i.ExpiresAt)).ToList();
    }
}
