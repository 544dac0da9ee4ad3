using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Npgsql;

namespace CounselorSuite.Web.Infrastructure.Web;

/// <summary>
/// GET /bench/baseline: the ceiling of this stack for the load benchmark (scripts/bench, docs/benchmarks.md).
/// A bearer-authenticated request, like every API call, that runs one primary-key query with raw Npgsql
/// (practice setting and query in one round trip) and answers a tiny JSON. Every endpoint's throughput is
/// reported as a share of it. Mapped only when Bench:BaselineEndpoint is true, which is off by default; the
/// app refuses to start with it on in the Production environment.
/// </summary>
public static class BenchBaseline
{
    public const string Setting = "Bench:BaselineEndpoint";

    public static WebApplication MapBenchBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Setting, false))
        {
            return app;
        }
        if (app.Environment.IsProduction())
        {
            throw new InvalidOperationException($"{Setting} is for benchmarks only and must not be on in Production.");
        }
        var dataSource = NpgsqlDataSource.Create(app.Services.GetRequiredService<Data.AppConnectionString>().Value);
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapGet("/bench/baseline", async (HttpContext http, TenantContext tenant, CancellationToken ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            // The same binding the app's unit of work makes: SET LOCAL inside a transaction.
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"SET LOCAL app.practice_id = '{tenant.PracticeId:D}'"),
                    new NpgsqlBatchCommand("SELECT display_name FROM users WHERE practice_id = $1 AND id = $2")
                    {
                        Parameters = { new() { Value = tenant.PracticeId }, new() { Value = http.User.UserId() } },
                    },
                },
            };
            string? name;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                name = await reader.ReadAsync(ct) ? reader.GetString(0) : null;
            }
            await transaction.CommitAsync(ct);
            return name is null ? Results.NotFound() : Results.Ok(new { displayName = name });
        }).RequireAuthorization(ApiAuth.Policy).ExcludeFromDescription();
        return app;
    }
}
