namespace CounselorSuite.Documents.Fonts;

/// <summary>
/// The DejaVu font files the documents are drawn with, as Debian's <c>fonts-dejavu-core</c> package installs them.
/// </summary>
/// <remarks>
/// DejaVu is used because it is free to embed and covers Latin, Greek and Cyrillic, which is what our
/// clients write in. The files are read once per process and kept: PDFsharp asks for them per document.
/// </remarks>
public static class DejaVuFonts
{
    /// <summary>The family name to use in PDFsharp fonts and OxyPlot models (<c>model.DefaultFont</c>).</summary>
    public const string Sans = "DejaVu Sans";

    /// <summary>The monospaced family; embedded only if a document uses it.</summary>
    public const string SansMono = "DejaVu Sans Mono";

    /// <summary>Where <c>fonts-dejavu-core</c> puts the files on Debian and Ubuntu.</summary>
    public const string Directory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The Debian package that provides the files, named in error messages.</summary>
    public const string Package = "fonts-dejavu-core";

    internal static readonly DejaVuFace Regular = new("DejaVuSans", "DejaVuSans.ttf");
    internal static readonly DejaVuFace Bold = new("DejaVuSans-Bold", "DejaVuSans-Bold.ttf");
    internal static readonly DejaVuFace MonoRegular = new("DejaVuSansMono", "DejaVuSansMono.ttf");
    internal static readonly DejaVuFace MonoBold = new("DejaVuSansMono-Bold", "DejaVuSansMono-Bold.ttf");

    /// <summary>The faces every document needs; checked up front so a missing file fails at set-up, not mid-render.</summary>
    internal static readonly IReadOnlyList<DejaVuFace> Required = [Regular, Bold];

    internal static IEnumerable<DejaVuFace> All => [Regular, Bold, MonoRegular, MonoBold];

    internal static DejaVuFace? FindByFaceName(string faceName) =>
        All.FirstOrDefault(face => face.FaceName == faceName);
}

/// <summary>One font file: the face name PDFsharp knows it by, and its bytes and glyph coverage, loaded on first use.</summary>
internal sealed class DejaVuFace
{
    private readonly Lazy<byte[]> bytes;
    private readonly Lazy<GlyphCoverage> coverage;

    public DejaVuFace(string faceName, string fileName)
    {
        FaceName = faceName;
        FileName = fileName;
        bytes = new Lazy<byte[]>(Load);
        coverage = new Lazy<GlyphCoverage>(() => GlyphCoverage.FromTrueType(bytes.Value));
    }

    public string FaceName { get; }

    public string FileName { get; }

    public string Path => System.IO.Path.Combine(DejaVuFonts.Directory, FileName);

    public byte[] Bytes => bytes.Value;

    public GlyphCoverage Coverage => coverage.Value;

    public bool IsInstalled => File.Exists(Path);

    private byte[] Load()
    {
        if (!IsInstalled)
        {
            throw MissingFile();
        }
        return File.ReadAllBytes(Path);
    }

    public FileNotFoundException MissingFile() => new(
        $"The font file {Path} is missing, so PDF documents cannot be drawn. " +
        $"Install the Debian package {DejaVuFonts.Package} (apt-get install -y {DejaVuFonts.Package}).",
        Path);
}
