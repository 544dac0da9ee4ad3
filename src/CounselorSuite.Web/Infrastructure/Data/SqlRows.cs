using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>
/// Reads the rows of hand-written SQL through the context's own connection and transaction, so the practice
/// the unit of work binds applies (row-level security) exactly as for LINQ queries.
/// </summary>
/// <remarks>
/// For the few aggregates LINQ cannot express (grouping by ISO week). EF Core's SqlQueryRaw would do the same
/// but cannot cache a command whose parameters are DbParameters, and rebuilt it on every call: about 5 ms a
/// call on the benchmark machine, more than the queries themselves.
/// </remarks>
public static class SqlRows
{
    public static async Task<List<T>> ReadAsync<T>(this DatabaseFacade database, string sql, IEnumerable<NpgsqlParameter> parameters,
        Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = (NpgsqlCommand)database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
            command.Parameters.AddRange(parameters.ToArray());
            // The command bypasses EF Core's interceptors, so it asks for the practice binding itself.
            await Tenancy.PracticeBinding.EnsureBoundAsync(database, command, ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(map(reader));
            }
            return rows;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
