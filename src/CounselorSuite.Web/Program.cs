using CounselorSuite.Web.Features.Demo;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Operations;
using CounselorSuite.Web.Infrastructure;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Web;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

if (args.Contains("seed-demo"))
{
    return await DemoSeeder.RunAsync(args.Where(a => a != "seed-demo").ToArray());
}

if (args.Contains("--worker-only"))
{
    // A process that only works background jobs: no HTTP, same services and practice rules.
    var workerBuilder = Host.CreateApplicationBuilder(args.Where(a => a != "--worker-only").ToArray());
    workerBuilder.Services.AddCoreServices(workerBuilder.Configuration);
    workerBuilder.Services.AddAppFeatures(workerBuilder.Configuration);
    workerBuilder.Services.AddHangfireServer(o => o.WorkerCount = workerBuilder.Configuration.GetValue("Jobs:WorkerCount", Environment.ProcessorCount * 2));
    workerBuilder.Services.AddHandoutRendererWarmup();
    await workerBuilder.Build().RunAsync();
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o =>
{
    o.AddServerHeader = false;
    // Big enough for a logo upload; API bodies are limited per endpoint group below.
    o.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
});

builder.Services.AddCoreServices(builder.Configuration);
builder.Services.AddIdentityAndSecurity(builder.Configuration);
builder.Services.AddTransport(builder.Configuration, builder.Environment);
builder.Services.AddAppFeatures(builder.Configuration);
builder.Services.AddSignInFeatures();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    // Say what was wrong with a malformed body instead of a bare "Bad Request".
    if (context.Exception is BadHttpRequestException bad)
    {
        context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint: {json.Message}"
            : bad.Message;
    }
});
builder.Services.AddOpenApi();
builder.Services.Configure<JsonOptions>(o => JsonInputRules.Apply(o.SerializerOptions));
builder.Services.AddAppPages();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
if (builder.Configuration.GetValue("Jobs:RunServer", true))
{
    builder.Services.AddHangfireServer(o => o.WorkerCount = builder.Configuration.GetValue("Jobs:WorkerCount", Environment.ProcessorCount * 2));
    builder.Services.AddHandoutRendererWarmup();
}

var app = builder.Build();

app.UseTransport();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Bad input that reaches model binding (malformed JSON, wrong types, too large) is the caller's
    // fault: a 4xx problem, never a 500.
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseAppStatusCodePages();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<ApiBodySizeLimitMiddleware>();
app.UseMiddleware<InputGuardMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
// Before authentication: the cookie check reads the database, and it binds the practice.
app.UseMiddleware<UnitOfWorkMiddleware>();
app.UseAuthentication();
app.UseMiddleware<PracticeFromUserMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
// Every API route is in this group, so what applies to all of them is declared once.
var api = app.MapGroup("").AddEndpointFilter<UtcArgumentsFilter>();
api.MapFeatureApis();
app.MapAppPages();
app.MapJobsDashboard(app.Configuration);
app.MapBenchBaseline(); // only with Bench:BaselineEndpoint=true (scripts/bench)

app.Run();
return 0;

public partial class Program;
