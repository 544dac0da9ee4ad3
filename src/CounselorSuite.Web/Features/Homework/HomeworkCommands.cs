using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Web.Features.Homework;

/// <summary>What every homework command shares: its clock reading and how it recognises a lost race.</summary>
internal static class HomeworkCommands
{
    public const int MaxNote = 2000;

    /// <summary>The time, to the microsecond PostgreSQL keeps, so what a command answers equals what a later read gives.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    public static bool IsUniqueViolation(Exception e) =>
        e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
        || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
