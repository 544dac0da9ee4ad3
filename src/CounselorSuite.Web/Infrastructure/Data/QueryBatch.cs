using System.Data.Common;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>A query's result once its batch was sent.</summary>
public sealed class Batched<T>
{
    private T _value = default!;
    private bool _done;
    private Func<T>? _make;

    public T Value => _done ? _value
        : _make is { } make ? Remember(make())
        : throw new InvalidOperationException("The batch this query belongs to was not sent.");

    public bool HasValue => _done;

    // CA1000: Batched<T>.From(...) and .Of(x) name the result type where the query would have.
#pragma warning disable CA1000
    /// <summary>
    /// A result made from other results of the batch (rows of several queries into one page's model): made when
    /// first read, after the batch was sent.
    /// </summary>
    public static Batched<T> From(Func<T> make) => new() { _make = make };

    private T Remember(T value)
    {
        Set(value);
        _make = null;
        return value;
    }

    /// <summary>A result known without asking (the query is not needed in this case).</summary>
    public static Batched<T> Of(T value)
#pragma warning restore CA1000
    {
        var known = new Batched<T>();
        known.Set(value);
        return known;
    }

    internal void Set(T value)
    {
        _value = value;
        _done = true;
    }
}

/// <summary>
/// Several EF Core queries a page needs, sent to PostgreSQL together: one round trip instead of one per query
/// (with the practice binding and any pending writes in front). Only the sending is shared: each query is EF
/// Core's own SQL (query filters, projections) and EF Core reads its own result set, so nothing changes in what a
/// query means. Queries go in the order they were added; <see cref="SendAsync"/> sends them and fills the results.
/// </summary>
/// <remarks>
/// Outside a unit of work (no transaction) the queries simply run one after the other.
/// </remarks>
public sealed class QueryBatch(AppDbContext db)
{
    private readonly List<IItem> _items = [];

    public Batched<List<T>> List<T>(IQueryable<T> query) => Add(query, rows => rows);

    public Batched<T?> FirstOrDefault<T>(IQueryable<T> query) => Add(query.Take(1), rows => rows.FirstOrDefault());

    /// <summary>How many rows the query has (grouped by practice: a query sees one practice, so one group or none).</summary>
    public Batched<int> Count<T>(IQueryable<T> query) where T : ITenantOwned =>
        Add(query.GroupBy(x => x.PracticeId).Select(g => g.Count()), rows => rows.FirstOrDefault());

    public async Task SendAsync(CancellationToken ct)
    {
        var items = _items.ToList();
        _items.Clear();
        var readers = BatchedReaders.Of(db.Database);
        if (items.Count == 0 || readers is null || db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
        {
            foreach (var item in items)
            {
                await item.RunAsync(ct);
            }
            return;
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var owed in PracticeBinding.Of(db.Database)?.TakeOwed(transaction) ?? [])
        {
            batch.BatchCommands.Add(BatchCommand(owed.Sql, owed.Parameters));
        }
        var texts = new List<string>(items.Count);
        foreach (var item in items)
        {
            var (sql, parameters) = item.Command();
            texts.Add(sql);
            batch.BatchCommands.Add(BatchCommand(sql, parameters.Select(p => p.Clone())));
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        using var serving = readers.Serve(reader);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is ISqlItem sql && serving.Active)
            {
                await sql.ReadAsync(reader, ct);
            }
            else
            {
                serving.Expect(texts[i]);
                await items[i].RunAsync(ct);
            }
            if (serving.Active && i < items.Count - 1)
            {
                await reader.NextResultAsync(ct);
            }
        }
    }

    /// <summary>
    /// Hand-written SQL (what LINQ cannot express, see <see cref="SqlRows"/>) as one statement of the batch, its rows
    /// read with <paramref name="map"/>. It names the practice itself, as SqlRows' statements do.
    /// </summary>
    public Batched<List<T>> Sql<T>(string sql, IReadOnlyList<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> map)
    {
        var result = new Batched<List<T>>();
        _items.Add(new SqlItem<T>(db, sql, parameters, map, result));
        return result;
    }

    /// <summary>A query whose rows the caller shapes into what the page keeps (a row into a record, a page with its total).</summary>
    public Batched<TResult> Add<TRow, TResult>(IQueryable<TRow> query, Func<List<TRow>, TResult> shape)
    {
        var result = new Batched<TResult>();
        _items.Add(new Item<TRow, TResult>(query, shape, result));
        return result;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }

    private interface IItem
    {
        (string Sql, IEnumerable<NpgsqlParameter> Parameters) Command();

        /// <summary>Runs the query on its own (outside a batch, or once the batch's results were let go).</summary>
        Task RunAsync(CancellationToken ct);
    }

    /// <summary>An item whose rows are read from the batch's reader directly, not through EF Core.</summary>
    private interface ISqlItem : IItem
    {
        Task ReadAsync(NpgsqlDataReader reader, CancellationToken ct);
    }

    private sealed class SqlItem<T>(AppDbContext db, string sql, IReadOnlyList<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> map,
        Batched<List<T>> result) : ISqlItem
    {
        public (string Sql, IEnumerable<NpgsqlParameter> Parameters) Command() => (sql, parameters);

        public async Task RunAsync(CancellationToken ct) => result.Set(await db.Database.ReadAsync(sql, parameters, map, ct));

        public async Task ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(map(reader));
            }
            result.Set(rows);
        }
    }

    private sealed class Item<TRow, TResult>(IQueryable<TRow> query, Func<List<TRow>, TResult> shape, Batched<TResult> result) : IItem
    {
        public (string Sql, IEnumerable<NpgsqlParameter> Parameters) Command()
        {
            using var command = query.CreateDbCommand();
            return (command.CommandText, command.Parameters.Cast<NpgsqlParameter>().ToList());
        }

        public async Task RunAsync(CancellationToken ct) => result.Set(shape(await query.ToListAsync(ct)));
    }
}

/// <summary>
/// Hands EF Core the batch's result set for the query it is about to send, instead of sending it. A query the
/// batch does not expect (its SQL differs) lets go of the batch's results first, then runs on its own.
/// </summary>
#pragma warning disable CA1001 // The reader it serves from belongs to the batch's own `using`; this only borrows it.
public sealed class BatchedReaders : DbCommandInterceptor
#pragma warning restore CA1001
{
    private Serving? _serving;

    public static BatchedReaders? Of(DatabaseFacade database) =>
        database.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<BatchedReaders>().FirstOrDefault();

    internal Serving Serve(NpgsqlDataReader reader) => _serving = new Serving(this, reader);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (_serving is { } serving && !result.HasResult)
        {
            if (serving.Take(command.CommandText) is { } reader)
            {
                return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
            }
            serving.Reader.Dispose();
            _serving = null;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_serving is { } serving && !result.HasResult)
        {
            if (serving.Take(command.CommandText) is { } reader)
            {
                return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
            }
            // The connection runs one command at a time: the batch's results go before this one runs.
            await serving.Reader.DisposeAsync();
            _serving = null;
        }
        return result;
    }

    internal sealed class Serving(BatchedReaders owner, NpgsqlDataReader reader) : IDisposable
    {
        private string? _expected;

        public NpgsqlDataReader Reader => reader;

        public bool Active => ReferenceEquals(owner._serving, this);

        public void Expect(string commandText) => _expected = commandText;

        public DbDataReader? Take(string commandText)
        {
            if (_expected is null || !string.Equals(_expected, commandText, StringComparison.Ordinal))
            {
                return null;
            }
            _expected = null;
            return new BatchResultReader(reader);
        }

        public void Dispose()
        {
            if (Active)
            {
                owner._serving = null;
            }
        }
    }
}
