using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Foundation.HostileInput;

/// <summary>
/// A digest of every row a request could have changed: the practice's rows in each tenant table, and
/// whole tables that belong to no practice (practices, the sign-in directory, ...). Read as the owner.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestDatabase database, Guid practiceId)
    {
        await using var connection = await database.OpenAsOwnerAsync();
        var tables = new List<(string Name, bool Tenant)>();
        await using (var list = new NpgsqlCommand("""
            SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
                                         WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'practice_id')
            FROM information_schema.tables t
            WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> '__EFMigrationsHistory'
            ORDER BY t.table_name
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, tenant) in tables)
        {
            var where = tenant ? $"WHERE t.practice_id = '{practiceId}'" : "";
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"{name}\" t {where}", connection);
            digests[name] = (string)(await digest.ExecuteScalarAsync())!;
        }
        return digests;
    }
}
