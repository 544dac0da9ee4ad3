using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Tenancy;

/// <summary>
/// Sets app.practice_id on every connection EF Core opens, so PostgreSQL's row-level security sees the
/// same practice as the query filters. It runs on each open, so a pooled connection never carries a
/// practice over from an earlier use (Npgsql also resets session state when it returns to the pool).
/// </summary>
public sealed class PracticeConnectionInterceptor(TenantContext tenant) : DbConnectionInterceptor
{
    public const string SettingName = "app.practice_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @practice, false)";
        command.Parameters.Add(new NpgsqlParameter("practice", tenant.HasPractice ? tenant.PracticeId.ToString() : ""));
        return command;
    }
}
