namespace CounselorSuite.Migrations;

/// <summary>
/// Usage: CounselorSuite.Migrations --connection "&lt;owner connection string&gt;" --app-password "&lt;password&gt;" [--app-role name]
/// [--citus [--citus-workers host:port,host:port]]
/// </summary>
internal static class MigratorProgram
{
    private static async Task<int> Main(string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var connection = Arg("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Migrations");
        var password = Arg("--app-password") ?? Environment.GetEnvironmentVariable("COUNSELORSUITE_APP_PASSWORD");
        if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("usage: CounselorSuite.Migrations --connection \"<owner connection string>\" --app-password \"<password>\" [--app-role counselorsuite_app] [--citus [--citus-workers host:port,...]]");
            return 2;
        }

        try
        {
            var workers = (Arg("--citus-workers") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Without --citus, Citus is still detected from the database (the citus extension).
            var citus = args.Contains("--citus") || workers.Length > 0 ? new CitusSetup(true, workers) : null;
            await DatabaseMigrator.MigrateAsync(connection, password, Arg("--app-role") ?? DatabaseMigrator.DefaultAppRole, Console.Out, citus: citus);
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"Migration failed: {e.Message}");
            return 1;
        }
    }
}
