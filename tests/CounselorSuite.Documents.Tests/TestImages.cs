using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CounselorSuite.Documents.Tests;

/// <summary>Small images for the image tests, made in memory so no files are needed on disk.</summary>
public static class TestImages
{
    /// <summary>A 60 × 30 pixel JPEG (a gradient), made once with Chromium's screenshot; no JPEG encoder ships with .NET.</summary>
    public static byte[] Jpeg() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh" +
        "Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB" +
        "UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA" +
        "AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y" +
        "WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM" +
        "ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0o" +
        "OjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2Nj" +
        "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAeADwDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAwQG" +
        "/8QAFxABAQEBAAAAAAAAAAAAAAAAAAIBMf/EABcBAQADAAAAAAAAAAAAAAAAAAQDBQb/xAAVEQEBAAAAAAAAAAAAAAAAAAAAAv/a" +
        "AAwDAQACEQMRAD8Ahg0Bg0JbCg8HgEHgOyZNB4BB4DsmTQbOBg2cEsmWSg0Bg0NHakg8HgEHgOyZNB4BB4DsmTQbOBg2cEsmX//Z");

    /// <summary>An RGB PNG of the given size in a horizontal gradient, with 72 dpi set (1 pixel = 1 point).</summary>
    public static byte[] Png(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);

        var density = new byte[9];
        BinaryPrimitives.WriteInt32BigEndian(density, 2835); // 72 dpi in pixels per metre
        BinaryPrimitives.WriteInt32BigEndian(density.AsSpan(4), 2835);
        density[8] = 1;
        Chunk(output, "pHYs", density);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (int x = 0; x < width; x++)
            {
                row[1 + (x * 3)] = (byte)(x * 255 / Math.Max(1, width - 1));
                row[2 + (x * 3)] = 120;
                row[3 + (x * 3)] = 200;
            }
            for (int y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }
        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeAndData));
        output.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        return ~crc;
    }
}
