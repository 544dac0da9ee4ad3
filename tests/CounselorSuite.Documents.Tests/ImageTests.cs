using CounselorSuite.Documents.Model;
using UglyToad.PdfPig.Content;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class ImageTests
{
    private const double ContentWidth = 595.28 - (2 * 56.7);
    private const double ContentHeight = 841.89 - (2 * 56.7);

    [Fact]
    public void A_small_image_keeps_its_size()
    {
        var handout = new Handout("Image", [new ImageBlock(TestImages.Png(200, 100))]);

        IPdfImage image = SingleImage(HandoutRenderer.Render(handout).Bytes);

        Assert.Equal(200, image.BoundingBox.Width, 0.5);
        Assert.Equal(100, image.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void A_jpeg_is_drawn_at_its_aspect()
    {
        var handout = new Handout("Image", [new ImageBlock(TestImages.Jpeg(), MaxWidth: 300)]);

        IPdfImage image = SingleImage(HandoutRenderer.Render(handout).Bytes);

        Assert.Equal(2.0, image.BoundingBox.Width / image.BoundingBox.Height, 0.01);
        Assert.Equal(60, image.WidthInSamples);
    }

    [Fact]
    public void A_wide_image_is_scaled_to_the_text_width_keeping_its_aspect()
    {
        var handout = new Handout("Image", [new ImageBlock(TestImages.Png(1600, 400))]);

        IPdfImage image = SingleImage(HandoutRenderer.Render(handout).Bytes);

        Assert.Equal(ContentWidth, image.BoundingBox.Width, 0.5);
        Assert.Equal(ContentWidth / 4, image.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void An_image_taller_than_a_page_is_scaled_to_one_page_and_moved_to_the_next()
    {
        var handout = new Handout("Image", [new Paragraph("Before"), new ImageBlock(TestImages.Png(100, 2000)), new Paragraph("After")]);

        RenderedPdf pdf = HandoutRenderer.Render(handout);

        Assert.Equal(3, pdf.PageCount);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes);
        IPdfImage image = Assert.Single(document.GetPage(2).GetImages());
        Assert.Equal(ContentHeight, image.BoundingBox.Height, 0.5);
        Assert.Equal(ContentHeight / 20, image.BoundingBox.Width, 0.5);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_are_refused_with_the_block_named()
    {
        var handout = new Handout("Image", [new Paragraph("x"), new ImageBlock([1, 2, 3, 4])]);

        var error = Assert.Throws<ArgumentException>(() => HandoutRenderer.Render(handout));
        Assert.Contains("block 2", error.Message);
    }

    private static IPdfImage SingleImage(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Assert.Single(Assert.Single(document.GetPages()).GetImages());
    }
}
