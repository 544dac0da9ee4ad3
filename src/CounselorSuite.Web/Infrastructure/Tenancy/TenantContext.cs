namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// The practice the current unit of work (a request or a job) acts for. It is set once, from the
/// signed-in user's claim, from an invitation token, or from a job's first argument, before any
/// tenant data is touched. Guid.Empty means "no practice": every tenant query then returns nothing.
/// </summary>
public sealed class TenantContext
{
    public Guid PracticeId { get; private set; }

    public bool HasPractice => PracticeId != Guid.Empty;

    public void Set(Guid practiceId)
    {
        if (HasPractice && practiceId != PracticeId)
        {
            throw new InvalidOperationException("The practice of a unit of work cannot change once set.");
        }
        PracticeId = practiceId;
    }
}
