using System.Data.Common;
using System.Globalization;
using System.Text;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// Binds the current practice to the transaction a command runs in, with <c>SET LOCAL app.practice_id</c>,
/// before the transaction's first command (and again after the practice is set late, as at sign-in, or after
/// a savepoint rollback undid the binding). The setting lives only as long as the transaction: a pooled
/// connection never carries a practice over, and on Citus the coordinator passes a transaction's SET LOCAL on
/// to the workers, where the shards' row-level security is checked (a session setting stays on the
/// coordinator). A command outside a transaction is not bound and so sees no tenant rows, on plain PostgreSQL
/// as on Citus: tenant work belongs in a unit of work (<see cref="UnitOfWork"/>).
/// </summary>
/// <remarks>
/// The binding, and the <see cref="PendingWrites"/> waiting for the next command, travel in front of a query in
/// the same command text: one round trip, not one each (Npgsql sends the statements of a command together and
/// its reader passes over those that return no rows). In front of a write they go as a command of their own,
/// since EF Core reads a write's row counts by statement position.
/// </remarks>
public sealed class PracticeBinding(TenantContext tenant, PendingWrites writes) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public const string SettingName = "app.practice_id";

    private DbTransaction? _boundIn;
    private Guid _boundPractice;

    /// <summary>How many times this scope sent the binding (tests count it).</summary>
    public int Bindings { get; private set; }

    /// <summary>The binding of a context (for SQL that does not pass through EF Core's command pipeline).</summary>
    public static PracticeBinding? Of(DatabaseFacade database) =>
        database.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<PracticeBinding>().FirstOrDefault();

    /// <summary>
    /// Binds before SQL that does not pass through EF Core's command pipeline (SqlRows' own commands).
    /// </summary>
    public static Task EnsureBoundAsync(DatabaseFacade database, DbCommand command, CancellationToken ct) =>
        Of(database)?.BeforeAsync(command, ct) ?? Task.CompletedTask;

    /// <summary>
    /// What this transaction owes the database before its next command: the binding when it is not bound yet,
    /// then the pending writes. Taken: the caller sends them.
    /// </summary>
    public IReadOnlyList<PendingStatement> TakeOwed(DbTransaction? transaction)
    {
        if (transaction is null)
        {
            return [];
        }
        var owed = new List<PendingStatement>();
        if (tenant.HasPractice && (!ReferenceEquals(transaction, _boundIn) || _boundPractice != tenant.PracticeId))
        {
            // SET LOCAL, not set_config(): Citus propagates only the statement to the workers. It takes no
            // parameters; the value is a Guid formatted here, so nothing from outside reaches the text.
            owed.Add(new PendingStatement($"SET LOCAL {SettingName} = '{tenant.PracticeId.ToString("D", CultureInfo.InvariantCulture)}'", []));
            _boundIn = transaction;
            _boundPractice = tenant.PracticeId;
            Bindings++;
        }
        if (writes.Any)
        {
            owed.AddRange(writes.Take());
        }
        return owed;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!result.HasResult)
        {
            Before(command);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!result.HasResult)
        {
            await BeforeAsync(command, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    // Pending writes are sent before anything that could take them back without the transaction: a savepoint
    // rolled back later must not undo the record of a read made before it. And before the commit, at the latest.
    InterceptionResult IDbTransactionInterceptor.CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Flush(transaction);
        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken)
    {
        await FlushAsync(transaction, cancellationToken);
        return result;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Flush(transaction);
        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken)
    {
        await FlushAsync(transaction, cancellationToken);
        return result;
    }

    // Whatever ends a transaction, or rolls part of it back, may have taken the setting with it; a rollback of
    // the whole transaction takes the writes not sent yet too, as it takes those sent.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget();
    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) => Forget(Task.CompletedTask);
    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack();
    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        RolledBack();
        return Task.CompletedTask;
    }
    void IDbTransactionInterceptor.RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget();
    Task IDbTransactionInterceptor.RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken) => Forget(Task.CompletedTask);
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Forget();
    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Forget(Task.CompletedTask);

    private void Forget() => _boundIn = null;

    private Task Forget(Task done)
    {
        Forget();
        return done;
    }

    private void RolledBack()
    {
        Forget();
        writes.Clear();
    }

    /// <summary>Sends the pending writes now, on their own (a commit or a savepoint comes next).</summary>
    private void Flush(DbTransaction transaction)
    {
        using var send = FlushCommand(transaction);
        send?.ExecuteNonQuery();
    }

    private async Task FlushAsync(DbTransaction transaction, CancellationToken ct)
    {
        await using var send = FlushCommand(transaction);
        if (send is not null)
        {
            await send.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand? FlushCommand(DbTransaction transaction) =>
        writes.Any && TakeOwed(transaction) is { Count: > 0 } owed ? CommandOf(transaction.Connection!, transaction, owed) : null;

    private void Before(DbCommand command)
    {
        using var send = OwedBefore(command);
        send?.ExecuteNonQuery();
    }

    private async Task BeforeAsync(DbCommand command, CancellationToken ct)
    {
        await using var send = OwedBefore(command);
        if (send is not null)
        {
            await send.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Puts what is owed in front of a query; for any other command, returns it as a command to send first.</summary>
    private DbCommand? OwedBefore(DbCommand command)
    {
        var owed = TakeOwed(command.Transaction);
        if (owed.Count == 0)
        {
            return null;
        }
        if (IsQuery(command))
        {
            Prepend(command, owed);
            return null;
        }
        return CommandOf(command.Connection!, command.Transaction!, owed);
    }

    /// <summary>A read whose reader the owed statements may share: they return no rows, so the reader passes over them.</summary>
    private static bool IsQuery(DbCommand command) =>
        command.CommandType == System.Data.CommandType.Text
        && command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private static void Prepend(DbCommand command, IReadOnlyList<PendingStatement> owed)
    {
        var text = new StringBuilder();
        foreach (var statement in owed)
        {
            text.Append(statement.Sql).Append(";\n");
            command.Parameters.AddRange(statement.Parameters.ToArray());
        }
        command.CommandText = text.Append(command.CommandText).ToString();
    }

    private static DbCommand CommandOf(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingStatement> owed)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Join(";\n", owed.Select(s => s.Sql));
        command.Parameters.AddRange(owed.SelectMany(s => s.Parameters).ToArray());
        return command;
    }
}
