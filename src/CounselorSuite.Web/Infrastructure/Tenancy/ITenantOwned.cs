namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// A row that belongs to one practice. Every such entity gets the "Practice" query filter and a
/// row-level-security policy, and its primary key and foreign keys start with <see cref="PracticeId"/>.
/// </summary>
public interface ITenantOwned
{
    Guid PracticeId { get; }
}

/// <summary>
/// The explicit marker for the few tables that are shared by the whole installation (the practices
/// themselves, the sign-in directory, the three roles, data-protection keys). Anything without either
/// marker fails the model check at start-up.
/// </summary>
public interface IInstallationWide;
