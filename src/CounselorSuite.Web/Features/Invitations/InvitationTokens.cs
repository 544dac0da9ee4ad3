namespace CounselorSuite.Web.Features.Invitations;

/// <summary>An invitation link's token: a <see cref="Infrastructure.Auth.PracticeTokens"/> token.</summary>
public static class InvitationTokens
{
    public static (string Token, string Hash) Create(Guid practiceId) => Infrastructure.Auth.PracticeTokens.Create(practiceId);

    public static bool TryParse(string? token, out Guid practiceId, out string hash) =>
        Infrastructure.Auth.PracticeTokens.TryParse(token, out practiceId, out hash);
}
