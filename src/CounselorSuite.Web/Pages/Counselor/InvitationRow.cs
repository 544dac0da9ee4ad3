namespace CounselorSuite.Web.Pages.Counselor;

/// <summary>An invitation as the case's settings and the admin's page list it.</summary>
public sealed record InvitationRow(Guid Id, string DisplayName, string Login, string Role, string Status, DateTimeOffset ExpiresAt);
