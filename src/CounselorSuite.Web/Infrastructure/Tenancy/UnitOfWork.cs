using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// A scope's database work (a request's, a job's) on one connection in one explicit transaction, which
/// <see cref="PracticeBinding"/> binds to the practice. The request middleware and the job filter begin
/// it and end it: committed when the work succeeded, rolled back when it failed. Code that needs its
/// progress seen before the end (a job's claim) checkpoints: commits, and goes on in a new transaction.
/// </summary>
/// <remarks>
/// Npgsql sends BEGIN with the first command, so a unit that never touches the database costs nothing
/// but its COMMIT.
/// </remarks>
public sealed class UnitOfWork(AppDbContext db)
{
    private readonly List<Action> _afterCommit = [];

    public bool IsActive => db.Database.CurrentTransaction is not null;

    /// <summary>
    /// Runs the action once what was done so far is committed (at once outside a unit of work): a job is
    /// enqueued only for rows it will find, since it runs on another connection that cannot see them earlier.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (IsActive)
        {
            _afterCommit.Add(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>
    /// After a failure: drops what the failed attempt did, then writes and commits what must outlast it (a
    /// Failed state the user reads), so the rollback at the end of the unit of work cannot take it too.
    /// </summary>
    public async Task RecordFailureAsync(Func<Task> write)
    {
        if (db.Database.CurrentTransaction is { } failed)
        {
            await failed.RollbackAsync(CancellationToken.None);
            await failed.DisposeAsync();
            _afterCommit.Clear();
            await db.Database.BeginTransactionAsync(CancellationToken.None);
        }
        await write();
        await CheckpointAsync(CancellationToken.None);
    }

    /// <summary>Runs work as a unit of work of its own (tools, seeders, tests), or as part of the running one.</summary>
    public async Task RunAsync(Func<Task> work, CancellationToken ct)
    {
        if (IsActive)
        {
            await work();
            return;
        }
        await BeginAsync(ct);
        try
        {
            await work();
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
        await CommitAsync(ct);
    }

    public async Task BeginAsync(CancellationToken ct)
    {
        if (IsActive)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.BeginTransactionAsync(ct);
    }

    public void Begin()
    {
        if (IsActive)
        {
            return;
        }
        db.Database.OpenConnection();
        db.Database.BeginTransaction();
    }

    /// <summary>
    /// Commits what was done so far; later work in this scope runs in a new transaction on the same connection.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
            await db.Database.BeginTransactionAsync(ct);
            RunAfterCommit();
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
            await EndAsync(transaction);
            RunAfterCommit();
        }
    }

    public void Commit()
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            transaction.Commit();
            End(transaction);
            RunAfterCommit();
        }
    }

    public async Task RollbackAsync()
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            _afterCommit.Clear();
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                // The connection broke with the failure itself: the server has rolled back already, and the
                // failure that brought us here is the one to report.
            }
            await EndAsync(transaction);
        }
    }

    public void Rollback()
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            _afterCommit.Clear();
            try
            {
                transaction.Rollback();
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                // As in RollbackAsync: the server rolled back with the broken connection.
            }
            End(transaction);
        }
    }

    private void RunAfterCommit()
    {
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    private async Task EndAsync(IDbContextTransaction transaction)
    {
        await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private void End(IDbContextTransaction transaction)
    {
        transaction.Dispose();
        db.Database.CloseConnection();
    }
}
