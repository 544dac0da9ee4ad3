using CounselorSuite.Documents.Fonts;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class FontTests
{
    [Theory]
    [InlineData('A')]
    [InlineData('é')]
    [InlineData('Ω')]
    [InlineData('Ж')]
    [InlineData('•')]
    [InlineData('\uFFFD')]
    public void DejaVu_sans_covers_latin_greek_cyrillic_and_the_replacement_mark(char character)
    {
        Assert.True(DejaVuFonts.Regular.Coverage.Covers(character));
        Assert.True(DejaVuFonts.Bold.Coverage.Covers(character));
    }

    [Theory]
    [InlineData(0x4E2D)] // CJK ideograph
    [InlineData(0x1F9E0)] // emoji beyond DejaVu's emoticons
    [InlineData(0x0E01)] // Thai
    public void Coverage_knows_what_dejavu_lacks(int codePoint)
    {
        Assert.False(DejaVuFonts.Regular.Coverage.Covers(codePoint));
    }

    [Fact]
    public void A_missing_font_file_is_named_with_the_package_to_install()
    {
        var face = new DejaVuFace("Nope", "DejaVuNope.ttf");

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => face.Bytes);

        Assert.Contains("/usr/share/fonts/truetype/dejavu/DejaVuNope.ttf", error.Message);
        Assert.Contains("apt-get install -y fonts-dejavu-core", error.Message);
    }

    [Fact]
    public void The_resolver_gives_every_family_a_dejavu_face_and_slants_italics()
    {
        var resolver = new DejaVuFontResolver();

        var italic = resolver.ResolveTypeface("Segoe UI", bold: false, italic: true)!;
        var boldMono = resolver.ResolveTypeface("DejaVu Sans Mono", bold: true, italic: false)!;

        Assert.Equal("DejaVuSans", italic.FaceName);
        Assert.True(italic.MustSimulateItalic);
        Assert.Equal("DejaVuSansMono-Bold", boldMono.FaceName);
        Assert.NotNull(resolver.GetFont("DejaVuSans-Bold"));
    }
}
