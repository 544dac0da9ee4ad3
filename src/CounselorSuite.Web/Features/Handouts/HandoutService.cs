using System.Security.Claims;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Handouts;

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

    /// <summary>What a request asks for beyond the case, its clients, exercises and session.</summary>
    private sealed record Options(bool IncludeProgress, bool Discreet, string? Note, HandoutPaper Paper, string? Password, bool NightBefore);

    /// <summary>The session a request attaches the handouts to, as far as this needs it.</summary>
    private sealed record AttachedSession(Guid Id, DateTimeOffset StartsAt, SessionStatus Status);

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
        var options = await ReadOptionsAsync(request, exerciseIds.Count, errors, ct);
        var now = clock.GetUtcNow();
        var session = await SessionAsync(request, caseId, options.NightBefore, now, errors, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sessionDate = request.SessionDate ?? (session is null ? today : DateOnly.FromDateTime(session.StartsAt.UtcDateTime));
        if (sessionDate < today.AddYears(-5) || sessionDate > today.AddYears(1))
        {
            errors.Add("sessionDate", "The session date must be within the last five years or the coming year.");
        }
        var clientIds = await ClientsAsync(request.ClientIds, @case.Clients, errors, ct);
        var ordered = await ExercisesAsync(exerciseIds, errors, ct);
        if (options.Discreet)
        {
            CheckDiscreet(ordered, options.Note, errors);
        }
        if (errors.Any)
        {
            return new CreateHandoutOutcome.Invalid(errors);
        }

        var password = request.GeneratePassword == true ? HandoutPasswords.Generate() : options.Password;
        var renderAfter = RenderAfter(options.NightBefore, session, now);
        var batchId = Guid.CreateVersion7(now);
        var created = clientIds.Select(clientId => Add(new Handout
        {
            PracticeId = db.CurrentPracticeId, Id = Guid.CreateVersion7(now), BatchId = batchId, CaseId = caseId, ClientId = clientId,
            CreatedBy = user.UserId(), CreatedAt = now, ExerciseVersionIds = ordered.Select(v => v.Id).ToArray(),
            IncludeProgress = options.IncludeProgress, Note = options.Note, SessionDate = sessionDate, Discreet = options.Discreet,
            Paper = options.Paper, PasswordProtected = password is not null, ProtectedPassword = password is null ? null : passwords.Protect(password),
            Status = HandoutStatus.Queued, SessionId = session?.Id, RenderAfter = renderAfter,
        }, ordered.Count)).ToList();
        await db.SaveChangesAsync(ct);
        // Enqueued after the rows are saved, so each job always finds its handout.
        foreach (var handout in created.Where(h => h.RenderAfter is null))
        {
            Enqueue(handout.PracticeId, handout.Id);
        }
        var responses = created.Select(Response).ToList();
        return new CreateHandoutOutcome.Created(new HandoutCreatedResponse(responses[0].Id, responses[0].Status, batchId, responses,
            request.GeneratePassword == true ? password : null));
    }

    /// <summary>
    /// The night before: waits for the nightly job. A session already inside the job's window is made at
    /// once, since tonight's run may have passed already.
    /// </summary>
    private static DateTimeOffset? RenderAfter(bool nightBefore, AttachedSession? session, DateTimeOffset now) =>
        nightBefore && session is not null && session.StartsAt - NightlyHandoutRenders.Window > now
            ? session.StartsAt - NightlyHandoutRenders.Window
            : null;

    private static HandoutResponse Response(Handout h) => Named(new HandoutResponse(h.Id, h.Status.ToString(), h.CreatedAt, null, null,
        h.BatchId, h.CaseId, h.ClientId, h.SessionDate, h.Discreet, h.PasswordProtected, h.Paper.ToString(), null, null, null, "", h.SessionId,
        h.RenderAfter));

    private Handout Add(Handout handout, int exercises)
    {
        db.Handouts.Add(handout);
        audit.Add(new AuditEntry(HandoutAuditActions.Created, "Handout", handout.Id, [handout.ClientId])
        {
            Detail = $"exercises={exercises};progress={handout.IncludeProgress};discreet={handout.Discreet};password={handout.PasswordProtected};session={handout.SessionId is not null};nightBefore={handout.RenderAfter is not null}",
        });
        return handout;
    }

    private async Task<Options> ReadOptionsAsync(CreateHandoutRequest request, int exercises, FieldErrors errors, CancellationToken ct)
    {
        var includeProgress = request.IncludeProgress ?? false;
        // Left out, the practice's choices apply: discreet if an admin made it the default, its locale's paper.
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new { p.HandoutsDiscreetByDefault, p.Locale }).FirstAsync(ct);
        var discreet = request.Discreet ?? practice.HandoutsDiscreetByDefault;
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Replace("\r\n", "\n").Trim();
        if (exercises > MaxExercises)
        {
            errors.Add("exerciseIds", $"Choose at most {MaxExercises} exercises.");
        }
        if (exercises == 0 && !includeProgress)
        {
            errors.Add("exerciseIds", "Choose at least one exercise, or include progress.");
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add("note", $"The note must be at most {MaxNote} characters.");
        }
        var paper = HandoutPapers.ForLocale(practice.Locale);
        if (request.Paper is { } paperName && !EnumNames.TryParse(paperName, out paper))
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
        return new Options(includeProgress, discreet, note, paper, password, nightBefore);
    }

    private async Task<AttachedSession?> SessionAsync(CreateHandoutRequest request, Guid caseId, bool nightBefore, DateTimeOffset now,
        FieldErrors errors, CancellationToken ct)
    {
        // Found only among this case's sessions (and this practice's, by the filter): another case's or
        // practice's session reads the same as none, so the answer tells nothing about it.
        var session = request.SessionId is { } sessionId
            ? await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.CaseId == caseId)
                .Select(s => new AttachedSession(s.Id, s.StartsAt, s.Status)).FirstOrDefaultAsync(ct)
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
        return session;
    }

    /// <summary>The clients chosen, or every client of the case whose data was not erased.</summary>
    private async Task<List<Guid>> ClientsAsync(IReadOnlyList<Guid>? chosen, List<Guid> ofCase, FieldErrors errors, CancellationToken ct)
    {
        var erased = await db.ClientErasures.AsNoTracking().Where(e => ofCase.Contains(e.ClientId)).Select(e => e.ClientId).ToListAsync(ct);
        var reachable = ofCase.Except(erased).ToList();
        var clientIds = chosen is { Count: > 0 } ? chosen.Distinct().ToList() : reachable;
        if (reachable.Count == 0)
        {
            errors.Add("clientIds", "The case has no clients yet: invite them first.");
        }
        else if (clientIds.Except(reachable).Any())
        {
            errors.Add("clientIds", "Choose clients of this case.");
        }
        return clientIds;
    }

    /// <summary>The exercises' current versions in the order asked for.</summary>
    private async Task<List<ExerciseVersion>> ExercisesAsync(List<Guid> exerciseIds, FieldErrors errors, CancellationToken ct)
    {
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
        return exerciseIds.Select(id => versions.FirstOrDefault(v => v.ExerciseId == id)).OfType<ExerciseVersion>().ToList();
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
