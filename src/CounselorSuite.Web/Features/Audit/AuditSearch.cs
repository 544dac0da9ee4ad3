using System.Globalization;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Audit;

public sealed record AuditRecordResponse(
    Guid Id, DateTimeOffset At, Guid? UserId, string Action, string EntityType, Guid? EntityId,
    IReadOnlyList<Guid> ClientIds, string? IpAddress, string? Detail);

/// <summary>The admin's filters over the trail; shared by the API, the admin page and the CSV export.</summary>
public sealed record AuditFilter(Guid? UserId, Guid? ClientId, string? Action, string? EntityType, Guid? EntityId, DateTimeOffset? From, DateTimeOffset? To)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Action is { Length: > 64 })
        {
            errors.Add("action", "Action must be at most 64 characters.");
        }
        if (EntityType is { Length: > 64 })
        {
            errors.Add("entityType", "Entity type must be at most 64 characters.");
        }
        if (From is { } from && To is { } to && to < from)
        {
            errors.Add("to", "To must not be before from.");
        }
        return errors;
    }

    public string Describe() => string.Join(";", new[]
    {
        UserId is { } u ? $"userId={u}" : null,
        ClientId is { } c ? $"clientId={c}" : null,
        string.IsNullOrWhiteSpace(Action) ? null : "action",
        string.IsNullOrWhiteSpace(EntityType) ? null : "entityType",
        EntityId is { } e ? $"entityId={e}" : null,
        From is not null ? "from" : null,
        To is not null ? "to" : null,
    }.Where(x => x is not null));
}

public static class AuditSearch
{
    public const int MaxCsvRows = 100_000;

    public static IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records, AuditFilter filter)
    {
        if (filter.UserId is { } userId)
        {
            records = records.Where(r => r.UserId == userId);
        }
        if (filter.ClientId is { } clientId)
        {
            records = records.Where(r => r.ClientIds.Contains(clientId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            records = records.Where(r => r.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            records = records.Where(r => r.EntityType == type);
        }
        if (filter.EntityId is { } entityId)
        {
            records = records.Where(r => r.EntityId == entityId);
        }
        if (filter.From is { } from)
        {
            records = records.Where(r => r.At >= from.ToUniversalTime());
        }
        if (filter.To is { } to)
        {
            records = records.Where(r => r.At <= to.ToUniversalTime());
        }
        return records;
    }

    public static IQueryable<AuditRecordResponse> Project(IQueryable<AuditRecord> records) => records
        .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
        .Select(r => new AuditRecordResponse(r.Id, r.At, r.UserId, r.Action, r.EntityType, r.EntityId, r.ClientIds, r.IpAddress, r.Detail));

    public static async Task<Page<AuditRecordResponse>> SearchAsync(AppDbContext db, AuditFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(page, pageSize);
        var query = Apply(db.AuditRecords.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var items = await Project(query).Skip(skip).Take(take).ToListAsync(ct);
        return new Page<AuditRecordResponse>(items, total);
    }

    /// <summary>Writes the filtered trail as CSV (newest first), streaming rows from the database.</summary>
    public static async Task WriteCsvAsync(AppDbContext db, AuditFilter filter, Stream output, CancellationToken ct)
    {
        // A cell starting with = or + must not become a formula when an inspector opens the file.
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(["at", "userId", "action", "entityType", "entityId", "clientIds", "ipAddress", "detail"], ct);
        await foreach (var r in Project(Apply(db.AuditRecords.AsNoTracking(), filter)).Take(MaxCsvRows).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRecordAsync([
                r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                r.UserId?.ToString(), r.Action, r.EntityType, r.EntityId?.ToString(), string.Join(' ', r.ClientIds), r.IpAddress, r.Detail,
            ], ct);
        }
        await csv.FlushAsync(ct);
    }
}
