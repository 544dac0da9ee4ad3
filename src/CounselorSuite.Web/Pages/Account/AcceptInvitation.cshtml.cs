using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CounselorSuite.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsApi.AuthRateLimit)]
public sealed class AcceptInvitationModel(InvitationAcceptance invitations, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public AcceptInput Input { get; set; } = new();
    public InvitationPreview? Preview { get; private set; }
    public string? Problem { get; private set; }

    public sealed class AcceptInput
    {
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Preview = await invitations.PreviewAsync(Token, ct);
        Problem = Preview.Problem;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await invitations.AcceptAsync(new AcceptCommand(Token, Input.Password, Input.DisplayName), ct);
        switch (outcome)
        {
            case AcceptOutcome.Accepted accepted:
                await signIn.SignInAsync(accepted.User, isPersistent: false);
                return RedirectToPage("/Index");
            case AcceptOutcome.Invalid invalid:
                var errors = invalid.Errors.ToDictionary();
                if (errors.TryGetValue("token", out var tokenProblems))
                {
                    Problem = tokenProblems[0];
                    return Page();
                }
                ModelState.AddFieldErrors(invalid.Errors);
                Preview = await invitations.PreviewAsync(Token, ct);
                return Page();
            default:
                Problem = "An account with this email already exists. Sign in instead.";
                return Page();
        }
    }
}
