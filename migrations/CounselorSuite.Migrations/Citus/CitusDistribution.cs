using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Migrations.Citus;

/// <summary>
/// Spreads the schema over a Citus cluster: every table of the model that belongs to no practice becomes a
/// reference table (a copy on every node), and every tenant table is distributed by practice_id, all
/// colocated, so a practice's rows of every table sit on the same worker and its queries stay on one node.
/// Safe to run again: tables already placed are left alone. A table that cannot be distributed stops the
/// migration with its name and Citus's reason.
/// </summary>
/// <remarks>
/// The settings are the ones this schema needs (see docs/scale-out.md): sequential shard modification
/// (tables with foreign keys), unsafe triggers allowed (the weekly roll-up trigger on scale_answers writes
/// to a colocated table, so on a shard it only touches the same worker), and no conversion of local tables
/// that reference a reference table into Citus-local tables (they are distributed right after).
/// </remarks>
public static class CitusDistribution
{
    public const string SessionSettings = """
        SET citus.multi_shard_modify_mode TO 'sequential';
        SET citus.enable_unsafe_triggers TO on;
        SET citus.enable_local_reference_table_foreign_keys TO off;
        """;

    public static async Task<bool> IsCitusAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public sealed record Plan(IReadOnlyList<string> ReferenceTables, IReadOnlyList<string> TenantTables);

    /// <summary>Reference tables, then tenant tables, each list with a table's principals before it.</summary>
    public static Plan PlanFor(AppDbContext db)
    {
        var entities = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<string>();
        var visiting = new HashSet<string>();
        void Visit(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity)
        {
            var table = entity.GetTableName()!;
            if (ordered.Contains(table) || !visiting.Add(table))
            {
                return;
            }
            foreach (var principal in entity.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p.GetTableName() is not null))
            {
                Visit(principal);
            }
            ordered.Add(table);
        }
        foreach (var entity in entities.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity);
        }
        var tenant = entities.Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!).ToHashSet();
        return new Plan(ordered.Where(t => !tenant.Contains(t)).ToList(), ordered.Where(tenant.Contains).ToList());
    }

    public static async Task DistributeAsync(NpgsqlConnection connection, Plan plan, TextWriter log, CancellationToken ct)
    {
        await ExecuteAsync(connection, SessionSettings, ct);
        var placed = await PlacedTablesAsync(connection, ct);
        var made = 0;
        foreach (var table in plan.ReferenceTables.Where(t => !placed.ContainsKey(t)))
        {
            await PlaceAsync(connection, table, $"SELECT create_reference_table('public.\"{table}\"')", ct);
            made++;
        }
        // Colocated with the first tenant table that is already distributed, or with the first one.
        var anchor = plan.TenantTables.FirstOrDefault(t => placed.GetValueOrDefault(t) == 'h');
        foreach (var table in plan.TenantTables)
        {
            if (placed.TryGetValue(table, out var method))
            {
                if (method != 'h')
                {
                    throw new CitusDistributionException(table, $"it is already a Citus table of another kind ('{method}'), not distributed by practice_id");
                }
                continue;
            }
            var colocate = anchor is null ? "default" : anchor;
            await PlaceAsync(connection, table,
                $"SELECT create_distributed_table('public.\"{table}\"', 'practice_id', colocate_with => '{colocate}')", ct);
            anchor ??= table;
            made++;
        }
        await log.WriteLineAsync($"Citus: {plan.ReferenceTables.Count} reference tables and {plan.TenantTables.Count} tenant tables distributed by practice_id ({made} placed now).");
    }

    private static async Task PlaceAsync(NpgsqlConnection connection, string table, string sql, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, sql, ct);
        }
        catch (PostgresException e)
        {
            throw new CitusDistributionException(table, e.MessageText + (e.Hint is { } hint ? $" (hint: {hint})" : ""));
        }
    }

    /// <summary>Tables Citus already knows, with their partition method: h distributed, n reference or local.</summary>
    private static async Task<Dictionary<string, char>> PlacedTablesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, p.partmethod FROM pg_dist_partition p
            JOIN pg_class c ON c.oid = p.logicalrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var placed = new Dictionary<string, char>();
        while (await reader.ReadAsync(ct))
        {
            placed[reader.GetString(0)] = reader.GetChar(1);
        }
        return placed;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A tenant table Citus would not distribute: the migration stops and says which and why.</summary>
public sealed class CitusDistributionException(string table, string reason)
    : Exception($"Citus could not place table \"{table}\": {reason}")
{
    public string Table { get; } = table;
}
