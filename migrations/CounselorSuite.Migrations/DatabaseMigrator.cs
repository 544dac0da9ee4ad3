using System.Globalization;
using System.Text.RegularExpressions;
using CounselorSuite.Migrations.Citus;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CounselorSuite.Migrations;

/// <summary>
/// Brings a database to the current schema as its owner: creates the database when missing, applies the
/// EF Core migrations, installs Hangfire's tables, then (re)applies row-level security to every
/// tenant-owned table and the grants of the app's role, which owns nothing and cannot bypass RLS.
/// On a Citus coordinator it also places every table on the cluster (reference or distributed by
/// practice_id), so the policies and grants reach every shard. Safe to run again and again.
/// </summary>
public static partial class DatabaseMigrator
{
    public const string DefaultAppRole = "counselorsuite_app";

    public static AppDbContext CreateOwnerContext(string ownerConnectionString, bool citus = false)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(ownerConnectionString, o => o.MigrationsAssembly(typeof(DatabaseMigrator).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
        if (citus)
        {
            builder.ReplaceService<IMigrationsSqlGenerator, CitusMigrationsSqlGenerator>();
        }
        return new AppDbContext(builder.Options, new TenantContext());
    }

    /// <param name="citus">
    /// Citus: null to detect it (the citus extension in the database); with workers, the database is first
    /// made a Citus database on each of them. On Citus the tables are distributed after the migrations.
    /// </param>
    public static async Task MigrateAsync(string ownerConnectionString, string appRolePassword, string appRole = DefaultAppRole,
        TextWriter? log = null, CitusSetup? citus = null, CancellationToken ct = default)
    {
        log ??= TextWriter.Null;
        if (!SafeIdentifier().IsMatch(appRole))
        {
            throw new ArgumentException("The app role name must be a plain lower-case identifier.", nameof(appRole));
        }
        await CreateDatabaseIfMissingAsync(ownerConnectionString, log, ct);
        if (citus is { Workers.Count: > 0 })
        {
            await CitusCluster.PrepareAsync(ownerConnectionString, citus.Workers, log, ct);
        }
        bool onCitus;
        await using (var probe = new NpgsqlConnection(ownerConnectionString))
        {
            await probe.OpenAsync(ct);
            onCitus = await CitusDistribution.IsCitusAsync(probe, ct);
        }
        if (citus is { Required: true } && !onCitus)
        {
            throw new InvalidOperationException(
                "--citus: the database has no citus extension. Give the workers (--citus-workers host:port,...) or set the cluster up first; see docs/scale-out.md.");
        }

        await using (var db = CreateOwnerContext(ownerConnectionString, onCitus))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            await log.WriteLineAsync($"Applied {pending.Count} migration(s){(onCitus ? " on Citus" : "")}.");

            await using var connection = new NpgsqlConnection(ownerConnectionString);
            await connection.OpenAsync(ct);
            PostgreSqlObjectsInstaller.Install(connection, "hangfire");
            await log.WriteLineAsync("Hangfire schema ready.");
            if (onCitus)
            {
                // Before the policies and grants below, which Citus then applies to every shard.
                await CitusDistribution.DistributeAsync(connection, CitusDistribution.PlanFor(db), log, ct);
                await CitusDistribution.ExecuteAsync(connection, CitusRollupTriggers.Install, ct);
                await log.WriteLineAsync("Citus: weekly roll-ups kept by row triggers on the workers.");
            }

            var tenantTables = TenantTables(db);
            var sql = TenantSecuritySql(tenantTables, appRole, appRolePassword, connection.Database);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
            await log.WriteLineAsync($"Row-level security on {tenantTables.Count} tenant tables; grants for {appRole} applied.");
        }
    }

    /// <summary>Every table whose rows belong to one practice, read from the EF model.</summary>
    public static IReadOnlyList<string> TenantTables(AppDbContext db) => db.Model.GetEntityTypes()
        .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
        .Select(e => e.GetTableName()!)
        .Distinct()
        .Order()
        .ToList();

    /// <summary>Tables the app may add to and read but never change: the audit trail.</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["audit_records"];

    /// <summary>Tables whose rows are written once and never changed (they may still be deleted): exercise versions.</summary>
    public static readonly IReadOnlyList<string> ImmutableRowTables = ["exercise_versions"];

    private static string TenantSecuritySql(IReadOnlyList<string> tenantTables, string role, string password, string database)
    {
        var quotedPassword = password.Replace("'", "''");
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $$"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{role}}') THEN CREATE ROLE {{role}} LOGIN; END IF;
            END $$;
            ALTER ROLE {{role}} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '{{quotedPassword}}';
            GRANT CONNECT ON DATABASE "{{database}}" TO {{role}};
            GRANT USAGE ON SCHEMA public TO {{role}};
            GRANT USAGE ON SCHEMA hangfire TO {{role}};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {{role}};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {{role}};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO {{role}};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO {{role}};
            REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {{role}};

            CREATE OR REPLACE FUNCTION app_current_practice() RETURNS uuid
              LANGUAGE sql STABLE PARALLEL SAFE
              AS $f$ SELECT nullif(current_setting('app.practice_id', true), '')::uuid $f$;

            ALTER TABLE practices ENABLE ROW LEVEL SECURITY;
            ALTER TABLE practices FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS practice_isolation ON practices;
            CREATE POLICY practice_isolation ON practices
              USING (id = app_current_practice()) WITH CHECK (id = app_current_practice());
            """);
        foreach (var table in tenantTables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS practice_isolation ON "{table}";
                CREATE POLICY practice_isolation ON "{table}"
                  USING (practice_id = app_current_practice()) WITH CHECK (practice_id = app_current_practice());
                """);
        }
        foreach (var table in AppendOnlyTables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"""
                DO $$ BEGIN
                  IF to_regclass('public.{table}') IS NOT NULL THEN
                    REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM {role};
                  END IF;
                END $$;
                """);
        }
        foreach (var table in ImmutableRowTables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"""
                DO $$ BEGIN
                  IF to_regclass('public.{table}') IS NOT NULL THEN
                    REVOKE UPDATE, TRUNCATE ON "{table}" FROM {role};
                  END IF;
                END $$;
                """);
        }
        return sb.ToString();
    }

    internal static async Task CreateDatabaseIfMissingAsync(string ownerConnectionString, TextWriter log, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(ownerConnectionString));
        var maintenance = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }
        if (!SafeIdentifier().IsMatch(database))
        {
            throw new ArgumentException($"Create the database '{database}' by hand, or use a plain lower-case name.", nameof(ownerConnectionString));
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync(ct);
        await log.WriteLineAsync($"Created database {database}.");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SafeIdentifier();
}

/// <summary>How the migrator treats Citus: required or detected, and the workers to set up ("host:port").</summary>
public sealed record CitusSetup(bool Required, IReadOnlyList<string> Workers);
