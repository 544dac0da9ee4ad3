namespace CounselorSuite.Tests.Infrastructure;

/// <summary>A test that means something only on a Citus cluster; elsewhere it is skipped and says why.</summary>
public sealed class CitusFactAttribute : FactAttribute
{
    public CitusFactAttribute()
    {
        if (TestDatabase.CitusWorkers is null)
        {
            Skip = "Needs a Citus cluster (a coordinator and workers): scripts/test --citus runs it.";
        }
    }
}
