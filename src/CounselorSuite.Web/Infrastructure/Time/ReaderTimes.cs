using System.Collections.Concurrent;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>A person's stored time settings: their own zone (null: the practice's), the practice's zone and locale.</summary>
public sealed record TimeSettings(string? PersonZone, string PracticeZone, string Locale)
{
    public ReaderTime At(Instant now) =>
        new(TimeZones.Find(PersonZone ?? PracticeZone), TimeZones.Find(PracticeZone), TimeStyle.For(TimeZones.CultureOf(Locale)), now);
}

/// <summary>
/// Resolves "the reader's zone and locale": once per request for the signed-in person (a page filter
/// does it before the handler runs, so markup reads <see cref="Current"/> without a query), or for the
/// person a job acts for. Settings are cached per person for a few minutes and dropped at once when the
/// person or their practice changes them here.
/// </summary>
public sealed class ReaderTimes(AppDbContext db, IHttpContextAccessor http, TimeSettingsCache cache, TimeProvider clock)
{
    private ReaderTime? current;

    /// <summary>The signed-in reader's time; signed out, UTC with the zone always written.</summary>
    public ReaderTime Current => current ??= ResolveCurrentAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async ValueTask<ReaderTime> GetCurrentAsync(CancellationToken ct) => current ??= await ResolveCurrentAsync(ct);

    /// <summary>The time of a person a job or mail acts for (in the practice restored for it).</summary>
    public async Task<ReaderTime> ForPersonAsync(Guid userId, CancellationToken ct) =>
        (await SettingsOfAsync(userId, ct) ?? await PracticeSettingsAsync(ct)).At(Instant.FromDateTimeOffset(clock.GetUtcNow()));

    /// <summary>The practice's own time: for someone without an account yet (an invitee).</summary>
    public async Task<ReaderTime> ForPracticeAsync(CancellationToken ct) => (await PracticeSettingsAsync(ct)).At(Instant.FromDateTimeOffset(clock.GetUtcNow()));

    private async Task<ReaderTime> ResolveCurrentAsync(CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (user?.Identity?.IsAuthenticated == true && user.UserId() is var id && id != Guid.Empty
            && await SettingsOfAsync(id, ct) is { } settings)
        {
            return settings.At(now);
        }
        return Anonymous(now);
    }

    /// <summary>Nobody signed in: UTC, and since nothing says whose clock it is, the zone is always written.</summary>
    public static ReaderTime Anonymous(Instant now) =>
        new(DateTimeZone.Utc, NoPractice, TimeStyle.For(TimeZones.CultureOf(null)), now);

    // A practice zone no reader has: every anonymous time carries "UTC".
    private static readonly DateTimeZone NoPractice = DateTimeZone.ForOffset(Offset.FromHours(14));

    private async Task<TimeSettings?> SettingsOfAsync(Guid userId, CancellationToken ct)
    {
        if (cache.Get(userId) is { } cached)
        {
            return cached;
        }
        var found = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.PracticeId,
                u.TimeZone,
                Practice = db.Practices.Where(p => p.Id == u.PracticeId).Select(p => new { p.TimeZone, p.Locale }).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var settings = new TimeSettings(found.TimeZone, found.Practice.TimeZone, found.Practice.Locale);
        cache.Set(found.PracticeId, userId, settings);
        return settings;
    }

    private async Task<TimeSettings> PracticeSettingsAsync(CancellationToken ct)
    {
        var practiceId = db.CurrentPracticeId;
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == practiceId)
            .Select(p => new { p.TimeZone, p.Locale }).FirstOrDefaultAsync(ct);
        return practice is null ? new TimeSettings(null, TimeZones.Utc, TimeZones.DefaultLocale) : new TimeSettings(null, practice.TimeZone, practice.Locale);
    }
}

/// <summary>Time settings per person, kept a few minutes; a practice's change drops all its people's entries at once.</summary>
public sealed class TimeSettingsCache(IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> practices = new();

    public TimeSettings? Get(Guid userId) => cache.Get<TimeSettings>(Key(userId));

    public void Set(Guid practiceId, Guid userId, TimeSettings settings)
    {
        var practice = practices.GetOrAdd(practiceId, _ => new CancellationTokenSource());
        cache.Set(Key(userId), settings, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep }
            .AddExpirationToken(new CancellationChangeToken(practice.Token)));
    }

    public void ForgetPerson(Guid userId) => cache.Remove(Key(userId));

    public void ForgetPractice(Guid practiceId)
    {
        if (practices.TryRemove(practiceId, out var practice))
        {
            practice.Cancel();
            practice.Dispose();
        }
    }

    private static string Key(Guid userId) => "reader-time:" + userId.ToString("N");
}
