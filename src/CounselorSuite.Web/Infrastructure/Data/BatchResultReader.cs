using System.Collections;
using System.Data.Common;
using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>
/// One result set of a batch's reader, as EF Core reads a query's own reader: it ends with its result set, and
/// closing it leaves the batch's reader open for the next query (<see cref="QueryBatch"/> moves it on).
/// Every value is read by Npgsql itself.
/// </summary>
internal sealed class BatchResultReader(NpgsqlDataReader inner) : DbDataReader
{
    private bool _closed;

    public override int FieldCount => inner.FieldCount;
    public override int VisibleFieldCount => inner.VisibleFieldCount;
    public override bool HasRows => inner.HasRows;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => inner.RecordsAffected;
    public override int Depth => inner.Depth;
    public override object this[int ordinal] => inner[ordinal];
    public override object this[string name] => inner[name];

    public override bool Read() => !_closed && inner.Read();
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => _closed ? Task.FromResult(false) : inner.ReadAsync(cancellationToken);

    // A query reads one result set; the next one is another query's.
    public override bool NextResult() => false;
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public override void Close() => _closed = true;
    public override Task CloseAsync()
    {
        _closed = true;
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        _closed = true;
        return base.DisposeAsync();
    }

    public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
    public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
    public override char GetChar(int ordinal) => inner.GetChar(ordinal);
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
    public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
    public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
    public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
    public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
    public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
    public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
    public override string GetName(int ordinal) => inner.GetName(ordinal);
    public override int GetOrdinal(string name) => inner.GetOrdinal(name);
    public override string GetString(int ordinal) => inner.GetString(ordinal);
    public override object GetValue(int ordinal) => inner.GetValue(ordinal);
    public override int GetValues(object[] values) => inner.GetValues(values);
    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
    public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);
    public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);
    public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);
    public override Type GetProviderSpecificFieldType(int ordinal) => inner.GetProviderSpecificFieldType(ordinal);
    public override object GetProviderSpecificValue(int ordinal) => inner.GetProviderSpecificValue(ordinal);
    public override int GetProviderSpecificValues(object[] values) => inner.GetProviderSpecificValues(values);
    public override System.Data.DataTable? GetSchemaTable() => inner.GetSchemaTable();
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}
