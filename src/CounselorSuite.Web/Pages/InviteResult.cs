namespace CounselorSuite.Web.Pages;

/// <summary>What the inviter sees once, right after inviting: the link to copy, or the username and setup code.</summary>
public sealed record InviteResult(string DisplayName, string AcceptUrl, DateTimeOffset ExpiresAt, string? UserName, string? SetupCode);
