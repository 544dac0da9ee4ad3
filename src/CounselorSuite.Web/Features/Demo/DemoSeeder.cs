using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Demo;

/// <summary>
/// Fills a demo practice for `scripts/run`: an admin, two counselors, individual clients and a couple
/// case whose partners each have an account. Runs as the app's role, through the same code paths as
/// real sign-ups, and does nothing when the demo practice exists already.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "demo-password-2026";
    public const string AdminEmail = "admin@demo.counselorsuite.test";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new(AdminEmail, "Robin Admin", Roles.PracticeAdmin),
        new("sam.counselor@demo.counselorsuite.test", "Sam Rivera", Roles.Counselor),
        new("alex.counselor@demo.counselorsuite.test", "Alex Chen", Roles.Counselor),
        new("jordan@demo.counselorsuite.test", "Jordan Lee", Roles.Client),
        new("casey@demo.counselorsuite.test", "Casey Morgan", Roles.Client),
        new("taylor@demo.counselorsuite.test", "Taylor Brooks", Roles.Client),
        new("riley@demo.counselorsuite.test", "Riley Park", Roles.Client),
        new("quinn@demo.counselorsuite.test", "Quinn Park", Roles.Client),
    ];

    public sealed record DemoPerson(string Email, string DisplayName, string Role);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCoreServices(builder.Configuration);
        builder.Services.AddIdentityAndSecurity(builder.Configuration);
        builder.Services.AddAppFeatures(builder.Configuration);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider, CancellationToken.None);
        PrintAccounts();
        return 0;
    }

    /// <summary>Seeds in one unit of work: the demo practice appears whole or not at all.</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<UnitOfWork>().RunAsync(() => SeedInUnitOfWorkAsync(services, ct), ct);

    private static async Task SeedInUnitOfWorkAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var directory = services.GetRequiredService<SignInDirectory>();
        if (await directory.IsTakenAsync(AdminEmail, ct))
        {
            // An existing demo practice may predate later features: give it their demo data once.
            await directory.BindPracticeOfAsync(AdminEmail, ct);
            await DemoSessions.SeedAsync(services, ct);
            await DemoHomework.SeedAsync(services, ct);
            await DemoProgress.SeedAsync(services, ct);
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var tenant = services.GetRequiredService<TenantContext>();
        var accounts = services.GetRequiredService<AccountCreator>();
        var now = clock.GetUtcNow();
        var practice = DemoPractice(now);
        tenant.Set(practice.Id);
        await using var transaction = await db.Database.BeginNestedTransactionAsync(ct);
        db.Practices.Add(practice);
        await db.SaveChangesAsync(ct);

        var users = new Dictionary<string, AppUser>();
        foreach (var person in People)
        {
            var result = await accounts.CreateAsync(new NewAccount(practice.Id, person.Email, person.Email, person.DisplayName, Password, person.Role), ct);
            users[person.Email] = result is AccountCreation.Created created
                ? created.User
                : throw new InvalidOperationException($"Could not create the demo account {person.Email}: {result}");
        }

        var sam = users["sam.counselor@demo.counselorsuite.test"].Id;
        var alex = users["alex.counselor@demo.counselorsuite.test"].Id;
        AddCase("Jordan L.", CaseKind.Individual, sam, users["jordan@demo.counselorsuite.test"].Id);
        AddCase("Casey M.", CaseKind.Individual, sam, users["casey@demo.counselorsuite.test"].Id);
        AddCase("Taylor B.", CaseKind.Individual, alex, users["taylor@demo.counselorsuite.test"].Id);
        AddCase("Riley & Quinn P.", CaseKind.Couple, sam, users["riley@demo.counselorsuite.test"].Id, users["quinn@demo.counselorsuite.test"].Id);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<ExerciseLibrarySync>().SyncAsync(ct);
        await transaction.CommitAsync(ct);
        await DemoSessions.SeedAsync(services, ct);
        await DemoHomework.SeedAsync(services, ct);
        await DemoProgress.SeedAsync(services, ct);

        void AddCase(string title, CaseKind kind, Guid counselor, params Guid[] clients)
        {
            var c = new Case
            {
                PracticeId = practice.Id, Id = Guid.CreateVersion7(now), Title = title, Kind = kind, CreatedAt = now,
                Confidentiality = kind == CaseKind.Couple ? ConfidentialityAgreement.LimitedSecrets : ConfidentialityAgreement.NotRecorded,
            };
            c.Counselors.Add(new CaseCounselor { PracticeId = practice.Id, CaseId = c.Id, CounselorId = counselor, AddedAt = now });
            foreach (var client in clients)
            {
                c.Clients.Add(new CaseClient { PracticeId = practice.Id, CaseId = c.Id, ClientId = client, AddedAt = now });
            }
            db.Cases.Add(c);
        }
    }

    /// <summary>A practice in Chicago, with the contact line, portal words and help resources a real one would set.</summary>
    private static Practice DemoPractice(DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Name = "Harbor Counseling (demo)",
            CreatedAt = now,
            TimeZone = "America/Chicago",
            Locale = "en-US",
            ContactLine = "Harbor Counseling · 12 Quay Street · +1 555 0100",
            PortalName = "Harbor portal",
            PortalFooter = "Questions about an appointment? Call +1 555 0100.",
            HelpResources = """
                - **Emergency:** call your local emergency number.
                - **Domestic abuse helpline (24/7):** +1 555 0199, free and confidential.
                - **Text support line:** text HOME to 555 0142.
                - **Your counselor:** use the contact details on your last handout.
                """,
        };

    private static void PrintAccounts()
    {
        Console.WriteLine("Demo practice: Harbor Counseling (demo). Every demo account's password: " + Password);
        foreach (var person in People)
        {
            Console.WriteLine($"  {person.Role,-14} {person.Email,-42} {person.DisplayName}");
        }
    }
}
