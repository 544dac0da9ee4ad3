using System.Security.Claims;
using System.Security.Cryptography;
using CounselorSuite.Web.Domain;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Web;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Handouts;

/// <param name="ClientIds">Which clients of the case get one; all of them when left out.</param>
/// <param name="SessionDate">The session the handout belongs to; today when left out.</param>
/// <param name="Paper">"A4" or "Letter"; left out, the paper of the practice's locale (Letter for the US).</param>
/// <param name="Password">Protects each PDF with this password (8 to 128 characters). Never stored in clear.</param>
/// <param name="GeneratePassword">Makes a password and returns it once in the answer.</param>
/// <param name="SessionId">Attaches the handouts to a session of the same case; its date becomes the session date when none is given.</param>
/// <param name="RenderAt">"now" (default) or "nightBefore": made by the nightly job before the attached session.</param>
public sealed record CreateHandoutRequest(
    Guid? CaseId,
    IReadOnlyList<Guid>? ExerciseIds,
    bool? IncludeProgress,
    string? Note,
    bool? Discreet,
    IReadOnlyList<Guid>? ClientIds = null,
    DateOnly? SessionDate = null,
    string? Paper = null,
    string? Password = null,
    bool? GeneratePassword = null,
    Guid? SessionId = null,
    string? RenderAt = null);

public sealed record HandoutResponse(
    Guid Id, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ReadyAt, string? Error,
    Guid BatchId, Guid CaseId, Guid ClientId, DateOnly SessionDate, bool Discreet, bool PasswordProtected,
    string Paper, long? SizeBytes, string? Sha256, int? PageCount, string FileName,
    Guid? SessionId = null, DateTimeOffset? RenderAfter = null);

/// <summary>
/// The answer to a new handout: <c>id</c> and <c>status</c> of the first one (the only one for a single
/// client), the batch, each client's handout, and the password when one was generated (shown this once).
/// </summary>
public sealed record HandoutCreatedResponse(Guid Id, string Status, Guid BatchId, IReadOnlyList<HandoutResponse> Handouts, string? Password);

public abstract record CreateHandoutOutcome
{
    public sealed record Created(HandoutCreatedResponse Response) : CreateHandoutOutcome;
    public sealed record Invalid(FieldErrors Errors) : CreateHandoutOutcome;
    public sealed record NotFound : CreateHandoutOutcome;
}

public enum RetryOutcome { Queued, NotFailed, NotFound }

public sealed record HandoutPdf(byte[] Bytes, string FileName, Guid ClientId);

public static class HandoutAuditActions
{
    public const string Created = "HandoutCreated";
    public const string Produced = "HandoutProduced";
    public const string Downloaded = "HandoutDownloaded";
    public const string Retried = "HandoutRetried";
}

public sealed class HandoutService(
    AppDbContext db, IAuditLog audit, IBackgroundJobClient jobs, HandoutPasswords passwords, TimeProvider clock, UnitOfWork work)
{
    public const int MaxExercises = 30;
    public const int MaxNote = 5000;

    public static IQueryable<HandoutResponse> Project(IQueryable<Handout> handouts) => handouts.Select(h => new HandoutResponse(
        h.Id, h.Status.ToString(), h.CreatedAt, h.ReadyAt, h.Error, h.BatchId, h.CaseId, h.ClientId, h.SessionDate, h.Discreet,
        h.PasswordProtected, h.Paper.ToString(), h.SizeBytes, h.Sha256, h.PageCount,
        "", h.SessionId, h.RenderAfter));

    private static HandoutResponse Named(HandoutResponse h) =>
        h with { FileName = HandoutDocument.FileName(h.Discreet, h.SessionDate) };

    /// <summary>The handouts the user may see: those of cases they manage, or (a client) their own.</summary>
    public IQueryable<Handout> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsClient())
        {
            var userId = user.UserId();
            return db.Handouts.Where(h => h.ClientId == userId);
        }
        var cases = db.Cases.ManagedBy(user).Select(c => c.Id);
        return db.Handouts.Where(h => cases.Contains(h.CaseId));
    }

    public async Task<CreateHandoutOutcome> CreateAsync(ClaimsPrincipal user, CreateHandoutRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.CaseId is not { } caseId || caseId == Guid.Empty)
        {
            return new CreateHandoutOutcome.Invalid(errors.Add("caseId", "Choose the case."));
        }
        var @case = await db.Cases.ManagedBy(user).AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.IsClosed, Clients = c.Clients.Select(x => x.ClientId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (@case is null)
        {
            return new CreateHandoutOutcome.NotFound();
        }

        var exerciseIds = (request.ExerciseIds ?? []).Distinct().ToList();
        var includeProgress = request.IncludeProgress ?? false;
        // Left out, the practice's choices apply: discreet if an admin made it the default, its locale's paper.
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new { p.HandoutsDiscreetByDefault, p.Locale }).FirstAsync(ct);
        var discreet = request.Discreet ?? practice.HandoutsDiscreetByDefault;
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Replace("\r\n", "\n").Trim();
        if (exerciseIds.Count > MaxExercises)
        {
            errors.Add("exerciseIds", $"Choose at most {MaxExercises} exercises.");
        }
        if (exerciseIds.Count == 0 && !includeProgress)
        {
            errors.Add("exerciseIds", "Choose at least one exercise, or include progress.");
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add("note", $"The note must be at most {MaxNote} characters.");
        }
        var paper = HandoutPapers.ForLocale(practice.Locale);
        if (request.Paper is { } paperName && !ExerciseVocabulary.TryParseName(paperName, out paper))
        {
            errors.Add("paper", "Paper must be A4 or Letter.");
        }
        var password = request.Password;
        if (password is not null && request.GeneratePassword == true)
        {
            errors.Add("password", "Give a password or ask for one to be made, not both.");
        }
        else if (password is not null && (password.Length is < 8 or > 128 || !Infrastructure.Input.TextRules.IsPlainSecret(password)))
        {
            errors.Add("password", "The password must be 8 to 128 characters, without control or invisible formatting characters.");
        }
        var now = clock.GetUtcNow();
        var nightBefore = false;
        if (request.RenderAt is { } renderAt)
        {
            if (string.Equals(renderAt, "nightBefore", StringComparison.OrdinalIgnoreCase))
            {
                nightBefore = true;
            }
            else if (!string.Equals(renderAt, "now", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("renderAt", "Render time must be \"now\" or \"nightBefore\".");
            }
        }
        // Found only among this case's sessions (and this practice's, by the filter): another case's or
        // practice's session reads the same as none, so the answer tells nothing about it.
        var session = request.SessionId is { } sessionId
            ? await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.CaseId == caseId)
                .Select(s => new { s.Id, s.StartsAt, s.Status }).FirstOrDefaultAsync(ct)
            : null;
        if (request.SessionId is not null && session is null)
        {
            errors.Add("sessionId", "Choose a session of this case.");
        }
        else if (session is { Status: SessionStatus.Cancelled })
        {
            errors.Add("sessionId", "That session was cancelled.");
        }
        if (nightBefore && request.SessionId is null)
        {
            errors.Add("renderAt", "To make it the night before, attach the handout to a session.");
        }
        else if (nightBefore && session is not null && session.StartsAt <= now)
        {
            errors.Add("renderAt", "That session has started: make the handout now instead.");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sessionDate = request.SessionDate ?? (session is null ? today : DateOnly.FromDateTime(session.StartsAt.UtcDateTime));
        if (sessionDate < today.AddYears(-5) || sessionDate > today.AddYears(1))
        {
            errors.Add("sessionDate", "The session date must be within the last five years or the coming year.");
        }

        var erased = await db.ClientErasures.AsNoTracking().Where(e => @case.Clients.Contains(e.ClientId)).Select(e => e.ClientId).ToListAsync(ct);
        var reachable = @case.Clients.Except(erased).ToList();
        var clientIds = request.ClientIds is { Count: > 0 } chosen ? chosen.Distinct().ToList() : reachable;
        if (reachable.Count == 0)
        {
            errors.Add("clientIds", "The case has no clients yet: invite them first.");
        }
        else if (clientIds.Except(reachable).Any())
        {
            errors.Add("clientIds", "Choose clients of this case.");
        }

        // Only the practice's own exercises are found (the practice filter), and only ones still offered.
        var versions = exerciseIds.Count == 0 || exerciseIds.Count > MaxExercises
            ? []
            : await db.Exercises.AsNoTracking().Where(e => exerciseIds.Contains(e.Id) && !e.IsArchived)
                .Join(db.ExerciseVersions, e => new { e.Id, V = e.CurrentVersion }, v => new { Id = v.ExerciseId, V = v.Version }, (e, v) => v)
                .ToListAsync(ct);
        if (exerciseIds.Count is > 0 and <= MaxExercises && versions.Count != exerciseIds.Count)
        {
            errors.Add("exerciseIds", "Some of these exercises were not found in your practice's library.");
        }
        var ordered = exerciseIds.Select(id => versions.FirstOrDefault(v => v.ExerciseId == id)).OfType<ExerciseVersion>().ToList();
        if (discreet)
        {
            CheckDiscreet(ordered, note, errors);
        }
        if (errors.Any)
        {
            return new CreateHandoutOutcome.Invalid(errors);
        }

        if (request.GeneratePassword == true)
        {
            password = HandoutPasswords.Generate();
        }
        // The night before: waits for the nightly job. A session already inside the job's window is made at
        // once, since tonight's run may have passed already.
        DateTimeOffset? renderAfter = nightBefore && session is not null && session.StartsAt - NightlyHandoutRenders.Window > now
            ? session.StartsAt - NightlyHandoutRenders.Window
            : null;
        var batchId = Guid.CreateVersion7(now);
        var created = new List<Handout>();
        foreach (var clientId in clientIds)
        {
            var handout = new Handout
            {
                PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), BatchId = batchId, CaseId = caseId, ClientId = clientId,
                CreatedBy = user.UserId(), CreatedAt = now, ExerciseVersionIds = ordered.Select(v => v.Id).ToArray(),
                IncludeProgress = includeProgress, Note = note, SessionDate = sessionDate, Discreet = discreet, Paper = paper,
                PasswordProtected = password is not null, ProtectedPassword = password is null ? null : passwords.Protect(password),
                Status = HandoutStatus.Queued, SessionId = session?.Id, RenderAfter = renderAfter,
            };
            db.Handouts.Add(handout);
            audit.Add(new AuditEntry(HandoutAuditActions.Created, "Handout", handout.Id, [clientId])
            {
                Detail = $"exercises={ordered.Count};progress={includeProgress};discreet={discreet};password={password is not null};session={session is not null};nightBefore={renderAfter is not null}",
            });
            created.Add(handout);
        }
        await db.SaveChangesAsync(ct);
        // Enqueued after the rows are saved, so each job always finds its handout.
        foreach (var handout in created.Where(h => h.RenderAfter is null))
        {
            Enqueue(handout.PracticeId, handout.Id);
        }
        var responses = created.Select(h => Named(new HandoutResponse(h.Id, h.Status.ToString(), h.CreatedAt, null, null, h.BatchId, h.CaseId,
            h.ClientId, h.SessionDate, h.Discreet, h.PasswordProtected, h.Paper.ToString(), null, null, null, "", h.SessionId, h.RenderAfter))).ToList();
        return new CreateHandoutOutcome.Created(new HandoutCreatedResponse(responses[0].Id, responses[0].Status, batchId, responses,
            request.GeneratePassword == true ? password : null));
    }

    private static void CheckDiscreet(IReadOnlyList<ExerciseVersion> exercises, string? note, FieldErrors errors)
    {
        var words = DiscreetWords.For(exercises.Select(e => e.Title));
        foreach (var exercise in exercises)
        {
            var texts = new[] { exercise.Summary, exercise.Instructions }
                .Concat(exercise.Steps)
                .Concat(exercise.Prompts.SelectMany(p => new[] { p.Text, p.MinLabel ?? "", p.MaxLabel ?? "" }.Concat(p.Options ?? [])));
            if (texts.Select(t => DiscreetWords.FirstIn(t, words)).FirstOrDefault(w => w is not null) is { } word)
            {
                errors.Add("exerciseIds", $"“{exercise.Title}” mentions “{word}”, which a discreet handout must not show. Leave it out or turn discreet mode off.");
            }
        }
        if (DiscreetWords.FirstIn(note, words) is { } inNote)
        {
            errors.Add("note", $"The note mentions “{inNote}”, which a discreet handout must not show.");
        }
    }

    /// <summary>Enqueues the render once the handout's row is committed, so the job always finds it.</summary>
    public void Enqueue(Guid practiceId, Guid handoutId) =>
        work.AfterCommit(() => jobs.Enqueue<HandoutRenderJob>(j => j.RunAsync(practiceId, handoutId, CancellationToken.None)));

    public async Task<HandoutResponse?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var found = await Project(VisibleTo(user).AsNoTracking().Where(h => h.Id == id)).FirstOrDefaultAsync(ct);
        return found is null ? null : Named(found);
    }

    public async Task<IReadOnlyList<HandoutResponse>> BatchAsync(ClaimsPrincipal user, Guid batchId, CancellationToken ct) =>
        (await Project(VisibleTo(user).AsNoTracking().Where(h => h.BatchId == batchId).OrderBy(h => h.Id)).ToListAsync(ct)).Select(Named).ToList();

    public async Task<IReadOnlyList<HandoutResponse>> ForClientAsync(Guid clientId, CancellationToken ct) =>
        (await Project(db.Handouts.AsNoTracking().Where(h => h.ClientId == clientId).OrderByDescending(h => h.CreatedAt).Take(200)).ToListAsync(ct))
            .Select(Named).ToList();

    /// <summary>The handouts attached to a session, for staff who manage its case.</summary>
    public async Task<IReadOnlyList<HandoutResponse>> ForSessionAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct) =>
        (await Project(VisibleTo(user).AsNoTracking().Where(h => h.SessionId == sessionId).OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).Take(100)).ToListAsync(ct))
            .Select(Named).ToList();

    public async Task<IReadOnlyList<HandoutResponse>> ForCaseAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct) =>
        (await Project(VisibleTo(user).AsNoTracking().Where(h => h.CaseId == caseId).OrderByDescending(h => h.CreatedAt).Take(100)).ToListAsync(ct))
            .Select(Named).ToList();

    /// <summary>The PDF of a Ready handout the user may see; null when not found; a status when not Ready.</summary>
    public async Task<(HandoutResponse? Handout, HandoutPdf? Pdf)> DownloadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var handout = await FindAsync(user, id, ct);
        if (handout is null || handout.Status != nameof(HandoutStatus.Ready))
        {
            return (handout, null);
        }
        var bytes = await db.Handouts.AsNoTracking().Where(h => h.Id == id && h.Status == HandoutStatus.Ready).Select(h => h.Content).FirstOrDefaultAsync(ct);
        if (bytes is null)
        {
            return (handout, null);
        }
        await audit.WriteAsync(new AuditEntry(HandoutAuditActions.Downloaded, "Handout", id, [handout.ClientId]), ct);
        return (handout, new HandoutPdf(bytes, handout.FileName, handout.ClientId));
    }

    /// <summary>Puts a Failed handout back in the queue (staff of the case only).</summary>
    public async Task<RetryOutcome> RetryAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (user.IsClient())
        {
            return RetryOutcome.NotFound;
        }
        var handout = await VisibleTo(user).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (handout is null)
        {
            return RetryOutcome.NotFound;
        }
        if (handout.Status != HandoutStatus.Failed)
        {
            return RetryOutcome.NotFailed;
        }
        var requeued = await db.Handouts.Where(h => h.Id == id && h.Status == HandoutStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandoutStatus.Queued).SetProperty(h => h.Error, (string?)null), ct);
        if (requeued == 0)
        {
            return RetryOutcome.NotFailed;
        }
        await audit.WriteAsync(new AuditEntry(HandoutAuditActions.Retried, "Handout", id, [handout.ClientId]), ct);
        Enqueue(handout.PracticeId, id);
        return RetryOutcome.Queued;
    }
}

/// <summary>
/// A handout's password between the request and the render: encrypted with a data-protection key that
/// expires, read once by the job, and erased when the PDF is made. The owner password is random and never kept.
/// </summary>
public sealed class HandoutPasswords(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("CounselorSuite.Handouts.Password.v1").ToTimeLimitedDataProtector();

    public string Protect(string password) => _protector.Protect(password, Lifetime);

    /// <summary>The password, or null when it can no longer be read (expired or keys lost).</summary>
    public string? Unprotect(string protectedPassword)
    {
        try
        {
            return _protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Four groups of four letters and digits without look-alikes, e.g. "k7mf-3qpx-…": easy to read aloud.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 4, 4)));
    }

    public static string RandomOwnerPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
