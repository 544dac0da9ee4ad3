using System.Security.Cryptography;
using System.Text;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using CounselorSuite.Web.Infrastructure.Time;
using CounselorSuite.Web.Infrastructure.Web;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Sessions;

public sealed record CalendarFeedResponse(bool Enabled, bool IncludeClientNames, DateTimeOffset? CreatedAt, string? Url = null);
public sealed record CalendarFeedSettings(bool? IncludeClientNames);

/// <summary>
/// A counselor's private calendar feed. The token in its URL is "practice id (32 hex) + secret": the
/// practice part binds the anonymous request to its practice before the look-up; only the secret's
/// SHA-256 is stored. Events are called "Appointment" and carry no names unless the counselor opts in,
/// because calendar apps show them on lock screens and shared devices.
/// </summary>
public sealed class CalendarFeedService(AppDbContext db, TenantContext tenant, IAuditLog audit, ReaderTimes times, TimeProvider clock, IConfiguration configuration)
{
    public const string NeutralTitle = "Appointment";
    private static readonly TimeSpan History = TimeSpan.FromDays(60);
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    public async Task<CalendarFeedResponse> GetAsync(Guid counselorId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.CounselorId == counselorId, ct);
        return new CalendarFeedResponse(feed is not null, feed?.IncludeClientNames ?? false, feed?.CreatedAt);
    }

    /// <summary>Creates the feed or replaces its secret; the old URL stops working. The URL is shown only now.</summary>
    public async Task<CalendarFeedResponse> RotateAsync(Guid counselorId, string requestBaseUrl, CancellationToken ct)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = $"{tenant.PracticeId:N}{secret}";
        var now = clock.GetUtcNow();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.CounselorId == counselorId, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { PracticeId = tenant.PracticeId, CounselorId = counselorId, TokenHash = Hash(secret), CreatedAt = now };
            db.CalendarFeeds.Add(feed);
        }
        else
        {
            feed.TokenHash = Hash(secret);
            feed.CreatedAt = now;
        }
        audit.Add(new AuditEntry(AuditActions.CalendarFeedRotated, "CalendarFeed", counselorId));
        await db.SaveChangesAsync(ct);
        var baseUrl = Transport.LinkBase(configuration, requestBaseUrl);
        return new CalendarFeedResponse(true, feed.IncludeClientNames, feed.CreatedAt, $"{baseUrl}/calendar/{token}.ics");
    }

    public async Task<CalendarFeedResponse?> ChangeAsync(Guid counselorId, bool includeClientNames, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.CounselorId == counselorId, ct);
        if (feed is null)
        {
            return null;
        }
        if (feed.IncludeClientNames != includeClientNames)
        {
            feed.IncludeClientNames = includeClientNames;
            audit.Add(new AuditEntry(AuditActions.CalendarFeedChanged, "CalendarFeed", counselorId) { Detail = $"includeClientNames={includeClientNames}" });
            await db.SaveChangesAsync(ct);
        }
        return new CalendarFeedResponse(true, feed.IncludeClientNames, feed.CreatedAt);
    }

    public async Task TurnOffAsync(Guid counselorId, CancellationToken ct)
    {
        var removed = await db.CalendarFeeds.Where(f => f.CounselorId == counselorId).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await audit.WriteAsync(new AuditEntry(AuditActions.CalendarFeedChanged, "CalendarFeed", counselorId) { Detail = "turned off" }, ct);
        }
    }

    /// <summary>The feed's iCalendar text, or null when the token matches no feed.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct)
    {
        var feed = await FeedOfAsync(token, ct);
        if (feed is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var from = now - History;
        var until = now + Horizon;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => db.CaseCounselors.Any(cc => cc.CaseId == s.CaseId && cc.CounselorId == feed.CounselorId)
                && s.StartsAt >= from && s.StartsAt < until)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes, s.Status, s.Location, s.VideoLink, s.UpdatedAt, Clients = s.Attendees.Select(a => a.ClientId).ToList() })
            .ToListAsync(ct);

        var names = new Dictionary<Guid, string>();
        if (feed.IncludeClientNames)
        {
            var ids = sessions.SelectMany(s => s.Clients).Distinct().ToList();
            names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        }

        var calendar = new Calendar { ProductId = "-//CounselorSuite//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Appointments");
        var zone = (await times.ForPersonAsync(feed.CounselorId, ct)).Zone;
        var local = FeedTime.In(calendar, zone, from);
        foreach (var s in sessions)
        {
            var title = NeutralTitle;
            if (feed.IncludeClientNames && s.Clients.Count > 0)
            {
                title += ": " + string.Join(", ", s.Clients.Select(c => names.GetValueOrDefault(c, "client")).Order(StringComparer.Ordinal));
            }
            var e = new CalendarEvent
            {
                Uid = $"{s.Id}@counselorsuite",
                Summary = title,
                Start = local(s.StartsAt),
                End = local(s.StartsAt.AddMinutes(s.DurationMinutes)),
                DtStamp = new CalDateTime(s.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
                Location = s.Location,
                Status = s.Status == SessionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (s.VideoLink is not null && Uri.TryCreate(s.VideoLink, UriKind.Absolute, out var link))
            {
                e.Url = link;
            }
            calendar.Events.Add(e);
        }
        // The owner of the feed is the one reading: their calendar app fetches it with the secret URL.
        await audit.WriteAsync(new AuditEntry(AuditActions.CalendarFeedRead, "CalendarFeed", feed.CounselorId,
            feed.IncludeClientNames ? sessions.SelectMany(s => s.Clients).Distinct().ToList() : null)
        {
            ActorId = feed.CounselorId,
        }, ct);
        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>The feed a link's token opens, with its practice bound; null for a token of no feed.</summary>
    private async Task<CalendarFeed?> FeedOfAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 52 or > 120 || !Guid.TryParseExact(token[..32], "N", out var practiceId))
        {
            return null;
        }
        if (tenant.HasPractice && tenant.PracticeId != practiceId)
        {
            // A browser signed in to one practice opening another practice's link: not found, as for anyone.
            return null;
        }
        tenant.Set(practiceId);
        var hash = Hash(token[32..]);
        return await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

public static class CalendarFeedApi
{
    public static IEndpointRouteBuilder MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        // Anonymous by design: calendar apps cannot sign in. The unguessable token is the credential.
        app.MapGet("/calendar/{token}.ics", Feed).WithTags("Sessions").WithName("CalendarFeed").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");

        var group = app.MapGroup("/api/me/calendar-feed").WithTags("Sessions").RequireAuthorization(ApiAuth.Staff);
        group.MapGet("/", Get).WithName("GetCalendarFeed");
        group.MapPost("/rotate", Rotate).WithName("RotateCalendarFeed");
        group.MapPut("/", Change).WithName("ChangeCalendarFeed");
        group.MapDelete("/", TurnOff).WithName("TurnOffCalendarFeed");
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string token, HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        var text = await feeds.RenderAsync(token, ct);
        if (text is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(text, "text/calendar; charset=utf-8");
    }

    private static async Task<Ok<CalendarFeedResponse>> Get(HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.GetAsync(http.User.UserId(), ct));

    private static async Task<Ok<CalendarFeedResponse>> Rotate(HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.RotateAsync(http.User.UserId(), $"{http.Request.Scheme}://{http.Request.Host}", ct));

    private static async Task<Results<Ok<CalendarFeedResponse>, ValidationProblem, NotFound>> Change(
        CalendarFeedSettings request, HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        if (request.IncludeClientNames is not { } include)
        {
            return new Infrastructure.Web.FieldErrors().Add("includeClientNames", "includeClientNames is required.").ToProblem();
        }
        var changed = await feeds.ChangeAsync(http.User.UserId(), include, ct);
        return changed is null ? TypedResults.NotFound() : TypedResults.Ok(changed);
    }

    private static async Task<NoContent> TurnOff(HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        await feeds.TurnOffAsync(http.User.UserId(), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// Times in the feed: in the counselor's zone with its VTIMEZONE (DTSTART;TZID=America/Chicago:…), so a
/// calendar app shows the practice's clock and keeps it across daylight-saving changes; plain UTC for a
/// counselor in UTC.
/// </summary>
internal static class FeedTime
{
    public static Func<DateTimeOffset, CalDateTime> In(Calendar calendar, NodaTime.DateTimeZone zone, DateTimeOffset earliest)
    {
        if (zone.Id == NodaTime.DateTimeZone.Utc.Id || zone.Id == TimeZones.Utc)
        {
            return at => new CalDateTime(at.UtcDateTime, CalDateTime.UtcTzId);
        }
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, earliest.UtcDateTime, includeHistoricalData: false));
        return at => new CalDateTime(NodaTime.Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zone.Id);
    }
}
