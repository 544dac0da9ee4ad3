using System.Globalization;
using System.Text.RegularExpressions;
using CounselorSuite.Web.Features.Audit;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Portal.Homework;

/// <summary>
/// One homework item in the portal: instructions and prompts while open (saved as a server-side draft on
/// every Save, and with JavaScript on every change), read-only with the counselor's feedback once submitted,
/// the share toggle in couple and family cases, and the yes/no of a joint exercise. Works without JavaScript.
/// </summary>
public sealed partial class ItemModel(AppDbContext db, ClientWork work, HomeworkSharing sharing, MarkdownRenderer markdown,
    IAuditLog audit, TimeProvider clock) : PageModel
{
    public AssignmentDetail Detail { get; private set; } = null!;
    public ExerciseVersion Version { get; private set; } = null!;

    /// <summary>The partner's shared submission, read through its own id (nothing of the reader's own).</summary>
    public bool SharedWithMe { get; private set; }

    /// <summary>The form with the answers to show: the posted ones after a failed save, else the draft.</summary>
    public ExerciseFormModel Form { get; private set; } = null!;
    public int DraftVersion { get; private set; }
    public string SubmissionToken { get; private set; } = Guid.NewGuid().ToString("N");
    public string? Problem { get; private set; }
    public bool ShowHelp { get; private set; }

    /// <summary>Who can read these answers, said next to the buttons; see <see cref="WhoCanReadSentence"/>.</summary>
    public string WhoCanRead { get; private set; } = "";
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public bool Open => Detail.Occurrence?.State is "Assigned" or "InProgress" or "Overdue" && Detail.Status != "Cancelled" && Detail.Available && !SharedWithMe;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, null, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid id, int? draftVersion, CancellationToken ct)
    {
        var (answers, formErrors) = await ReadAnswersAsync(id, ct);
        if (answers is null)
        {
            return NotFound();
        }
        if (formErrors.Count > 0)
        {
            return await ShowAgainAsync(id, answers, formErrors, "Some answers need another look.", StatusCodes.Status400BadRequest, ct);
        }
        var outcome = await work.SaveDraftAsync(User, id, new DraftRequest(ToRequests(answers), draftVersion), ct);
        if (outcome.Failure is { } failure)
        {
            return await FailedAsync(id, answers, failure, ct);
        }
        TempData["Flash"] = "Saved. You can come back to it at any time, on any device.";
        return RedirectToPage(new { id });
    }

    /// <summary>The autosave script's target: JSON, so the page can say "Saved" and show help at once.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, int? draftVersion, CancellationToken ct)
    {
        var (answers, formErrors) = await ReadAnswersAsync(id, ct);
        if (answers is null)
        {
            return NotFound();
        }
        if (formErrors.Count > 0)
        {
            return new JsonResult(new { error = "Some answers need another look." }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        var outcome = await work.SaveDraftAsync(User, id, new DraftRequest(ToRequests(answers), draftVersion), ct);
        return outcome.Failure switch
        {
            null => new JsonResult(new { version = outcome.Value!.Version, savedAt = outcome.Value.UpdatedAt, showHelpResources = outcome.Value.ShowHelpResources }),
            { Kind: FailureKind.NotFound } => NotFound(),
            var f => new JsonResult(new { error = f.Message }) { StatusCode = f.Kind == FailureKind.Invalid ? 400 : 409 },
        };
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, string? submissionToken, CancellationToken ct)
    {
        var (answers, formErrors) = await ReadAnswersAsync(id, ct);
        if (answers is null)
        {
            return NotFound();
        }
        if (formErrors.Count > 0)
        {
            return await ShowAgainAsync(id, answers, formErrors, "Some answers need another look.", StatusCodes.Status400BadRequest, ct);
        }
        // The form's own token is the Idempotency-Key: a double tap or a resent form makes one submission.
        var token = submissionToken is { Length: > 0 and <= 64 } t && TokenPattern().IsMatch(t) ? "form-" + t : null;
        var outcome = await work.SubmitAsync(User, id, new SubmitRequest(ToRequests(answers)), token, ct);
        switch (outcome.Failure)
        {
            case null:
                TempData["Flash"] = "Sent. You can read what you wrote below.";
                if (outcome.Value!.ShowHelpResources)
                {
                    TempData["ShowHelp"] = true;
                }
                return RedirectToPage(new { id });
            case { Kind: FailureKind.KeyReused }:
                return RedirectToPage(new { id }); // the first tap was sent; this page shows it
            case var failure:
                return await FailedAsync(id, answers, failure, ct);
        }
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, bool share, CancellationToken ct)
    {
        var outcome = await sharing.SetSharedAsync(User, id, share, ct);
        if (outcome.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }
        TempData["Flash"] = outcome.Failure?.Message ?? (share ? "Shared. The others in your sessions can read it now." : "No longer shared.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConsentAsync(Guid id, string? decision, CancellationToken ct)
    {
        var outcome = await sharing.DecideJointAsync(User, id, new ConsentRequest(decision), ct);
        if (outcome.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }
        TempData["Flash"] = outcome.Failure?.Message ?? (outcome.Value!.Decision == "Agree" ? "Thank you. You said yes." : "Thank you. You said no; nobody else is told.");
        return RedirectToPage(new { id });
    }

    private async Task<(List<PromptAnswer>? Answers, IReadOnlyDictionary<Guid, string> Errors)> ReadAnswersAsync(Guid id, CancellationToken ct)
    {
        var target = await HomeworkAccess.ResolveAsync(db, User, id, clock.GetUtcNow(), ct);
        if (target is not { Role: HomeworkRole.Client })
        {
            return (null, new Dictionary<Guid, string>());
        }
        var version = await db.ExerciseVersions.AsNoTracking().FirstAsync(v => v.Id == target.Assignment.ExerciseVersionId, ct);
        var (answers, errors) = PromptFields.Read(Request.Form, version.Prompts);
        return (answers.ToList(), errors);
    }

    private static List<AnswerRequest?> ToRequests(IEnumerable<PromptAnswer> answers) =>
        answers.Select(a => (AnswerRequest?)new AnswerRequest(a.PromptId, a.Text, a.Value, a.Choices?.Select(c => (string?)c).ToList())).ToList();

    private async Task<IActionResult> FailedAsync(Guid id, List<PromptAnswer> answers, Failure failure, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        // Per-prompt errors come back as answers[i].field: i is the prompt's place in what was posted.
        var errors = new Dictionary<Guid, string>();
        foreach (var (field, messages) in failure.Errors?.ToDictionary() ?? new Dictionary<string, string[]>())
        {
            var match = AnswerIndex().Match(field);
            if (match.Success && int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) is var i && i < answers.Count)
            {
                errors[answers[i].PromptId] = messages[0];
            }
        }
        return await ShowAgainAsync(id, answers, errors, failure.Message,
            failure.Kind == FailureKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, ct);
    }

    /// <summary>Shows the page again with what the client posted, so nothing they typed is lost.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, List<PromptAnswer> answers, IReadOnlyDictionary<Guid, string> errors, string problem,
        int status, CancellationToken ct)
    {
        if (!await LoadAsync(id, answers, errors, ct))
        {
            return NotFound();
        }
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, List<PromptAnswer>? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken ct)
    {
        if (!User.IsClient())
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var me = User.UserId();
        // The usual way in, the client's own item by its id: one round trip.
        var ownItem = await HomeworkQueries.OwnItemAsync(db, id, me, now, ct);
        if (ownItem is not null)
        {
            (Detail, Version) = ownItem.Item;
        }
        else if (await HomeworkAccess.ResolveAsync(db, User, id, now, ct) is { Role: HomeworkRole.Client } target)
        {
            (Detail, Version) = await HomeworkQueries.ClientItemAsync(db, target, me, now, ct);
        }
        else if (await HomeworkQueries.SharedItemAsync(db, id, me, now, ct) is { } shared)
        {
            (Detail, Version) = shared;
            SharedWithMe = true;
        }
        else
        {
            return false;
        }
        var answers = posted ?? Detail.Draft?.Answers ?? [];
        DraftVersion = Detail.Draft?.Version ?? 0;
        Form = ExerciseFormModel.From(Version, markdown) with
        {
            Prompts = Version.Prompts,
            Answers = answers.ToDictionary(a => a.PromptId),
            Errors = errors ?? new Dictionary<Guid, string>(),
            ShowHeading = false,
        };
        var own = Detail.Answers.Where(a => a.Mine).SelectMany(a => a.Answers);
        ShowHelp = Version.PointsToResources || TempData["ShowHelp"] is true
            || AnswerRules.SignalsDanger(answers.Concat(own).ToList(), Version.Prompts);
        var ids = Detail.Answers.Select(a => a.ClientId).Distinct().ToList();
        // Recorded before the last reads, so the record travels in their batch instead of a round trip of its own.
        await audit.WriteAsync(new AuditEntry(HomeworkAudit.AssignmentRead, "Assignment", Detail.AssignmentId, ids.Append(me).Distinct().ToList()), ct);
        var batch = new QueryBatch(db);
        var caseId = Detail.CaseId;
        var partners = ownItem is not null ? Batched<bool>.Of(ownItem.Partners)
            : batch.Add(db.CaseClients.Where(cc => cc.CaseId == caseId && cc.ClientId != me).Select(cc => cc.ClientId).Take(1), rows => rows.Count > 0);
        var names = batch.List(db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }));
        await batch.SendAsync(ct);
        WhoCanRead = WhoCanReadSentence(Version, partners.Value);
        Names = names.Value.ToDictionary(u => u.Id, u => u.DisplayName);
        return true;
    }

    /// <summary>
    /// What Save keeps and who reads it, as the code behaves: a draft is the client's alone (the counselor's pages
    /// show that an item was started, never a draft's words), except that a safety answer in a saved draft
    /// raises an alert at once (ClientWork.SaveDraftAsync); partners read only what is shared after
    /// sending, and never a screening's answers.
    /// </summary>
    public static string WhoCanReadSentence(ExerciseVersion version, bool partners)
    {
        var raisesAlerts = version.Prompts.Any(p => p.Safety is not null);
        var save = "Save keeps your answers for you to finish later: until you choose \u201cSend to my counselor\u201d, your counselor sees only that you started, not what you wrote"
            + (raisesAlerts ? ", except that an answer saying you may not be safe lets them know at once." : ".");
        if (!partners)
        {
            return save;
        }
        // A submission that answers a safety question is a screening: never shareable (AnswerRules.IsScreening).
        return save + (version.SafetyScreening
            ? " The others in your sessions never see these answers."
            : raisesAlerts
                ? " The others in your sessions see nothing you write unless you share it after sending, and nothing at all once you answer a question about safety."
                : " The others in your sessions see nothing you write unless you share it after sending.");
    }

    /// <summary>A submitted answer set, read-only, in the same markup as the form.</summary>
    public ExerciseFormModel ReadOnlyForm(SubmissionView submission) => Form with
    {
        Answers = submission.Answers.ToDictionary(a => a.PromptId),
        Errors = new Dictionary<Guid, string>(),
        ReadOnly = true,
        // The whole id: version-7 ids begin with their time, so two partners' answers sent in the same
        // minute shared a short prefix, and the labels of one pointed at the other's fields.
        IdPrefix = "s" + submission.Id.ToString("N"),
        InstructionsHtml = "",
        Steps = [],
        EstimatedMinutes = null,
    };

    [GeneratedRegex(@"^answers\[(?<index>\d+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnswerIndex();

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenPattern();
}
