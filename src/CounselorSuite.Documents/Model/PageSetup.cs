using System.Globalization;

namespace CounselorSuite.Documents.Model;

/// <summary>The paper a handout is printed on.</summary>
public enum PaperSize
{
    /// <summary>210 × 297 mm.</summary>
    A4,

    /// <summary>8.5 × 11 in.</summary>
    Letter,
}

/// <summary>Space left blank around the text, in points (1/72 in). Header and footer sit inside the top and bottom margins.</summary>
public sealed record Margins(double Top, double Right, double Bottom, double Left)
{
    /// <summary>2 cm on every side.</summary>
    public static Margins Default { get; } = Uniform(56.7);

    public static Margins Uniform(double points) => new(points, points, points, points);
}

/// <summary>A colour given as red, green and blue.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>A calm teal that prints well in colour and in grey.</summary>
    public static RgbColor DefaultAccent { get; } = new(0x2A, 0x6F, 0x86);

    /// <summary>Reads <c>#RRGGBB</c> or <c>RRGGBB</c>.</summary>
    public static RgbColor Parse(string hex)
    {
        string digits = hex.StartsWith('#') ? hex[1..] : hex;
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB.");
        }
        return new RgbColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}

/// <summary>Paper, margins, colours and the running header and footer of a handout.</summary>
public sealed record PageSetup
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    public Margins Margins { get; init; } = Margins.Default;

    /// <summary>Colour of level-1 headings, note rules and scale circles.</summary>
    public RgbColor Accent { get; init; } = RgbColor.DefaultAccent;

    /// <summary>Text at the top left of every page, e.g. the practice's name.</summary>
    public string? HeaderText { get; init; }

    /// <summary>Text at the bottom left of every page; "Page X of Y" is always at the bottom right.</summary>
    public string? FooterText { get; init; }
}
