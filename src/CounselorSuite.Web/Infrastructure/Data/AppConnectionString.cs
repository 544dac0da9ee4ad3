using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Data;

/// <summary>
/// The app's connection string, and whether the database is a Citus coordinator. On Citus every session
/// starts with <c>citus.propagate_set_commands = local</c>, so the practice a transaction binds with
/// SET LOCAL reaches the workers that check the shards' row-level security.
/// </summary>
/// <remarks>
/// <c>Database:Citus</c> says it (true or false); left unset, the app asks pg_extension once, at the first
/// connection it builds.
/// </remarks>
public sealed class AppConnectionString(string configured, bool? citus)
{
    public const string CitusSetting = "Database:Citus";

    private readonly Lazy<(string Value, bool IsCitus)> _resolved = new(() => Resolve(configured, citus),
        // A database that is down at the first connection must not be remembered as down.
        LazyThreadSafetyMode.PublicationOnly);

    /// <summary>As configured: for what has no tenant data (Hangfire's tables stay on the coordinator).</summary>
    public string Configured => configured;

    public string Value => _resolved.Value.Value;

    public bool IsCitus => _resolved.Value.IsCitus;

    public static AppConnectionString From(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set. scripts/run sets it; see README.md.");
        return new AppConnectionString(configured, configuration.GetValue<bool?>(CitusSetting));
    }

    private static (string, bool) Resolve(string configured, bool? citus)
    {
        var isCitus = citus ?? HasCitus(configured);
        if (!isCitus)
        {
            return (configured, false);
        }
        var builder = new NpgsqlConnectionStringBuilder(configured);
        builder.Options = $"{builder.Options} -c citus.propagate_set_commands=local".Trim();
        return (builder.ConnectionString, true);
    }

    private static bool HasCitus(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')", connection);
        return (bool)command.ExecuteScalar()!;
    }
}
