using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CounselorSuite.Web.Pages;

public static class PageHelpers
{
    /// <summary>Shows a service's per-field errors next to the page's inputs ("email" → "Input.Email").</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, FieldErrors errors, string prefix = "Input",
        IReadOnlyDictionary<string, string>? rename = null)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var name = rename is not null && rename.TryGetValue(field, out var renamed) ? renamed : char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}", message);
            }
        }
    }

    /// <summary>
    /// A return URL we may send someone to: only paths on this site. The return address if it stays on this site, else home. Mirrors what LocalRedirect accepts: a tab
    /// or other control character makes an address not local (browsers drop them, so "/\t/evil.test"
    /// would become "//evil.test"), and LocalRedirect would throw on it instead of going home.
    /// </summary>
    public static string SafeLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    // Kept for the pages that call them; the words themselves live in Words.
    public static string Label(this CaseKind kind) => kind.Display();

    public static string Label(this ConfidentialityAgreement agreement) => agreement.Display();

    /// <summary>The agreement as the client reads it in the portal: plain words, no jargon.</summary>
    public static string PlainWords(this ConfidentialityAgreement agreement) => agreement switch
    {
        ConfidentialityAgreement.NoSecrets =>
            "Anything you tell your counselor on your own may be talked about in joint sessions. Your counselor does not keep secrets between the people in your sessions.",
        ConfidentialityAgreement.LimitedSecrets =>
            "Your counselor may keep some things you share on your own private, but will encourage you to bring up anything that matters to everyone in your sessions. If someone's safety is at risk, your counselor will act on it.",
        ConfidentialityAgreement.FullConfidentiality =>
            "What you tell your counselor on your own stays between you and your counselor.",
        _ => "You and your counselor have not agreed yet what stays private between you. You can ask about it at any time.",
    };

    public static string InvitationStatus(DateTimeOffset expiresAt, DateTimeOffset? acceptedAt, DateTimeOffset? revokedAt, DateTimeOffset now) =>
        acceptedAt is not null ? "Accepted" : revokedAt is not null ? "Revoked" : expiresAt <= now ? "Expired" : "Pending";
}
