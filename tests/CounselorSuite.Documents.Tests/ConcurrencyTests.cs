namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class ConcurrencyTests
{
    [Fact]
    public async Task Handouts_render_correctly_in_parallel()
    {
        // A web server renders handouts for several requests at once; PDFsharp's font state is process-wide.
        RenderedPdf[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => HandoutRenderer.Render(Samples.TwoPageWorksheet()))));

        Assert.All(results, pdf =>
        {
            Assert.Equal(2, pdf.PageCount);
            Assert.Empty(pdf.Warnings);
            Assert.Contains("Managing anxious thoughts", PdfReading.AllText(pdf.Bytes));
        });
        Assert.Single(results.Select(pdf => pdf.Bytes.Length).Distinct());
    }
}
