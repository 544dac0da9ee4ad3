using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>
/// All-or-nothing work inside whatever transaction is running: a savepoint in the unit of work's
/// transaction (a request's or a job's), or a transaction of its own where there is none (tools, seeders).
/// Committing releases the savepoint, and the work becomes durable with the unit of work; disposing
/// without committing undoes only this part, and the unit of work goes on.
/// </summary>
public sealed class NestedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly string? _savepoint;
    private bool _done;

    private NestedTransaction(IDbContextTransaction transaction, string? savepoint)
    {
        _transaction = transaction;
        _savepoint = savepoint;
    }

    public static async Task<NestedTransaction> BeginAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.CurrentTransaction is { } outer)
        {
            var savepoint = "nested_" + Guid.NewGuid().ToString("N");
            await outer.CreateSavepointAsync(savepoint, ct);
            return new NestedTransaction(outer, savepoint);
        }
        return new NestedTransaction(await database.BeginTransactionAsync(ct), null);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        _done = true;
        if (_savepoint is null)
        {
            await _transaction.CommitAsync(ct);
        }
        else
        {
            await _transaction.ReleaseSavepointAsync(_savepoint, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is null)
        {
            await _transaction.DisposeAsync();
        }
        else if (!_done)
        {
            await _transaction.RollbackToSavepointAsync(_savepoint, CancellationToken.None);
        }
        _done = true;
    }
}

public static class NestedTransactionExtensions
{
    /// <summary>Use instead of BeginTransactionAsync: a request or a job already runs in a transaction.</summary>
    public static Task<NestedTransaction> BeginNestedTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        NestedTransaction.BeginAsync(database, ct);
}
