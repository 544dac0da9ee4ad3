using CounselorSuite.Migrations;

// Usage: CounselorSuite.Migrations --connection "<owner connection string>" --app-password "<password>" [--app-role name]
string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

var connection = Arg("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Migrations");
var password = Arg("--app-password") ?? Environment.GetEnvironmentVariable("COUNSELORSUITE_APP_PASSWORD");
if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(password))
{
    Console.Error.WriteLine("usage: CounselorSuite.Migrations --connection \"<owner connection string>\" --app-password \"<password>\" [--app-role counselorsuite_app]");
    return 2;
}

try
{
    await DatabaseMigrator.MigrateAsync(connection, password, Arg("--app-role") ?? DatabaseMigrator.DefaultAppRole, Console.Out);
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Migration failed: {e.Message}");
    return 1;
}
