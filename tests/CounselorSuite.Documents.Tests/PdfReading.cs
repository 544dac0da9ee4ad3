using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace CounselorSuite.Documents.Tests;

/// <summary>One page of a rendered PDF as PdfPig reads it back.</summary>
public sealed record PageText(int Number, double Width, double Height, IReadOnlyList<Word> Words)
{
    /// <summary>The words in reading order as PdfPig emits them, joined by spaces.</summary>
    public string Text => string.Join(' ', Words.Select(word => word.Text));

    /// <summary>The page's letters with all white space removed, to find text regardless of where lines wrapped.</summary>
    public string Letters => string.Concat(Words.Select(word => word.Text));

    public IEnumerable<Word> Find(string text) => Words.Where(word => word.Text == text);
}

/// <summary>Reads PDFs back with PdfPig (qualified: PDFsharp has a PdfDocument too).</summary>
public static class PdfReading
{
    public static IReadOnlyList<PageText> Pages(byte[] pdf, string? password = null, bool nearestNeighbourWords = false)
    {
        // Strict parsing catches malformed output, but PdfPig 0.1.16 rejects the "%PDF-2.0" header that
        // AES-256 encryption requires, so encrypted files are read leniently.
        var options = new ParsingOptions { UseLenientParsing = password is not null };
        if (password is not null)
        {
            options.Password = password;
        }
        using UglyToad.PdfPig.PdfDocument document = UglyToad.PdfPig.PdfDocument.Open(pdf, options);
        return document.GetPages()
            .Select(page => new PageText(
                page.Number,
                page.Width,
                page.Height,
                // Rotated chart text (the y-axis title) comes apart into letters with the default extractor.
                nearestNeighbourWords ? page.GetWords(NearestNeighbourWordExtractor.Instance).ToList() : page.GetWords().ToList()))
            .ToList();
    }

    public static string AllText(byte[] pdf) => string.Join('\n', Pages(pdf).Select(page => page.Text));

    public static string AllLetters(byte[] pdf) => string.Concat(Pages(pdf).Select(page => page.Letters));
}
