using System.Globalization;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Sessions;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Handouts;

public sealed record ExerciseChoice(Guid Id, string Title, string Summary, ExerciseTheme Theme);

public sealed record SessionChoice(Guid Id, DateTimeOffset StartsAt);

public sealed record CaseHandoutRow(Guid BatchId, DateTimeOffset CreatedAt, DateOnly SessionDate, int Ready, int Total, bool Discreet);

/// <summary>"Make a handout" for a case: exercises, progress, a note, the session date, discreet mode, password, paper.</summary>
public sealed class NewModel(AppDbContext db, HandoutService handouts, ReaderTimes times, TimeProvider clock) : PageModel
{
    public const string PasswordKey = "handout-password";

    [BindProperty] public HandoutForm Form { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseTitle { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Clients { get; private set; } = [];
    public IReadOnlyList<ExerciseChoice> Exercises { get; private set; } = [];
    public IReadOnlyList<CaseHandoutRow> Recent { get; private set; } = [];
    public IReadOnlyList<SessionChoice> Sessions { get; private set; } = [];

    public sealed class HandoutForm
    {
        public List<Guid> ExerciseIds { get; set; } = [];
        public bool IncludeProgress { get; set; }
        public string? Note { get; set; }
        public string? SessionDate { get; set; }
        public bool Discreet { get; set; }
        public string? Password { get; set; }
        public bool GeneratePassword { get; set; }
        public string Paper { get; set; } = nameof(HandoutPaper.A4);
        public List<Guid> ClientIds { get; set; } = [];
        public Guid? SessionId { get; set; }

        /// <summary>"now" or "nightBefore".</summary>
        public string RenderAt { get; set; } = "now";
    }

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid? sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == db.CurrentPracticeId)
            .Select(p => new { p.HandoutsDiscreetByDefault, p.Locale }).FirstAsync(ct);
        Form = new HandoutForm
        {
            // The counselor's today, not the server's: late in a Chicago evening it is already tomorrow in UTC.
            SessionDate = (await times.GetCurrentAsync(ct)).Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ClientIds = Clients.Select(c => c.Id).ToList(),
            Discreet = practice.HandoutsDiscreetByDefault,
            Paper = HandoutPapers.ForLocale(practice.Locale).ToString(),
            // Coming from a session's page: that session is chosen already.
            SessionId = sessionId is { } chosen && Sessions.Any(s => s.Id == chosen) ? chosen : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }
        DateOnly? date = null;
        // With a session chosen, its own date goes on the handout.
        if (Form.SessionId is null && !string.IsNullOrWhiteSpace(Form.SessionDate))
        {
            if (DateOnly.TryParseExact(Form.SessionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                ModelState.AddModelError("Form.SessionDate", "Enter the date as year-month-day, for example 2026-11-27.");
                return Page();
            }
        }
        var request = new CreateHandoutRequest(caseId, Form.ExerciseIds, Form.IncludeProgress, Form.Note, Form.Discreet,
            Form.ClientIds.Count > 0 ? Form.ClientIds : null, date, Form.Paper,
            string.IsNullOrEmpty(Form.Password) ? null : Form.Password, Form.GeneratePassword, Form.SessionId, Form.RenderAt);
        switch (await handouts.CreateAsync(User, request, ct))
        {
            case CreateHandoutOutcome.Created created:
                if (created.Response.Password is { } password)
                {
                    // Kept in the encrypted temp-data cookie until the next page shows it, once.
                    TempData[PasswordKey] = password;
                }
                return RedirectToPage("/Counselor/Handouts/Batch", new { batchId = created.Response.BatchId });
            case CreateHandoutOutcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "Form");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.ManagedBy(User).AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        CaseId = found.Id;
        CaseTitle = found.Title;
        Clients = (await db.CaseClients.AsNoTracking().Where(x => x.CaseId == caseId && !db.ClientErasures.Any(e => e.ClientId == x.ClientId))
                .Join(db.Users, x => x.ClientId, u => u.Id, (x, u) => new { u.Id, u.DisplayName })
                .OrderBy(u => u.DisplayName).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Exercises = await db.Exercises.AsNoTracking().Where(e => !e.IsArchived)
            .Join(db.ExerciseVersions, e => new { e.Id, V = e.CurrentVersion }, v => new { Id = v.ExerciseId, V = v.Version },
                (e, v) => new { e.Id, v.Title, v.Summary, v.Theme })
            .OrderBy(e => e.Title)
            .Take(500)
            .Select(e => new ExerciseChoice(e.Id, e.Title, e.Summary, e.Theme))
            .ToListAsync(ct);
        // Themes in the library's order (the column holds their names, which sort differently).
        Exercises = Exercises.OrderBy(e => e.Theme).ThenBy(e => e.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        var now = clock.GetUtcNow();
        Sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.CaseId == caseId && s.Status == SessionStatus.Scheduled && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Take(20)
            .Select(s => new SessionChoice(s.Id, s.StartsAt))
            .ToListAsync(ct);
        var rows = await handouts.ForCaseAsync(User, caseId, ct);
        Recent = rows.GroupBy(h => h.BatchId)
            .Select(g => new CaseHandoutRow(g.Key, g.Min(h => h.CreatedAt), g.First().SessionDate, g.Count(h => h.Status == "Ready"), g.Count(), g.First().Discreet))
            .OrderByDescending(r => r.CreatedAt)
            .Take(20)
            .ToList();
        return true;
    }
}
