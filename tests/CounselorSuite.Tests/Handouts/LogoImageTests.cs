using System.Buffers.Binary;
using System.Text;
using CounselorSuite.Documents;
using CounselorSuite.Documents.Tests;
using CounselorSuite.Web.Features.Handouts;
using Doc = CounselorSuite.Documents.Model;

namespace CounselorSuite.Tests.Handouts;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class LogoImageTests
{
    public static byte[] Png(int width, int height) => TestImages.Png(width, height);

    /// <summary>The PNG with a text chunk (a name and a place) inserted after its header, as cameras and editors write them.</summary>
    private static byte[] PngWithText(string text)
    {
        var png = TestImages.Png(30, 10);
        var afterHeader = 8 + 12 + 13;
        var body = Encoding.Latin1.GetBytes("Comment\0" + text);
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
        Encoding.ASCII.GetBytes("tEXt", chunk.AsSpan(4));
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), PngLogo.Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return [.. png[..afterHeader], .. chunk, .. png[afterHeader..]];
    }

    private static void Draws(byte[] image)
    {
        var pdf = HandoutRenderer.Render(new Doc.Handout("Logo", [new Doc.ImageBlock(image, 100)]));
        Assert.True(pdf.Bytes.Length > 0);
    }

    [Fact]
    public void A_png_loses_its_text_chunks_and_still_draws()
    {
        var upload = PngWithText("Taken at 12 Elm Street by Jo");

        Assert.True(LogoImage.TryClean(upload, out var clean, out var error), error);

        Assert.Equal("image/png", clean!.ContentType);
        Assert.Equal((30, 10), (clean.Width, clean.Height));
        Assert.DoesNotContain("Elm Street", Encoding.Latin1.GetString(clean.Bytes));
        Assert.Contains("Elm Street", Encoding.Latin1.GetString(upload));
        Assert.True(LogoImage.IsPng(clean.Bytes));
        Draws(clean.Bytes);
    }

    [Fact]
    public void A_jpeg_loses_its_profile_and_application_segments_and_still_draws()
    {
        var upload = TestImages.Jpeg();
        Assert.Contains("ICC_PROFILE", Encoding.Latin1.GetString(upload));

        Assert.True(LogoImage.TryClean(upload, out var clean, out var error), error);

        Assert.Equal("image/jpeg", clean!.ContentType);
        Assert.Equal((60, 30), (clean.Width, clean.Height));
        var text = Encoding.Latin1.GetString(clean.Bytes);
        Assert.DoesNotContain("ICC_PROFILE", text);
        Assert.DoesNotContain("Google", text);
        Draws(clean.Bytes);
    }

    [Fact]
    public void Cleaning_twice_gives_the_same_bytes()
    {
        Assert.True(LogoImage.TryClean(TestImages.Jpeg(), out var once, out _));
        Assert.True(LogoImage.TryClean(once!.Bytes, out var twice, out _));
        Assert.Equal(once.Bytes, twice!.Bytes);
    }

    [Theory]
    [InlineData("GIF89a\x01\x00\x01\x00", "PNG or JPEG")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "PNG or JPEG")]
    [InlineData("%PDF-1.7", "PNG or JPEG")]
    public void Other_files_are_refused_whatever_they_are_called(string content, string message)
    {
        Assert.False(LogoImage.TryClean(Encoding.Latin1.GetBytes(content), out var clean, out var error));
        Assert.Null(clean);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Damaged_truncated_or_oversized_images_are_refused()
    {
        var png = TestImages.Png(20, 20);
        var truncated = png[..(png.Length - 20)];
        var corrupted = (byte[])png.Clone();
        corrupted[40] ^= 0xFF; // inside a chunk: its checksum no longer matches
        var jpeg = TestImages.Jpeg();
        var truncatedJpeg = jpeg[..(jpeg.Length / 2)];

        Assert.False(LogoImage.TryClean(truncated, out _, out var e1));
        Assert.Contains("damaged", e1);
        Assert.False(LogoImage.TryClean(corrupted, out _, out var e2));
        Assert.Contains("damaged", e2);
        Assert.False(LogoImage.TryClean(truncatedJpeg, out _, out var e3));
        Assert.Contains("damaged", e3);
        Assert.False(LogoImage.TryClean(TestImages.Png(2001, 10), out _, out var e4));
        Assert.Contains("2000", e4);
        Assert.False(LogoImage.TryClean([.. png, .. new byte[LogoImage.MaxBytes]], out _, out var e5));
        Assert.Contains("2 MB", e5);
        Assert.False(LogoImage.TryClean([], out _, out _));
    }

    [Fact]
    public void A_png_whose_pixels_do_not_match_its_size_is_refused()
    {
        // Header says 20 × 20, pixels are for 20 × 10: a reader would run past the data.
        var small = TestImages.Png(20, 10);
        var lying = (byte[])small.Clone();
        BinaryPrimitives.WriteInt32BigEndian(lying.AsSpan(8 + 8 + 4), 20);
        BinaryPrimitives.WriteUInt32BigEndian(lying.AsSpan(8 + 8 + 13), PngLogo.Crc32(lying.AsSpan(8 + 4, 17)));

        Assert.False(LogoImage.TryClean(lying, out _, out var error));
        Assert.Contains("damaged", error);
    }
}
