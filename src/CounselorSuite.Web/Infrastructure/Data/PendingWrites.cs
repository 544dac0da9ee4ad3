using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>A statement waiting to go out with the unit of work's next command.</summary>
public sealed record PendingStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Writes that need no answer (the audit records of reads), kept until the unit of work's next command and
/// sent in front of it, in the same round trip; at the latest just before the unit of work commits, or before
/// a savepoint that could roll them back. They belong to the unit's transaction: committed with it, rolled
/// back with it. See docs/decisions/0005-audit-in-the-request-transaction.md.
/// </summary>
public sealed class PendingWrites
{
    private readonly List<PendingStatement> _statements = [];
    private int _names;

    public bool Any => _statements.Count > 0;

    /// <summary>
    /// A parameter name no other pending statement or EF Core command uses: the statements share a command text
    /// with whatever goes out next.
    /// </summary>
    public string ParameterName(string hint) => $"@pending{_names++}_{hint}";

    public void Add(PendingStatement statement) => _statements.Add(statement);

    public IReadOnlyList<PendingStatement> Take()
    {
        var taken = _statements.ToList();
        _statements.Clear();
        return taken;
    }

    /// <summary>The transaction rolled back: what was pending went with it.</summary>
    public void Clear() => _statements.Clear();
}
