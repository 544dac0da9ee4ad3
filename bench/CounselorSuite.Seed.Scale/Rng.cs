namespace CounselorSuite.Seed.Scale;

/// <summary>A seeded random source: the same arguments and seed give the same data distribution.</summary>
public sealed class Rng(int seed)
{
    private readonly Random _random = new(seed);
    private readonly byte[] _bytes = new byte[10];

    public double Double() => _random.NextDouble();

    public int Int(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>A security stamp as Identity would keep it: random, per user.</summary>
    public string Token()
    {
        Span<byte> bytes = stackalloc byte[20];
        _random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    /// <summary>
    /// A UUID version 7 for <paramref name="at"/> (RFC 9562: 48-bit Unix milliseconds, then random bits), as
    /// Guid.CreateVersion7 makes, but from the seeded source and for a time in the past.
    /// </summary>
    public Guid NewId(DateTimeOffset at)
    {
        Span<byte> b = stackalloc byte[16];
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (8 * (5 - i)));
        }
        _random.NextBytes(_bytes);
        b[6] = (byte)(0x70 | (_bytes[0] & 0x0F));
        b[7] = _bytes[1];
        b[8] = (byte)(0x80 | (_bytes[2] & 0x3F));
        _bytes.AsSpan(3, 7).CopyTo(b[9..]);
        return new Guid(b, bigEndian: true);
    }
}
