using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>A logo as stored: re-written without metadata, with its pixel size.</summary>
public sealed record CleanImage(byte[] Bytes, string ContentType, int Width, int Height);

/// <summary>
/// Checks an uploaded logo by its bytes (never its name or declared type) and re-writes it keeping only
/// what draws the picture: PNG image chunks with the pixel data inflated and deflated again, JPEG tables,
/// frame and scans. Text, EXIF (camera, place, time), XMP, ICC profiles and comments are dropped, so an
/// upload cannot carry hidden data or a payload for another reader into every handout. There is no
/// managed image codec here that we may use (ImageSharp's licence rules it out), hence this small
/// re-writer rather than a full decode and encode.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxSide = 2000;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(PngSignature);

    public static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    /// <summary>Checks and re-writes the image; on failure, <paramref name="error"/> says why in plain words.</summary>
    public static bool TryClean(byte[] data, out CleanImage? image, out string? error)
    {
        image = null;
        error = null;
        if (data.Length == 0)
        {
            error = "Choose an image file.";
            return false;
        }
        if (data.Length > MaxBytes)
        {
            error = "The logo must be at most 2 MB.";
            return false;
        }
        try
        {
            if (IsPng(data))
            {
                image = CleanPng(data);
            }
            else if (IsJpeg(data))
            {
                image = CleanJpeg(data);
            }
            else
            {
                error = "The logo must be a PNG or JPEG image.";
                return false;
            }
        }
        catch (InvalidImageException e)
        {
            error = e.Message;
            return false;
        }
        if (image.Width > MaxSide || image.Height > MaxSide)
        {
            error = $"The logo must be at most {MaxSide} × {MaxSide} pixels; this one is {image.Width} × {image.Height}.";
            image = null;
            return false;
        }
        return true;
    }

    private sealed class InvalidImageException(string message) : Exception(message);

    private const string Damaged = "The image is damaged or incomplete. Save it again as PNG or JPEG and upload that.";

    // ---- PNG ----

    private static CleanImage CleanPng(byte[] data)
    {
        var position = PngSignature.Length;
        byte[]? header = null, palette = null, transparency = null, density = null;
        using var compressed = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            if (position + 12 > data.Length)
            {
                throw new InvalidImageException(Damaged);
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position));
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                throw new InvalidImageException(Damaged);
            }
            var type = Encoding.ASCII.GetString(data, position + 4, 4);
            var body = data.AsSpan(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position + 8 + (int)length));
            if (crc != Crc32(data.AsSpan(position + 4, 4 + (int)length)))
            {
                throw new InvalidImageException(Damaged);
            }
            position += 12 + (int)length;
            if (header is null && type != "IHDR")
            {
                throw new InvalidImageException(Damaged);
            }
            switch (type)
            {
                case "IHDR" when header is null && length == 13:
                    header = body.ToArray();
                    break;
                case "PLTE" when palette is null:
                    palette = body.ToArray();
                    break;
                case "tRNS" when transparency is null:
                    transparency = body.ToArray();
                    break;
                case "pHYs" when density is null && length == 9:
                    density = body.ToArray(); // the intended print size: how big the logo is drawn
                    break;
                case "IDAT":
                    compressed.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    // A critical chunk we do not know (first letter upper case) means we cannot read the image.
                    if (char.IsUpper(type[0]))
                    {
                        throw new InvalidImageException(Damaged);
                    }
                    break; // ancillary: text, EXIF, ICC, time, physical size... dropped
            }
        }
        if (header is null || compressed.Length == 0)
        {
            throw new InvalidImageException(Damaged);
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        int bitDepth = header[8], colorType = header[9], compression = header[10], filter = header[11], interlace = header[12];
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        var depthAllowed = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            _ => bitDepth is 8 or 16,
        };
        if (width <= 0 || height <= 0 || channels == 0 || !depthAllowed || compression != 0 || filter != 0 || interlace > 1
            || (colorType == 3 && palette is null))
        {
            throw new InvalidImageException(Damaged);
        }
        if (width > MaxSide || height > MaxSide)
        {
            // Said before inflating, so a huge picture is never decompressed.
            throw new InvalidImageException($"The logo must be at most {MaxSide} × {MaxSide} pixels; this one is {width} × {height}.");
        }

        var expected = RawSize(width, height, channels * bitDepth, interlace == 1);
        var pixels = new byte[expected];
        compressed.Position = 0;
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            try
            {
                inflate.ReadExactly(pixels);
                if (inflate.ReadByte() != -1)
                {
                    throw new InvalidImageException(Damaged);
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                throw new InvalidImageException(Damaged);
            }
        }
        var rowFilters = FilterBytesValid(pixels, width, height, channels * bitDepth, interlace == 1);
        if (!rowFilters)
        {
            throw new InvalidImageException(Damaged);
        }

        using var deflated = new MemoryStream();
        using (var deflate = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(pixels);
        }

        using var output = new MemoryStream();
        output.Write(PngSignature);
        WriteChunk(output, "IHDR", header);
        if (palette is not null)
        {
            WriteChunk(output, "PLTE", palette);
        }
        if (transparency is not null)
        {
            WriteChunk(output, "tRNS", transparency);
        }
        if (density is not null)
        {
            WriteChunk(output, "pHYs", density);
        }
        WriteChunk(output, "IDAT", deflated.ToArray());
        WriteChunk(output, "IEND", []);
        return new CleanImage(output.ToArray(), "image/png", width, height);
    }

    private static readonly (int X, int Y, int DX, int DY)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static IEnumerable<(int Width, int Height)> Passes(int width, int height, bool interlaced)
    {
        if (!interlaced)
        {
            yield return (width, height);
            yield break;
        }
        foreach (var (x, y, dx, dy) in Adam7)
        {
            var w = width > x ? (width - x + dx - 1) / dx : 0;
            var h = height > y ? (height - y + dy - 1) / dy : 0;
            if (w > 0 && h > 0)
            {
                yield return (w, h);
            }
        }
    }

    private static int RowBytes(int width, int bitsPerPixel) => (int)(((long)width * bitsPerPixel + 7) / 8);

    private static int RawSize(int width, int height, int bitsPerPixel, bool interlaced) =>
        Passes(width, height, interlaced).Sum(p => p.Height * (1 + RowBytes(p.Width, bitsPerPixel)));

    /// <summary>Every scanline starts with a filter type 0 to 4; anything else is not a PNG a reader can draw.</summary>
    private static bool FilterBytesValid(byte[] pixels, int width, int height, int bitsPerPixel, bool interlaced)
    {
        var at = 0;
        foreach (var (w, h) in Passes(width, height, interlaced))
        {
            var row = 1 + RowBytes(w, bitsPerPixel);
            for (var y = 0; y < h; y++, at += row)
            {
                if (pixels[at] > 4)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static void WriteChunk(Stream output, string type, byte[] body)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)body.Length);
        output.Write(number);
        var typed = new byte[4 + body.Length];
        Encoding.ASCII.GetBytes(type, typed);
        body.CopyTo(typed, 4);
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        output.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return c ^ 0xFFFFFFFFu;
    }

    // ---- JPEG ----

    private static CleanImage CleanJpeg(byte[] data)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        // A plain JFIF header with only the pixel density: readers (PDFsharp among them) look for it, and
        // the density sets the logo's printed size. Placeholder until the original's density is known.
        var jfifAt = output.Position;
        byte[] density = [1, 0, 72, 0, 72];
        output.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, .. density, 0x00, 0x00]);
        var position = 2;
        int width = 0, height = 0, frames = 0, scans = 0;
        while (true)
        {
            if (position + 2 > data.Length || data[position] != 0xFF)
            {
                throw new InvalidImageException(Damaged);
            }
            while (position < data.Length && data[position] == 0xFF)
            {
                position++; // fill bytes before a marker
            }
            if (position >= data.Length)
            {
                throw new InvalidImageException(Damaged);
            }
            var marker = data[position++];
            if (marker == 0xD9)
            {
                break; // end of image
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // stand-alone markers carry nothing outside a scan
            }
            if (marker is 0xD8 or 0x00 || position + 2 > data.Length)
            {
                throw new InvalidImageException(Damaged);
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position));
            if (length < 2 || position + length > data.Length)
            {
                throw new InvalidImageException(Damaged);
            }
            var segment = data.AsSpan(position - 2, length + 2); // marker and segment
            var body = data.AsSpan(position + 2, length - 2);
            position += length;
            switch (marker)
            {
                case 0xC0 or 0xC1 or 0xC2:
                    if (frames++ > 0 || body.Length < 6)
                    {
                        throw new InvalidImageException(Damaged);
                    }
                    height = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
                    width = BinaryPrimitives.ReadUInt16BigEndian(body[3..]);
                    if (width == 0 || height == 0)
                    {
                        throw new InvalidImageException(Damaged);
                    }
                    output.Write(segment);
                    break;
                case 0xC3 or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF) or 0xCC:
                    throw new InvalidImageException("This kind of JPEG (lossless or arithmetic-coded) is not supported. Save it as a normal JPEG or as PNG.");
                case 0xDB or 0xC4 or 0xDD:
                    output.Write(segment);
                    break;
                case 0xE0 when body.Length >= 12 && body.StartsWith("JFIF\0"u8) && body[7] <= 2 && body[8..12].IndexOfAnyExcept((byte)0) >= 0:
                    density = body[7..12].ToArray(); // units, horizontal and vertical density
                    break;
                case 0xEE when body.StartsWith("Adobe"u8):
                    // Says how the colours are encoded (RGB or YCbCr, CMYK); readers need it to draw the colours right.
                    output.Write(segment);
                    break;
                case 0xDA:
                    if (frames == 0)
                    {
                        throw new InvalidImageException(Damaged);
                    }
                    output.Write(segment);
                    position = CopyScan(data, position, output);
                    scans++;
                    break;
                default:
                    break; // APPn (JFIF, EXIF, XMP, ICC, Photoshop), comments: dropped
            }
        }
        if (frames != 1 || scans == 0)
        {
            throw new InvalidImageException(Damaged);
        }
        output.Write([0xFF, 0xD9]);
        var bytes = output.ToArray();
        density.CopyTo(bytes, (int)jfifAt + 11);
        return new CleanImage(bytes, "image/jpeg", width, height);
    }

    /// <summary>Copies entropy-coded data up to the next marker that is not a restart or a stuffed 0xFF.</summary>
    private static int CopyScan(byte[] data, int position, Stream output)
    {
        var start = position;
        while (position + 1 < data.Length)
        {
            if (data[position] == 0xFF && data[position + 1] != 0x00 && data[position + 1] is not (>= 0xD0 and <= 0xD7) && data[position + 1] != 0xFF)
            {
                output.Write(data.AsSpan(start, position - start));
                return position;
            }
            position++;
        }
        throw new InvalidImageException(Damaged);
    }
}
