namespace CounselorSuite.Web.Features.Handouts;

/// <summary>A logo as stored: re-written without metadata, with its pixel size.</summary>
public sealed record CleanImage(byte[] Bytes, string ContentType, int Width, int Height);

/// <summary>
/// Checks an uploaded logo by its bytes (never its name or declared type) and re-writes it keeping only
/// what draws the picture: PNG image chunks with the pixel data inflated and deflated again, JPEG tables,
/// frame and scans. Text, EXIF (camera, place, time), XMP, ICC profiles and comments are dropped, so an
/// upload cannot carry hidden data or a payload for another reader into every handout. There is no
/// managed image codec here that we may use (ImageSharp's licence rules it out), hence this small
/// re-writer rather than a full decode and encode: <see cref="PngLogo"/> and <see cref="JpegLogo"/>.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxSide = 2000;

    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(PngLogo.Signature);

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
                image = PngLogo.Clean(data);
            }
            else if (IsJpeg(data))
            {
                image = JpegLogo.Clean(data);
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

    internal const string Damaged = "The image is damaged or incomplete. Save it again as PNG or JPEG and upload that.";
}

/// <summary>What the re-writers throw; its message is shown to the admin who uploaded the file.</summary>
internal sealed class InvalidImageException(string message) : Exception(message);
