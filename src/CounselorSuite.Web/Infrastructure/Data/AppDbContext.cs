using System.Linq.Expressions;
using System.Reflection;
using CounselorSuite.Web.Features.Accounts;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.DataRights;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Invitations;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TenantContext tenant)
    : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that walls each practice off. See <see cref="AcrossPractices"/>.</summary>
    public const string PracticeFilter = "Practice";

    public Guid CurrentPracticeId => tenant.PracticeId;

    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<AppRole> Roles => Set<AppRole>();
    public DbSet<AppUserRole> UserRoles => Set<AppUserRole>();
    public DbSet<AppUserToken> UserTokens => Set<AppUserToken>();
    public DbSet<LoginName> LoginNames => Set<LoginName>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<ClientProfile> ClientProfiles => Set<ClientProfile>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseClient> CaseClients => Set<CaseClient>();
    public DbSet<CaseCounselor> CaseCounselors => Set<CaseCounselor>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Exercises
    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<ExerciseVersion> ExerciseVersions => Set<ExerciseVersion>();
    // Progress
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureForm> MeasureForms => Set<MeasureForm>();
    public DbSet<MeasureResult> MeasureResults => Set<MeasureResult>();
    // Sessions, notes, audit trail and data rights
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionAttendee> SessionAttendees => Set<SessionAttendee>();
    public DbSet<SessionReminder> SessionReminders => Set<SessionReminder>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<NoteAddendum> NoteAddenda => Set<NoteAddendum>();
    public DbSet<NoteRelease> NoteReleases => Set<NoteRelease>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<ClientExport> ClientExports => Set<ClientExport>();
    public DbSet<ClientErasure> ClientErasures => Set<ClientErasure>();
    // Handouts
    public DbSet<Handout> Handouts => Set<Handout>();
    public DbSet<PracticeLogo> PracticeLogos => Set<PracticeLogo>();
    // Homework
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Occurrence> Occurrences => Set<Occurrence>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<ScaleAnswer> ScaleAnswers => Set<ScaleAnswer>();
    public DbSet<ScaleAnswerWeek> ScaleAnswerWeeks => Set<ScaleAnswerWeek>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Share> Shares => Set<Share>();
    public DbSet<JointConsent> JointConsents => Set<JointConsent>();
    public DbSet<SafetyAlert> SafetyAlerts => Set<SafetyAlert>();
    public DbSet<Reminder> Reminders => Set<Reminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var clr = entity.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clr))
            {
                ApplyPracticeFilterMethod.MakeGenericMethod(clr).Invoke(this, [modelBuilder]);
            }
            else if (!typeof(IInstallationWide).IsAssignableFrom(clr) && clr != typeof(DataProtectionKey))
            {
                throw new InvalidOperationException(
                    $"{clr.Name} must be marked ITenantOwned or IInstallationWide: every table is one or the other.");
            }
        }
    }

    private static readonly MethodInfo ApplyPracticeFilterMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyPracticeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyPracticeFilter<T>(ModelBuilder modelBuilder) where T : class, ITenantOwned
    {
        // Referencing the context's property makes EF re-read the practice for every query.
        Expression<Func<T, bool>> filter = e => e.PracticeId == CurrentPracticeId;
        modelBuilder.Entity<T>().HasQueryFilter(PracticeFilter, filter);
    }

    /// <summary>
    /// The one reviewed way around the practice filter, for work that must span practices (for example
    /// the job that fans out per-practice reminder jobs). Row-level security still applies.
    /// </summary>
    public IQueryable<T> AcrossPractices<T>() where T : class, ITenantOwned =>
        Set<T>().IgnoreQueryFilters([PracticeFilter]);
}
