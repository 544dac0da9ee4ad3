namespace CounselorSuite.Seed.Scale;

public sealed record SeedOptions(
    string Connection,
    int Practices,
    int Clients,
    long Answers,
    int Seed,
    string NoteKeyDirectory,
    string? OutFile,
    int Years)
{
    /// <summary>Known credentials of the benchmark accounts (the HTTP benchmark signs in with them).</summary>
    public const string Password = "bench-password-2026";
    public const string Domain = "bench.counselorsuite.test";
    public const string BenchAdmin = "bench.admin@" + Domain;
    public const string BenchCounselor = "bench.counselor@" + Domain;
    public const string BenchClient = "bench.client@" + Domain;
    public const string BenchPartner = "bench.partner@" + Domain;

    public static SeedOptions From(Dictionary<string, string> args)
    {
        var practices = (int)args.Long("practices", 100);
        var clients = (int)args.Long("clients", 50_000);
        var answers = args.Long("answers", 5_000_000);
        if (practices < 1)
        {
            throw new SeedException("--practices must be at least 1");
        }
        if (clients < practices * 2)
        {
            throw new SeedException("--clients must be at least twice --practices (every practice gets a couple at least)");
        }
        return new SeedOptions(
            args.Required("connection"), practices, clients, answers,
            (int)args.Long("seed", 42),
            args.TryGetValue("note-keys", out var keys) ? keys : Path.Combine(Path.GetTempPath(), "counselorsuite-bench-note-keys"),
            args.GetValueOrDefault("out"),
            (int)args.Long("years", 5));
    }
}
