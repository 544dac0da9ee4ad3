using System.Globalization;
using CounselorSuite.Documents.Markdown;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Progress.Charts;
using CounselorSuite.Web.Features.Sessions;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>The practice's look on a handout.</summary>
public sealed record HandoutBranding(string PracticeName, string AccentColor, string ContactLine, string HelpResources, byte[]? Logo);

/// <summary>Everything one client's handout shows, loaded by the job; <see cref="HandoutDocument.Build"/> lays it out.</summary>
public sealed record HandoutContent(
    string ClientName,
    DateOnly SessionDate,
    bool Discreet,
    HandoutPaper Paper,
    string? Note,
    IReadOnlyList<ExerciseContent> Exercises,
    IReadOnlyList<ProgressChart> Charts,
    HandoutBranding Branding);

/// <summary>Thrown for a handout that can never be made as asked; the message is for the counselor.</summary>
public sealed class HandoutProblemException(string message) : Exception(message);

/// <summary>
/// Turns a handout's content into the document model: a title, the counselor's note, each exercise with its
/// instructions, steps and prompts laid out for writing by hand, the progress charts (if any), and the
/// practice's help resources and contact line at the end. Discreet handouts use neutral headings and no
/// practice name, logo, header or footer text.
/// </summary>
public static class HandoutDocument
{
    public const string NeutralHelp = "Ask at your next appointment for a list of local contacts and resources.";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(bool discreet, DateOnly sessionDate) =>
        $"{(discreet ? "document" : "handout")}-{sessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf";

    public static string Title(bool discreet, DateOnly sessionDate) =>
        $"{(discreet ? "Notes" : "Session handout")}, {sessionDate.ToString("d MMMM yyyy", English)}";

    public static Doc.Handout Build(HandoutContent content, Doc.PdfPasswords? passwords = null)
    {
        var discreet = content.Discreet;
        var date = content.SessionDate.ToString("d MMMM yyyy", English);
        var blocks = new List<Doc.Block>();
        var brand = content.Branding;
        if (!discreet && brand.Logo is { Length: > 0 } logo)
        {
            blocks.Add(new Doc.ImageBlock(logo, MaxWidth: 140));
            blocks.Add(new Doc.Spacer(6));
        }
        blocks.Add(new Doc.Heading(discreet ? "Notes" : "Session handout"));
        blocks.Add(new Doc.Paragraph(discreet || string.IsNullOrWhiteSpace(content.ClientName)
            ? date
            : $"For {content.ClientName} · session of {date}"));

        if (!string.IsNullOrWhiteSpace(content.Note))
        {
            blocks.Add(new Doc.Heading(discreet ? "A few words" : "A note from your counselor", 2));
            blocks.Add(new Doc.NoteBlock(content.Note.Trim()));
        }

        for (var i = 0; i < content.Exercises.Count; i++)
        {
            var exercise = discreet ? HandoutProgressPage.WithoutCounselor(content.Exercises[i]) : content.Exercises[i];
            AddExercise(blocks, exercise, discreet ? $"Part {i + 1}" : exercise.Title, discreet);
        }

        // Help before the progress page, so the handout ends on a full page of charts, never a few stray lines.
        AddHelp(blocks, content, discreet);
        blocks.AddRange(HandoutProgressPage.Blocks(content.Charts, discreet));

        return new Doc.Handout(Title(discreet, content.SessionDate), blocks)
        {
            Author = discreet ? "" : brand.PracticeName,
            Subject = "",
            Creator = discreet ? "" : "CounselorSuite",
            Passwords = passwords,
            Page = new Doc.PageSetup
            {
                Paper = content.Paper == HandoutPaper.Letter ? Doc.PaperSize.Letter : Doc.PaperSize.A4,
                Accent = Accent(brand.AccentColor),
                HeaderText = discreet ? null : brand.PracticeName,
                FooterText = discreet || string.IsNullOrWhiteSpace(brand.ContactLine) ? null : brand.ContactLine,
            },
        };
    }

    private static void AddExercise(List<Doc.Block> blocks, ExerciseContent exercise, string heading, bool discreet)
    {
        blocks.Add(new Doc.Heading(heading));
        if (!string.IsNullOrWhiteSpace(exercise.Summary))
        {
            blocks.Add(new Doc.Paragraph([new Doc.TextRun(exercise.Summary, Italic: true)]));
        }
        blocks.AddRange(MarkdownBlocks.From(exercise.Instructions));
        if (exercise.Steps.Count > 0)
        {
            blocks.Add(new Doc.Heading("Steps", 3));
            blocks.Add(new Doc.NumberedList(exercise.Steps.ToArray()));
        }
        if (exercise.Prompts.Count > 0)
        {
            blocks.Add(new Doc.Heading(discreet ? "Your answers" : "Your answers, on paper", 3));
            blocks.AddRange(exercise.Prompts.Select(Prompt));
        }
    }

    private static Doc.Block Prompt(ExercisePrompt prompt) => prompt.Kind switch
    {
        PromptKind.Scale when prompt.Min is { } min && prompt.Max is { } max && max > min && max - min < Doc.ScalePrompt.MostValues =>
            new Doc.ScalePrompt(prompt.Text, min, max, prompt.MinLabel, prompt.MaxLabel),
        PromptKind.Checklist when prompt.Options is { Count: > 0 } options => new Doc.ChecklistPrompt(prompt.Text, options),
        PromptKind.Choice when prompt.Options is { Count: > 0 } options => new Doc.ChoicePrompt(prompt.Text, options),
        PromptKind.YesNo => new Doc.YesNoPrompt(prompt.Text),
        _ => new Doc.FreeTextPrompt(prompt.Text, 4),
    };

    private static void AddHelp(List<Doc.Block> blocks, HandoutContent content, bool discreet)
    {
        var brand = content.Branding;
        var help = brand.HelpResources.Trim();
        var contact = brand.ContactLine.Trim();
        if (discreet)
        {
            // The practice's own words may name what the help is for; a discreet page keeps them only if not.
            var words = DiscreetWords.For(content.Exercises.Select(e => e.Title));
            if (DiscreetWords.FirstIn(help, words) is not null)
            {
                help = NeutralHelp;
            }
            if (DiscreetWords.FirstIn(contact, words) is not null)
            {
                contact = "";
            }
        }
        if (help.Length == 0 && contact.Length == 0)
        {
            return;
        }
        blocks.Add(new Doc.Heading(discreet ? "Contacts" : "Help and contacts", 2));
        if (help.Length > 0)
        {
            blocks.AddRange(MarkdownBlocks.From(help));
        }
        if (contact.Length > 0)
        {
            blocks.Add(new Doc.Paragraph(contact));
        }
    }

    private static Doc.RgbColor Accent(string hex)
    {
        try
        {
            return Doc.RgbColor.Parse(hex);
        }
        catch (FormatException)
        {
            return Doc.RgbColor.DefaultAccent;
        }
    }
}
