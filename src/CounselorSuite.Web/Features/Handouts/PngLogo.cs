using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using static CounselorSuite.Web.Features.Handouts.LogoImage;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// Re-writes a PNG logo with only the chunks that draw it (header, palette, transparency, print density and
/// the pixel data, inflated, checked and deflated again). Part of <see cref="LogoImage"/>.
/// </summary>
internal static class PngLogo
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The chunks kept, as read; <see cref="Compressed"/> is the IDAT chunks joined.</summary>
    private sealed record Chunks(byte[] Header, byte[]? Palette, byte[]? Transparency, byte[]? Density, MemoryStream Compressed);

    public static CleanImage Clean(byte[] data)
    {
        var chunks = ReadChunks(data);
        using var compressed = chunks.Compressed;
        var header = chunks.Header;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        var (bitsPerPixel, interlaced) = CheckHeader(header, width, height, chunks.Palette is not null);

        var pixels = new byte[RawSize(width, height, bitsPerPixel, interlaced)];
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
        if (!FilterBytesValid(pixels, width, height, bitsPerPixel, interlaced))
        {
            throw new InvalidImageException(Damaged);
        }
        return new CleanImage(Write(chunks, pixels), "image/png", width, height);
    }

    /// <summary>Walks the chunks, checking each one's CRC; keeps those that draw the picture and drops the rest.</summary>
    private static Chunks ReadChunks(byte[] data)
    {
        var position = Signature.Length;
        byte[]? header = null, palette = null, transparency = null, density = null;
        var compressed = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            var (type, length) = ChunkAt(data, position);
            var body = data.AsSpan(position + 8, length);
            position += 12 + length;
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
        return new Chunks(header, palette, transparency, density, compressed);
    }

    /// <summary>The type and length of the chunk at <paramref name="position"/>, once it is whole and its CRC is right.</summary>
    private static (string Type, int Length) ChunkAt(byte[] data, int position)
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
        var crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position + 8 + (int)length));
        if (crc != Crc32(data.AsSpan(position + 4, 4 + (int)length)))
        {
            throw new InvalidImageException(Damaged);
        }
        return (Encoding.ASCII.GetString(data, position + 4, 4), (int)length);
    }

    /// <summary>Bits per pixel and whether the image is interlaced, once the header is one we can re-write.</summary>
    private static (int BitsPerPixel, bool Interlaced) CheckHeader(byte[] header, int width, int height, bool hasPalette)
    {
        int bitDepth = header[8], colorType = header[9], compression = header[10], filter = header[11], interlace = header[12];
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        var depthAllowed = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            _ => bitDepth is 8 or 16,
        };
        if (width <= 0 || height <= 0 || channels == 0 || !depthAllowed || compression != 0 || filter != 0 || interlace > 1
            || (colorType == 3 && !hasPalette))
        {
            throw new InvalidImageException(Damaged);
        }
        if (width > MaxSide || height > MaxSide)
        {
            // Said before inflating, so a huge picture is never decompressed.
            throw new InvalidImageException($"The logo must be at most {MaxSide} × {MaxSide} pixels; this one is {width} × {height}.");
        }
        return (channels * bitDepth, interlace == 1);
    }

    private static byte[] Write(Chunks chunks, byte[] pixels)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(pixels);
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", chunks.Header);
        if (chunks.Palette is not null)
        {
            WriteChunk(output, "PLTE", chunks.Palette);
        }
        if (chunks.Transparency is not null)
        {
            WriteChunk(output, "tRNS", chunks.Transparency);
        }
        if (chunks.Density is not null)
        {
            WriteChunk(output, "pHYs", chunks.Density);
        }
        WriteChunk(output, "IDAT", deflated.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
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
}
