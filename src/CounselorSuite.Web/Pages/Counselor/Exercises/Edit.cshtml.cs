using System.Globalization;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Auth;
using CounselorSuite.Web.Infrastructure.Content;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Input;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Pages.Counselor.Exercises;

/// <summary>
/// The exercise builder. It works without JavaScript: every button (add, move, remove, preview, save)
/// posts the whole form back, the page applies the command and shows the form again. Nothing is
/// stored until Save, and Save of a stale version stores nothing and keeps what was typed.
/// </summary>
[Authorize(Roles = Roles.PracticeAdmin + "," + Roles.Counselor)]
public sealed class EditModel(AppDbContext db, ExerciseEditor editor, MarkdownRenderer markdown) : PageModel
{
    [BindProperty] public BuilderInput Input { get; set; } = new();

    public Guid? ExerciseId { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Set when someone else saved a newer version while this form was open.</summary>
    public int? ConflictVersion { get; private set; }
    public ExerciseFormModel Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        ExerciseId = id;
        if (id is null)
        {
            Input = new BuilderInput { Theme = nameof(ExerciseTheme.TrustSmallActs), Prompts = [new PromptInput { Id = NewId(), Kind = nameof(PromptKind.Text) }] };
        }
        else
        {
            var exercise = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            if (exercise is null)
            {
                return NotFound();
            }
            if (exercise.IsBuiltIn)
            {
                TempData["Flash"] = "Built-in exercises stay as they are. Copy it to adapt it for your practice.";
                return RedirectToPage("/Counselor/Exercises/Details", new { id });
            }
            if (!ExerciseEditorRole.Of(User).MayChange(exercise.CreatedBy, builtIn: false))
            {
                TempData["Flash"] = ExerciseChange.NotYours.Reason;
                return RedirectToPage("/Counselor/Exercises/Details", new { id });
            }
            var current = await db.CurrentVersionOf(id.Value).AsNoTracking().FirstAsync(ct);
            Input = BuilderInput.From(current);
        }
        BuildPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? command, int? conflictWith, CancellationToken ct)
    {
        ExerciseId = id;
        if (id is not null)
        {
            var own = await db.Exercises.AsNoTracking().Where(e => e.Id == id && e.BuiltInKey == null).Select(e => new { e.CreatedBy }).FirstOrDefaultAsync(ct);
            if (own is null)
            {
                return NotFound();
            }
            if (!ExerciseEditorRole.Of(User).MayChange(own.CreatedBy, builtIn: false))
            {
                return Forbid(); // a colleague's exercise: read and copy it on its page
            }
        }
        Input.Prompts ??= [];
        // The form is shown again from Input, not from the posted values: after a move or a removal
        // the posted values would land on the wrong prompts.
        ModelState.Clear();
        var (verb, index) = ParseCommand(command);
        switch (verb)
        {
            case "add" when EnumNames.TryParse<PromptKind>(command!["add-".Length..], out var kind) && Input.Prompts.Count < ExerciseRules.MaxPrompts:
                Input.Prompts.Add(new PromptInput
                {
                    Id = NewId(), Kind = kind.ToString(),
                    Min = kind == PromptKind.Scale ? 0 : null, Max = kind == PromptKind.Scale ? 10 : null,
                });
                break;
            case "up" when index > 0 && index < Input.Prompts.Count:
                (Input.Prompts[index - 1], Input.Prompts[index]) = (Input.Prompts[index], Input.Prompts[index - 1]);
                break;
            case "down" when index >= 0 && index < Input.Prompts.Count - 1:
                (Input.Prompts[index + 1], Input.Prompts[index]) = (Input.Prompts[index], Input.Prompts[index + 1]);
                break;
            case "remove" when index >= 0 && index < Input.Prompts.Count:
                Input.Prompts.RemoveAt(index);
                break;
            case "save":
                return await SaveAsync(Input.BaseVersion, ct);
            case "save-anyway" when conflictWith is > 0:
                // The counselor has seen the conflict and chose to save their text as the next version.
                return await SaveAsync(conflictWith.Value, ct);
        }
        foreach (var prompt in Input.Prompts.Where(p => p.ParsedKind == PromptKind.Scale && p.Min is null && p.Max is null))
        {
            // A prompt just switched to a scale starts from the usual 0 to 10.
            (prompt.Min, prompt.Max) = (0, 10);
        }
        BuildPreview();
        return Page();
    }

    private async Task<IActionResult> SaveAsync(int baseVersion, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var content = ExerciseRules.Validate(Input.ToRequest(), errors);
        if (content is null)
        {
            Errors = errors.ToDictionary();
            BuildPreview();
            return Page();
        }
        if (ExerciseId is null)
        {
            var created = await editor.CreateAsync(content, User.UserId(), ct);
            TempData["Flash"] = "Saved as version 1.";
            return RedirectToPage("/Counselor/Exercises/Details", new { id = created.Id });
        }
        switch (await editor.UpdateAsync(ExerciseId.Value, baseVersion, content, ExerciseEditorRole.Of(User), ct))
        {
            case ExerciseChange.NotYours:
                return Forbid();
            case ExerciseChange.Saved saved:
                TempData["Flash"] = $"Saved as version {saved.Version}. Earlier assignments keep the version they were given.";
                return RedirectToPage("/Counselor/Exercises/Details", new { id = saved.Id });
            case ExerciseChange.Unchanged unchanged:
                TempData["Flash"] = $"Nothing had changed, so no new version was made. It is still version {unchanged.Version}.";
                return RedirectToPage("/Counselor/Exercises/Details", new { id = unchanged.Id });
            case ExerciseChange.Stale stale:
                ConflictVersion = stale.CurrentVersion;
                BuildPreview();
                return Page();
            case ExerciseChange.Refused refused:
                Errors = new Dictionary<string, string[]> { [""] = [refused.Reason] };
                BuildPreview();
                return Page();
            default:
                return NotFound();
        }
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Errors of one prompt, with the field name inside the prompt (for example "max").</summary>
    public IEnumerable<(string Field, string Message)> PromptErrors(int index) => Errors
        .Where(e => e.Key == $"prompts[{index}]" || e.Key.StartsWith($"prompts[{index}].", StringComparison.Ordinal))
        .SelectMany(e => e.Value.Select(m => (e.Key, m)));

    /// <summary>The id of the input an error is about, so the summary can link to it.</summary>
    public static string FieldId(string field)
    {
        if (field.StartsWith("prompts[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']');
            var index = field[8..close];
            var rest = field[(close + 1)..].TrimStart('.');
            var part = rest.Split('.')[0];
            part = part.Length == 0 ? "Text" : char.ToUpperInvariant(part[0]) + part[1..];
            return $"Input_Prompts_{index}__{(part is "Safety" ? "DangerAnswers" : part)}";
        }
        if (field.StartsWith("steps", StringComparison.Ordinal))
        {
            return "Input_Steps";
        }
        return field switch
        {
            "category" => "Input_Theme",
            "" => "Input_Title",
            _ => "Input_" + char.ToUpperInvariant(field[0]) + field[1..],
        };
    }

    private void BuildPreview()
    {
        var prompts = Input.Prompts.Select(p => p.ToPreview()).ToList();
        var steps = (Input.Steps ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        Preview = new ExerciseFormModel(
            string.IsNullOrWhiteSpace(Input.Title) ? "(No title yet)" : Input.Title.Trim(),
            Input.Summary?.Trim() ?? "", markdown.ToHtml(Input.Instructions), steps, Input.EstimatedMinutes, prompts)
        { IdPrefix = "preview" };
    }

    private static (string Verb, int Index) ParseCommand(string? command)
    {
        if (string.IsNullOrEmpty(command))
        {
            return ("", -1);
        }
        // "up-2", "remove-0", "add-Scale"; "save-anyway" and "preview" are whole words.
        var dash = command.IndexOf('-');
        if (dash < 0 || command == "save-anyway")
        {
            return (command, -1);
        }
        var verb = command[..dash];
        return int.TryParse(command[(dash + 1)..], CultureInfo.InvariantCulture, out var index) ? (verb, index) : (verb, -1);
    }

    private static Guid NewId() => Guid.CreateVersion7();
}

public sealed class BuilderInput
{
    /// <summary>The version the form was loaded from; 0 for a new exercise.</summary>
    public int BaseVersion { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Instructions { get; set; }
    public string? Theme { get; set; }
    public string? Suitability { get; set; } = nameof(ExerciseSuitability.Either);
    public bool Joint { get; set; }
    public int? EstimatedMinutes { get; set; }

    /// <summary>One step per line.</summary>
    public string? Steps { get; set; }
    public bool SafetyScreening { get; set; }
    public bool PointsToResources { get; set; }
    public List<PromptInput> Prompts { get; set; } = [];

    public static BuilderInput From(ExerciseVersion v) => new()
    {
        BaseVersion = v.Version,
        Title = v.Title,
        Summary = v.Summary,
        Instructions = v.Instructions,
        Theme = v.Theme.ToString(),
        Suitability = v.Suitability.ToString(),
        Joint = v.Joint,
        EstimatedMinutes = v.EstimatedMinutes,
        Steps = string.Join("\n", v.Steps),
        SafetyScreening = v.SafetyScreening,
        PointsToResources = v.PointsToResources,
        Prompts = v.Prompts.Select(PromptInput.From).ToList(),
    };

    public ExerciseRequest ToRequest() => new(
        Title, Theme, Summary, Instructions ?? "",
        Prompts.Select(p => (PromptRequest?)p.ToRequest()).ToList(),
        (Steps ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => (string?)s).ToList(),
        Suitability, Joint, EstimatedMinutes, SafetyScreening, PointsToResources);
}

public sealed class PromptInput
{
    public Guid Id { get; set; }
    public string? Key { get; set; }
    public string Kind { get; set; } = nameof(PromptKind.Text);
    public string? Text { get; set; }
    public string? Dimension { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
    public string? MinLabel { get; set; }
    public string? MaxLabel { get; set; }

    /// <summary>One option per line.</summary>
    public string? Options { get; set; }

    /// <summary>Answers that signal danger, one per line (choice and checklist prompts).</summary>
    public string? DangerAnswers { get; set; }

    /// <summary>
    /// The yes/no prompt's danger answer, a field of its own: the form carries every kind's settings at once
    /// (so they show as soon as the kind changes), and two fields of one name would cross.
    /// </summary>
    public string? DangerYesNo { get; set; }

    /// <summary>A scale value at or below which an answer signals danger.</summary>
    public int? DangerAtOrBelow { get; set; }

    public PromptKind? ParsedKind => EnumNames.TryParse<PromptKind>(Kind, out var k) ? k : null;

    public static PromptInput From(ExercisePrompt p) => new()
    {
        Id = p.Id,
        Key = p.Key,
        Kind = p.Kind.ToString(),
        Text = p.Text,
        Dimension = p.Dimension?.ToString(),
        // A scale's usual ends, ready in case the kind changes to a scale (other kinds never send them).
        Min = p.Min ?? 0,
        Max = p.Max ?? 10,
        MinLabel = p.MinLabel,
        MaxLabel = p.MaxLabel,
        Options = p.Options is null ? null : string.Join("\n", p.Options),
        DangerAnswers = p.Kind != PromptKind.YesNo && p.Safety?.DangerAnswers is { } danger ? string.Join("\n", danger) : null,
        DangerYesNo = p.Kind == PromptKind.YesNo ? p.Safety?.DangerAnswers is [var yesNo, ..] ? yesNo : null : null,
        DangerAtOrBelow = p.Safety?.DangerAtOrBelow,
    };

    /// <summary>Only the fields of the prompt's kind travel on: the form keeps the others out of sight.</summary>
    public PromptRequest ToRequest()
    {
        var kind = ParsedKind;
        var scale = kind == PromptKind.Scale;
        var choices = kind is PromptKind.Choice or PromptKind.Checklist;
        var dangerAnswers = Lines(kind == PromptKind.YesNo ? DangerYesNo : DangerAnswers);
        PromptSafetyRequest? safety = scale
            ? DangerAtOrBelow is null ? null : new PromptSafetyRequest(null, DangerAtOrBelow)
            : dangerAnswers.Count == 0 || kind == PromptKind.Text ? null : new PromptSafetyRequest(dangerAnswers, null);
        return new PromptRequest(
            Id == Guid.Empty ? null : Id, Kind, Text,
            scale && !string.IsNullOrEmpty(Dimension) ? Dimension : null,
            scale ? Min : null, scale ? Max : null,
            scale && !string.IsNullOrWhiteSpace(MinLabel) ? MinLabel : null,
            scale && !string.IsNullOrWhiteSpace(MaxLabel) ? MaxLabel : null,
            choices ? Lines(Options) : null,
            safety, Key);
    }

    /// <summary>A best-effort prompt for the preview, even while the form still has errors.</summary>
    public ExercisePrompt ToPreview()
    {
        var kind = ParsedKind ?? PromptKind.Text;
        var min = Min ?? 0;
        var max = Max is { } m && m > min && m - min <= ExerciseRules.MaxScaleRange ? m : min + 10;
        var options = Lines(Options).Where(o => o is { Length: > 0 }).Select(o => o!).Distinct().ToList();
        return new ExercisePrompt
        {
            Id = Id == Guid.Empty ? Guid.NewGuid() : Id,
            Kind = kind,
            Text = string.IsNullOrWhiteSpace(Text) ? "(No question yet)" : Text.Trim(),
            Min = kind == PromptKind.Scale ? min : null,
            Max = kind == PromptKind.Scale ? max : null,
            MinLabel = kind == PromptKind.Scale ? MinLabel : null,
            MaxLabel = kind == PromptKind.Scale ? MaxLabel : null,
            Options = kind is PromptKind.Choice or PromptKind.Checklist ? options : null,
        };
    }

    private static List<string?> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (string?)l).ToList();
}
