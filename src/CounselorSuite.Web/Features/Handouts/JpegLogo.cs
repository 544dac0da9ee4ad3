using System.Buffers.Binary;
using static CounselorSuite.Web.Features.Handouts.LogoImage;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// Re-writes a baseline or progressive JPEG logo with only its tables, frame, scans and colour transform,
/// behind a plain JFIF header that keeps the original's print density. Part of <see cref="LogoImage"/>.
/// </summary>
internal static class JpegLogo
{
    /// <summary>What the walk through the segments has found so far.</summary>
    private sealed class Found
    {
        public int Width, Height, Frames, Scans;
        public byte[] Density = [1, 0, 72, 0, 72];
    }

    public static CleanImage Clean(byte[] data)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        // A plain JFIF header with only the pixel density: readers (PDFsharp among them) look for it, and
        // the density sets the logo's printed size. Placeholder until the original's density is known.
        var jfifAt = output.Position;
        var found = new Found();
        output.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, .. found.Density, 0x00, 0x00]);
        var position = 2;
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
            var segmentAt = position - 2; // marker and segment
            position += length;
            position = Segment(data, marker, segmentAt, length, position, output, found);
        }
        if (found.Frames != 1 || found.Scans == 0)
        {
            throw new InvalidImageException(Damaged);
        }
        output.Write([0xFF, 0xD9]);
        var bytes = output.ToArray();
        found.Density.CopyTo(bytes, (int)jfifAt + 11);
        return new CleanImage(bytes, "image/jpeg", found.Width, found.Height);
    }

    /// <summary>Keeps or drops one segment; answers where reading goes on (after the scan's data for a scan).</summary>
    private static int Segment(byte[] data, byte marker, int segmentAt, int length, int position, Stream output, Found found)
    {
        var segment = data.AsSpan(segmentAt, length + 2);
        var body = data.AsSpan(segmentAt + 4, length - 2);
        switch (marker)
        {
            case 0xC0 or 0xC1 or 0xC2:
                if (found.Frames++ > 0 || body.Length < 6)
                {
                    throw new InvalidImageException(Damaged);
                }
                found.Height = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
                found.Width = BinaryPrimitives.ReadUInt16BigEndian(body[3..]);
                if (found.Width == 0 || found.Height == 0)
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
                found.Density = body[7..12].ToArray(); // units, horizontal and vertical density
                break;
            case 0xEE when body.StartsWith("Adobe"u8):
                // Says how the colours are encoded (RGB or YCbCr, CMYK); readers need it to draw the colours right.
                output.Write(segment);
                break;
            case 0xDA:
                if (found.Frames == 0)
                {
                    throw new InvalidImageException(Damaged);
                }
                output.Write(segment);
                position = CopyScan(data, position, output);
                found.Scans++;
                break;
            default:
                break; // APPn (JFIF, EXIF, XMP, ICC, Photoshop), comments: dropped
        }
        return position;
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
