using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// Binds the current practice to the transaction a command runs in, with <c>SET LOCAL app.practice_id</c>,
/// just before the transaction's first command (and again after the practice is set late, as at sign-in,
/// or after a savepoint rollback undid the binding). The setting lives only as long as the transaction: a
/// pooled connection never carries a practice over, and on Citus the coordinator passes a transaction's
/// SET LOCAL on to the workers, where the shards' row-level security is checked (a session setting stays
/// on the coordinator). A command outside a transaction is not bound and so sees no tenant rows, on plain
/// PostgreSQL as on Citus: tenant work belongs in a unit of work (<see cref="UnitOfWork"/>).
/// </summary>
public sealed class PracticeBinding(TenantContext tenant) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public const string SettingName = "app.practice_id";

    private DbTransaction? _boundIn;
    private Guid _boundPractice;

    /// <summary>How many times this scope sent the binding (tests count it).</summary>
    public int Bindings { get; private set; }

    /// <summary>
    /// Binds before SQL that does not pass through EF Core's command pipeline (SqlRows' own commands).
    /// </summary>
    public static Task EnsureBoundAsync(DatabaseFacade database, DbCommand command, CancellationToken ct)
    {
        var binding = database.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<PracticeBinding>().FirstOrDefault();
        return binding is null ? Task.CompletedTask : binding.BindAsync(command, ct);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Bind(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BindAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Bind(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BindAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Bind(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BindAsync(command, cancellationToken);
        return result;
    }

    // Whatever ends a transaction, or rolls part of it back, may have taken the setting with it.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget();
    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) => Forget(Task.CompletedTask);
    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();
    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) => Forget(Task.CompletedTask);
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

    private bool NeedsBinding(DbCommand command) =>
        command.Transaction is { } transaction && tenant.HasPractice
        && (!ReferenceEquals(transaction, _boundIn) || _boundPractice != tenant.PracticeId);

    private void Bind(DbCommand command)
    {
        if (NeedsBinding(command))
        {
            using var set = CreateBindingCommand(command);
            set.ExecuteNonQuery();
            Remember(command.Transaction!);
        }
    }

    private async Task BindAsync(DbCommand command, CancellationToken ct)
    {
        if (NeedsBinding(command))
        {
            await using var set = CreateBindingCommand(command);
            await set.ExecuteNonQueryAsync(ct);
            Remember(command.Transaction!);
        }
    }

    private void Remember(DbTransaction transaction)
    {
        _boundIn = transaction;
        _boundPractice = tenant.PracticeId;
        Bindings++;
    }

    private DbCommand CreateBindingCommand(DbCommand command)
    {
        var set = command.Connection!.CreateCommand();
        set.Transaction = command.Transaction;
        // SET LOCAL, not set_config(): Citus propagates only the statement to the workers. It takes no
        // parameters; the value is a Guid formatted here, so nothing from outside reaches the text.
        set.CommandText = $"SET LOCAL {SettingName} = '{tenant.PracticeId.ToString("D", CultureInfo.InvariantCulture)}'";
        return set;
    }
}
