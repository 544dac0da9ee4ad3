using CounselorSuite.Documents.Layout;
using CounselorSuite.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CounselorSuite.Documents;

/// <summary>Renders a <see cref="Handout"/> to a PDF.</summary>
/// <remarks>
/// Layout happens in three steps: blocks become rows (measured with the embedded fonts), rows are
/// distributed over pages, and pages are painted. Knowing all pages before painting is what lets every
/// footer say "Page X of Y". Thread-safe: each call works on its own document.
/// </remarks>
public static class HandoutRenderer
{
    private static readonly XSize A4 = new(595.28, 841.89);
    private static readonly XSize Letter = new(612, 792);

    /// <summary>Lays out and renders the handout.</summary>
    /// <exception cref="ArgumentException">The margins leave no room for content, or an image cannot be read.</exception>
    public static RenderedPdf Render(Handout handout)
    {
        ArgumentNullException.ThrowIfNull(handout);
        PdfSetup.EnsureInitialized();

        PageSetup setup = handout.Page;
        XSize pageSize = setup.Paper == PaperSize.Letter ? Letter : A4;
        double contentWidth = pageSize.Width - setup.Margins.Left - setup.Margins.Right;
        double contentHeight = pageSize.Height - setup.Margins.Top - setup.Margins.Bottom;
        if (contentWidth < 72 || contentHeight < 72)
        {
            throw new ArgumentException("The margins leave less than an inch for content.", nameof(handout));
        }

        using var context = new LayoutContext(
            XGraphics.CreateMeasureContext(pageSize, XGraphicsUnit.Point, XPageDirection.Downwards, null!),
            new LayoutTheme(setup.Accent),
            contentWidth,
            contentHeight);
        IReadOnlyList<FlowElement> elements = new BlockLayouter(context).Layout(handout.Blocks);
        IReadOnlyList<IReadOnlyList<PlacedRow>> pages = new Paginator(contentHeight).Paginate(elements);

        using var document = new PdfDocument();
        Describe(document, handout);
        new PagePainter(context, setup, pageSize).Paint(document, pages);
        if (handout.Passwords is { } passwords)
        {
            Protect(document, passwords);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        IReadOnlyList<MissingCharacter> missing = context.Glyphs.Missing;
        return new RenderedPdf(output.ToArray(), pages.Count, missing.Select(Warning).ToList(), missing);
    }

    private static void Describe(PdfDocument document, Handout handout)
    {
        document.Info.Title = handout.Title;
        document.Info.Author = handout.Author ?? "";
        document.Info.Subject = handout.Subject ?? "";
        document.Info.Creator = handout.Creator;
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
    }

    private static void Protect(PdfDocument document, PdfPasswords passwords)
    {
        document.SecuritySettings.UserPassword = passwords.UserPassword;
        document.SecuritySettings.OwnerPassword = passwords.OwnerPassword;
        // Clients may print, copy text (screen readers need it) and fill in; changing pages takes the owner password.
        document.SecuritySettings.PermitModifyDocument = false;
        document.SecuritySettings.PermitAssembleDocument = false;
        // AES-256 (revision 6, which marks the file PDF 2.0); the older RC4 schemes are broken.
        document.SecurityHandler.SetEncryptionToV5();
    }

    private static string Warning(MissingCharacter missing) =>
        $"The character U+{missing.CodePoint:X4} '{missing.Character}' in {missing.Location} is not in the DejaVu font; it prints as �.";
}
