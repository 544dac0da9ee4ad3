// Npgsql's migrations SQL generator takes its options through an interface in an .Internal namespace.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace CounselorSuite.Migrations.Citus;

/// <summary>
/// Migrations on a Citus coordinator: a new table is created without its foreign keys, placed at once (a
/// tenant table distributed by practice_id with the others, any other table as a reference table), and
/// then given its foreign keys, which Citus accepts between colocated tables and towards reference tables.
/// (A plain CREATE TABLE whose foreign key points at a distributed table fails on Citus.) Everything else
/// is plain DDL, which Citus carries to the shards.
/// </summary>
public sealed class CitusMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
{
    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var builder = new MigrationCommandListBuilder(Dependencies);
        builder.AppendLine(CitusDistribution.SessionSettings).EndCommand();
        return [.. builder.GetCommandList(), .. base.Generate(operations, model, options)];
    }

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (operation.Name.StartsWith("__EF", StringComparison.Ordinal))
        {
            // EF Core's own history table stays a plain table on the coordinator.
            base.Generate(operation, model, builder, terminate);
            return;
        }
        var foreignKeys = operation.ForeignKeys.ToList();
        operation.ForeignKeys.Clear();
        base.Generate(operation, model, builder, terminate);

        var table = $"{(operation.Schema is null ? "public" : operation.Schema)}.\"{operation.Name}\"";
        builder
            .Append(IsTenantTable(operation)
                ? $"SELECT create_distributed_table('{table}', 'practice_id', colocate_with => 'default')"
                : $"SELECT create_reference_table('{table}')")
            .AppendLine(";")
            .EndCommand();
        foreach (var foreignKey in foreignKeys)
        {
            Generate(new AddForeignKeyOperation
            {
                Schema = operation.Schema, Table = operation.Name, Name = foreignKey.Name, Columns = foreignKey.Columns,
                PrincipalSchema = foreignKey.PrincipalSchema, PrincipalTable = foreignKey.PrincipalTable,
                PrincipalColumns = foreignKey.PrincipalColumns, OnUpdate = foreignKey.OnUpdate, OnDelete = foreignKey.OnDelete,
            }, model, builder);
        }
    }

    /// <summary>
    /// A tenant table is one whose primary key starts with practice_id (the schema's rule). Read from the
    /// operation, because a migration's model has no CLR types to ask for ITenantOwned.
    /// </summary>
    private static bool IsTenantTable(CreateTableOperation operation) =>
        operation.PrimaryKey?.Columns.FirstOrDefault() == "practice_id";
}
