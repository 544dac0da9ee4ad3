namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class SizeTests
{
    [Fact]
    public void A_two_page_worksheet_with_a_chart_is_under_60_kb()
    {
        RenderedPdf pdf = HandoutRenderer.Render(Samples.TwoPageWorksheet());

        Assert.Equal(2, pdf.PageCount);
        Assert.True(pdf.Bytes.Length < 60 * 1024, $"{pdf.Bytes.Length} bytes");
        Assert.Empty(pdf.Warnings);
    }
}
