using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Progress;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CounselorSuite.Seed.Scale;

public sealed record SeedResult(long Answers, long BenchClientAnswers);

/// <summary>
/// Fills a migrated database with practices of very different sizes, their people, cases, sessions, notes,
/// homework, submissions, scale answers and audit records, spread over the last few years.
///
/// How rows get in: PostgreSQL refuses COPY FROM into a table with row-level security for any role that
/// RLS applies to, and our tables FORCE it even for their owner. So the COPY connection must bypass RLS:
/// a superuser or a BYPASSRLS role (checked at start). Tenancy does not rest on RLS here: every row
/// carries its practice_id, and the composite foreign keys (practice_id, ...) make PostgreSQL refuse a row
/// that points into another practice. The per-practice setup (the practice, its staff, the built-in
/// library and the check-in exercises) goes through the app's own AppDbContext and ExerciseLibrarySync,
/// with app.practice_id set by the app's interceptor as in a request.
/// </summary>
public sealed partial class Seeder(SeedOptions options, TextWriter log)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const int CasesPerBatch = 300;
    private readonly Rng _rng = new(options.Seed);
    private readonly DateTimeOffset _now = TruncateToMinute(DateTimeOffset.UtcNow);
    private DateTimeOffset Origin => _now.AddYears(-options.Years);
    private readonly ExerciseLibrary _library = ExerciseLibrary.LoadEmbedded();
    private string _passwordHash = "";
    private NoteProtector _notes = null!;
    private long _answers;
    private BenchAccounts? _bench;

    public async Task<SeedResult> RunAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(options.Connection);
        await CheckDatabaseAsync(dataSource, ct);
        _citus = await IsCitusAsync(dataSource, ct);

        // One real hash with the app's hasher, reused for every generated account: hashing 50,000 passwords
        // would cost minutes and prove nothing.
        _passwordHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = "bench" }, SeedOptions.Password);
        Directory.CreateDirectory(options.NoteKeyDirectory);
        _notes = NoteProtector.Create(new NoteKeyOptions { KeyDirectory = options.NoteKeyDirectory }, Directory.GetCurrentDirectory());

        var plans = PlanPractices();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Plan: {plans.Count} practices (largest {plans[0].Clients:N0} clients, smallest {plans[^1].Clients:N0}), {options.Clients:N0} clients, {options.Answers:N0} answers besides the benchmark client's."));

        var contexts = new List<PracticeContext>();
        foreach (var plan in plans)
        {
            contexts.Add(await SetUpPracticeAsync(plan, ct));
        }
        log.WriteLine($"Practices, staff and exercise libraries ready ({watch.Elapsed.TotalSeconds:F1} s).");

        // Generation (this process) and COPY (the server) overlap: two cores, one each.
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var context in contexts)
                {
                    foreach (var batch in GeneratePractice(context))
                    {
                        await channel.Writer.WriteAsync(batch, ct);
                    }
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);

        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            // Foreign keys are checked set-wise after the load (CheckForeignKeysAsync), not row by row: per-row
            // trigger checks were most of the load time. Needs a superuser, like COPY under RLS does anyway.
            await using (var set = new NpgsqlCommand("SET synchronous_commit = off; SET session_replication_role = replica", connection))
            {
                await set.ExecuteNonQueryAsync(ct);
            }
            var written = 0L;
            var lastReport = Stopwatch.StartNew();
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                await WriteAsync(connection, batch, _citus, ct);
                written += batch.Answers;
                if (lastReport.Elapsed > TimeSpan.FromSeconds(15))
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {written:N0} answers written ({watch.Elapsed.TotalSeconds:F0} s, {written / watch.Elapsed.TotalSeconds:N0}/s overall)"));
                    lastReport.Restart();
                }
            }
        }
        await producer;
        log.WriteLine($"Rows written ({watch.Elapsed.TotalSeconds:F1} s). Weekly roll-ups, then vacuuming and analysing...");

        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            // The load ran with triggers off (replica role), so the roll-ups the database keeps on every
            // insert are filled in one pass here, with the app's own statement.
            await using (var rollups = new NpgsqlCommand(ScaleAnswerWeeksSql.Backfill, connection) { CommandTimeout = 0 })
            {
                await rollups.ExecuteNonQueryAsync(ct);
            }
            await using (var vacuumRollups = new NpgsqlCommand("VACUUM (ANALYZE) scale_answer_weeks", connection) { CommandTimeout = 0 })
            {
                await vacuumRollups.ExecuteNonQueryAsync(ct);
            }
            // A freshly loaded table has no visibility map: without VACUUM, index-only scans (the progress
            // query's plan) would visit the heap anyway, which no long-running database does.
            foreach (var table in Tables.InOrder.Select(t => t.Name))
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync(ct);
            }
        }
        log.WriteLine($"Vacuumed and analysed ({watch.Elapsed.TotalSeconds:F1} s). Checking foreign keys...");
        await CheckForeignKeysAsync(dataSource, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await CheckIsolationAsync(connection, ct);
        }
        log.WriteLine($"Every foreign key holds ({watch.Elapsed.TotalSeconds:F1} s).");

        var result = new SeedResult(_answers, _bench!.ClientAnswers);
        if (options.OutFile is { } outFile)
        {
            await WriteOutAsync(outFile, watch.Elapsed, ct);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ checks

    private static async Task CheckDatabaseAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var role = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection))
        {
            if (await role.ExecuteScalarAsync(ct) is not true)
            {
                throw new SeedException(
                    "the connection's role must be a superuser or have BYPASSRLS: PostgreSQL refuses COPY FROM into tables with row-level security, " +
                    "and every tenant table forces it, even for its owner. Use the cluster's superuser (scripts/bench does).");
            }
        }
        await using (var migrated = new NpgsqlCommand("SELECT to_regclass('public.scale_answers') IS NOT NULL", connection))
        {
            if (await migrated.ExecuteScalarAsync(ct) is not true)
            {
                throw new SeedException("the database is not migrated (no scale_answers table): run the migrator first.");
            }
        }
        await using var seeded = new NpgsqlCommand("SELECT count(*) FROM login_names WHERE normalized_name = @name", connection);
        seeded.Parameters.AddWithValue("name", SeedOptions.BenchAdmin.ToUpperInvariant());
        if (await seeded.ExecuteScalarAsync(ct) is long n && n > 0)
        {
            throw new SeedException("this database was seeded already (the benchmark admin exists): use a fresh database.");
        }
    }

    /// <summary>
    /// Every foreign key of every table we wrote, checked with one anti-join each (what ALTER TABLE ... VALIDATE
    /// CONSTRAINT does): a generated row pointing at a missing row, or into another practice (the keys are
    /// composite, practice_id first), fails the seed.
    /// </summary>
    private static async Task CheckForeignKeysAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var checks = new List<(string Name, string Sql)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.conname, child.relname, parent.relname,
                   array_agg(ca.attname ORDER BY k.i), array_agg(pa.attname ORDER BY k.i)
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, pk, i) ON true
            JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck
            JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pk
            WHERE c.contype = 'f' AND child.relname = ANY(@tables)
            GROUP BY c.conname, child.relname, parent.relname
            """, connection))
        {
            list.Parameters.AddWithValue("tables", Tables.InOrder.Select(t => t.Name).ToArray());
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (name, child, parent) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                var childColumns = reader.GetFieldValue<string[]>(3);
                var parentColumns = reader.GetFieldValue<string[]>(4);
                var notNull = string.Join(" AND ", childColumns.Select(col => $"c.{col} IS NOT NULL"));
                var match = string.Join(" AND ", childColumns.Zip(parentColumns, (a, b) => $"p.{b} = c.{a}"));
                checks.Add((name, $"SELECT count(*) FROM {child} c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})"));
            }
        }
        foreach (var (name, sql) in checks)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            if (await command.ExecuteScalarAsync(ct) is long orphans && orphans > 0)
            {
                throw new SeedException($"foreign key {name}: {orphans} generated rows point at nothing (a bug in the generator).");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ plan

    private sealed record PracticePlan(int Index, Guid Id, string Name, int Clients, long Answers, int Counselors, DateTimeOffset CreatedAt)
    {
        public bool IsLarge => Index == 0;
    }

    /// <summary>
    /// One large practice with a third of the clients and answers; the rest share two thirds on a long-tailed
    /// (Zipf-like) curve, so the sizes run from a few large group practices down to solo counselors.
    /// </summary>
    private List<PracticePlan> PlanPractices()
    {
        var count = options.Practices;
        var large = count == 1 ? options.Clients : options.Clients / 3;
        var sizes = new List<int> { large };
        if (count > 1)
        {
            var rest = options.Clients - large;
            var weights = Enumerable.Range(1, count - 1).Select(i => 1 / Math.Pow(i, 0.9)).ToList();
            var total = weights.Sum();
            var assigned = weights.Select(w => Math.Max(2, (int)(rest * w / total))).ToList();
            assigned[0] += rest - assigned.Sum(); // rounding goes to the second-largest
            if (assigned[0] < 2)
            {
                throw new SeedException("too few clients for this many practices");
            }
            sizes.AddRange(assigned);
        }
        var plans = new List<PracticePlan>();
        var answersLeft = options.Answers;
        for (var i = 0; i < sizes.Count; i++)
        {
            var answers = i == sizes.Count - 1 ? answersLeft : (long)Math.Round(options.Answers * (double)sizes[i] / options.Clients);
            answersLeft -= answers;
            var createdAt = Origin.AddDays(-30 - _rng.Int(0, 60));
            var name = i == 0 ? "Benchmark Group Practice" : $"{Words.Places[i % Words.Places.Length]} Counseling {i}";
            plans.Add(new PracticePlan(i, _rng.NewId(createdAt), name, sizes[i], answers, Math.Max(1, (int)Math.Ceiling(sizes[i] / 120.0)), createdAt));
        }
        return plans;
    }

    // ------------------------------------------------------------------------------------------ practice setup (through the app)

    private sealed class PracticeContext
    {
        public required PracticePlan Plan { get; init; }
        public required Guid AdminId { get; init; }
        public required Guid[] CounselorIds { get; init; }
        public required ExerciseVersion CheckIn { get; init; }
        public ExerciseVersion? DailyCheckIn { get; init; }
        public required ExerciseVersion[] IndividualExercises { get; init; }
        public required ExerciseVersion[] CoupleExercises { get; init; }
        public required ExerciseVersion[] AllVersions { get; init; }
    }

    private async Task<PracticeContext> SetUpPracticeAsync(PracticePlan plan, CancellationToken ct)
    {
        var tenant = new TenantContext();
        tenant.Set(plan.Id);
        var dbOptions = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(options.Connection)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new PracticeBinding(tenant, new PendingWrites()))
            .Options;
        await using var db = new AppDbContext(dbOptions, tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Practices.Add(new Practice
        {
            Id = plan.Id, Name = plan.Name, CreatedAt = plan.CreatedAt,
            ContactLine = $"{plan.Name} · +1 555 01{plan.Index % 100:00}",
            HelpResources = "- **Emergency:** call your local emergency number.\n- **Helpline (24/7):** +1 555 0199, free and confidential.",
        });

        var admin = Staff(db, plan, plan.IsLarge ? SeedOptions.BenchAdmin : $"admin@p{plan.Index}.{SeedOptions.Domain}", "Practice Admin", Roles.PracticeAdminId);
        var counselors = Enumerable.Range(0, plan.Counselors)
            .Select(i => Staff(db, plan, plan.IsLarge && i == 0 ? SeedOptions.BenchCounselor : $"counselor{i}@p{plan.Index}.{SeedOptions.Domain}",
                Words.PersonName(_rng), Roles.CounselorId))
            .ToArray();
        await db.SaveChangesAsync(ct);

        await new ExerciseLibrarySync(db, _library, new ExerciseLibrarySyncState(), new FixedClock(plan.CreatedAt)).SyncAsync(ct);

        var checkIn = CustomExercise(db, plan, admin, "Weekly check-in", "Five quick scales on how the week went.",
            [ProgressDimension.HonestCommunication, ProgressDimension.Reliability, ProgressDimension.RespectForBoundaries,
                ProgressDimension.SharedDecisions, ProgressDimension.Safety]);
        var daily = plan.IsLarge
            ? CustomExercise(db, plan, counselors[0], "Daily check-in", "One scale for each dimension, once a day.", Enum.GetValues<ProgressDimension>())
            : null;
        await db.SaveChangesAsync(ct);
        var versions = await db.ExerciseVersions.AsNoTracking().ToArrayAsync(ct);
        await transaction.CommitAsync(ct);

        var usable = versions.Where(v => v.Prompts.Any(p => p.Kind == PromptKind.Scale) && !v.Joint && v.Id != checkIn.Id && v.Id != daily?.Id).ToArray();
        return new PracticeContext
        {
            Plan = plan, AdminId = admin, CounselorIds = counselors, CheckIn = checkIn, DailyCheckIn = daily,
            IndividualExercises = usable.Where(v => v.Suitability != ExerciseSuitability.Couple).ToArray(),
            CoupleExercises = usable.Where(v => v.Suitability != ExerciseSuitability.Individual).ToArray(),
            AllVersions = versions,
        };
    }

    private Guid Staff(AppDbContext db, PracticePlan plan, string email, string name, Guid role)
    {
        var id = _rng.NewId(plan.CreatedAt);
        db.Users.Add(new AppUser
        {
            PracticeId = plan.Id, Id = id, DisplayName = name, CreatedAt = plan.CreatedAt, UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = _passwordHash,
            SecurityStamp = _rng.Token(), ConcurrencyStamp = id.ToString(), LockoutEnabled = true,
        });
        db.LoginNames.Add(new LoginName { NormalizedName = email.ToUpperInvariant(), PracticeId = plan.Id, UserId = id });
        db.UserRoles.Add(new AppUserRole { PracticeId = plan.Id, UserId = id, RoleId = role });
        return id;
    }

    private ExerciseVersion CustomExercise(AppDbContext db, PracticePlan plan, Guid author, string title, string summary, IReadOnlyList<ProgressDimension> dimensions)
    {
        var exercise = new Exercise { PracticeId = plan.Id, Id = _rng.NewId(plan.CreatedAt), CurrentVersion = 1, CreatedAt = plan.CreatedAt, CreatedBy = author, UpdatedAt = plan.CreatedAt };
        var prompts = dimensions
            .Select(d => new ExercisePrompt
            {
                Id = _rng.NewId(plan.CreatedAt), Kind = PromptKind.Scale, Text = $"How was it with {ExerciseVocabulary.Dimensions.First(x => x.Value == d).Name.ToLowerInvariant()}?",
                Dimension = d, Min = 0, Max = 10, MinLabel = "Not at all", MaxLabel = "Completely",
            })
            .Append(new ExercisePrompt { Id = _rng.NewId(plan.CreatedAt), Kind = PromptKind.Text, Text = "Anything you want to add?" })
            .ToList();
        var content = new ExerciseContent(title, summary, ExerciseTheme.TrustSmallActs, ExerciseSuitability.Either, false, 3,
            "Answer each scale for today. There are no right answers.", [], false, false, prompts);
        var version = ExerciseVersion.Create(plan.Id, exercise.Id, 1, content, plan.CreatedAt, author);
        db.Exercises.Add(exercise);
        db.ExerciseVersions.Add(version);
        return version;
    }

    // ------------------------------------------------------------------------------------------ generation

    private sealed record CaseInfo(Guid Id, CaseKind Kind, DateTimeOffset Start, DateTimeOffset End, bool Closed, Guid[] Counselors)
    {
        public List<Guid> Clients { get; } = [];
    }

    private IEnumerable<Batch> GeneratePractice(PracticeContext p)
    {
        var plan = p.Plan;
        // Cases and their people first, so each client's share of the answers can follow how long they were in care.
        var cases = new List<CaseInfo>();
        var clientsLeft = plan.Clients;
        while (clientsLeft > 0)
        {
            var kind = clientsLeft >= 2 && _rng.Chance(1 / 3.0) ? CaseKind.Couple : CaseKind.Individual;
            var start = Origin.AddDays(_rng.Double() * (_now - Origin).TotalDays - 7);
            var months = Math.Min(48, 2 + _rng.Exponential(10));
            var end = start.AddDays(months * 30.4);
            var counselor = _rng.Pick(p.CounselorIds);
            var counselorsOfCase = p.CounselorIds.Length > 1 && _rng.Chance(0.1)
                ? new[] { counselor, _rng.Pick(p.CounselorIds.Where(c => c != counselor).ToArray()) }
                : [counselor];
            var info = new CaseInfo(_rng.NewId(start), kind, start, end, end < _now, counselorsOfCase);
            var people = kind == CaseKind.Couple ? 2 : 1;
            for (var i = 0; i < people; i++)
            {
                info.Clients.Add(_rng.NewId(start));
            }
            clientsLeft -= people;
            cases.Add(info);
        }

        var weights = cases.SelectMany(c => c.Clients.Select(client => (c, client, weight: ActiveDays(c) * Math.Exp(_rng.Normal() * 0.7)))).ToList();
        var totalWeight = weights.Sum(w => w.weight);
        var budgets = weights.ToDictionary(w => w.client, w => plan.Answers * w.weight / totalWeight);

        var batch = new Batch();
        var carry = 0.0;
        var clientNumber = 0;
        var casesInBatch = 0;
        if (plan.IsLarge)
        {
            AddBenchCase(batch, p);
        }
        foreach (var c in cases)
        {
            AddCase(batch, p, c, ref clientNumber);
            foreach (var client in c.Clients)
            {
                var budget = budgets[client] + carry;
                var produced = AddClientHomework(batch, p, c, client, budget);
                carry = budget - produced;
            }
            if (++casesInBatch == CasesPerBatch)
            {
                yield return batch;
                batch = new Batch();
                casesInBatch = 0;
            }
        }
        if (batch.Rows.Count > 0)
        {
            yield return batch;
        }
    }

    private double ActiveDays(CaseInfo c) => Math.Max(1, ((c.Closed ? c.End : _now) - c.Start).TotalDays);

    private void AddCase(Batch b, PracticeContext p, CaseInfo c, ref int clientNumber, IReadOnlyList<string>? emails = null)
    {
        var practiceId = p.Plan.Id;
        var names = new List<string>();
        for (var i = 0; i < c.Clients.Count; i++)
        {
            var client = c.Clients[i];
            var name = Words.PersonName(_rng);
            names.Add(name);
            var email = emails?[i] ?? $"client{clientNumber++}@p{p.Plan.Index}.{SeedOptions.Domain}";
            var stamp = _rng.Token();
            var timeZone = _rng.Pick(Words.TimeZones); // the person's own zone is on the account (users.time_zone)
            b.Add("users", new UserRow(practiceId, client, name, c.Start, email, _passwordHash, stamp, timeZone));
            b.Add("login_names", new LoginNameRow(email, practiceId, client));
            b.Add("user_roles", new UserRoleRow(practiceId, client, Roles.ClientId));
            b.Add("client_profiles", new ClientProfileRow(practiceId, client, _rng.Chance(0.8)));
            b.Add("case_clients", new CaseMemberRow("case_clients", practiceId, c.Id, client, c.Start));
        }
        var title = c.Kind == CaseKind.Couple
            ? $"{names[0].Split(' ')[0]} & {names[1].Split(' ')[0]} {names[0].Split(' ')[1][0]}."
            : $"{names[0].Split(' ')[0]} {names[0].Split(' ')[1][0]}.";
        var agreement = c.Kind == CaseKind.Couple ? _rng.Pick(["NoSecrets", "LimitedSecrets", "NotRecorded"]) : "NotRecorded";
        b.Add("cases", new CaseRow(practiceId, c.Id, title, c.Kind.ToString(), agreement, c.Start, c.Closed));
        foreach (var counselor in c.Counselors)
        {
            b.Add("case_counselors", new CaseMemberRow("case_counselors", practiceId, c.Id, counselor, c.Start));
        }
        AddSessions(b, p, c);
    }

    private void AddSessions(Batch b, PracticeContext p, CaseInfo c)
    {
        var practiceId = p.Plan.Id;
        var counselor = c.Counselors[0];
        var every = c.Kind == CaseKind.Couple || _rng.Chance(0.4) ? 14 : 28;
        var last = c.Closed ? c.End : _now.AddDays(28);
        var start = c.Start.Date.AddDays(2).AddHours(9 + _rng.Int(0, 8));
        for (var at = new DateTimeOffset(start, TimeSpan.Zero); at < last; at = at.AddDays(every))
        {
            var id = _rng.NewId(at.AddDays(-7));
            string status;
            string? cancelledBy = null;
            DateTimeOffset? cancelledAt = null;
            if (at > _now)
            {
                status = "Scheduled";
            }
            else
            {
                var roll = _rng.Double();
                status = roll < 0.85 ? "Attended" : roll < 0.93 ? "Cancelled" : "NoShow";
                if (status == "Cancelled")
                {
                    cancelledBy = _rng.Chance(0.7) ? "Client" : "Counselor";
                    cancelledAt = at.AddDays(-_rng.Int(1, 4));
                }
            }
            var video = _rng.Chance(0.3);
            var createdAt = at.AddDays(-7) < _now ? at.AddDays(-7) : _now;
            b.Add("sessions", new SessionRow(practiceId, id, c.Id, at, c.Kind == CaseKind.Couple ? 80 : 50, video ? null : "Room " + _rng.Int(1, 5),
                video ? "https://meet.example.test/" + id.ToString("N")[..12] : null, status, cancelledBy, cancelledAt, counselor, createdAt));
            foreach (var client in c.Clients)
            {
                b.Add("session_attendees", new AttendeeRow(practiceId, id, client));
            }
            b.Add("audit_records", new AuditRow(practiceId, _rng.NewId(createdAt), createdAt, counselor, "SessionCreated", "Session", id, c.Clients.ToArray(), Ip()));
            if (status == "Attended" && _rng.Chance(0.4))
            {
                var written = at.AddHours(2);
                var body = NoteTemplates.Serialize(new Dictionary<string, string>
                {
                    ["data"] = _rng.Pick(Words.NoteData), ["assessment"] = _rng.Pick(Words.NoteAssessment), ["plan"] = _rng.Pick(Words.NotePlan),
                });
                var noteId = _rng.NewId(written);
                b.Add("notes", new NoteRow(practiceId, noteId, c.Id, id, _notes.Protect(practiceId, body), counselor, written, written.AddMinutes(30)));
                b.Add("audit_records", new AuditRow(practiceId, _rng.NewId(written), written.AddMinutes(30), counselor, "NoteSigned", "Note", noteId, c.Clients.ToArray(), Ip()));
            }
        }
    }

    /// <summary>
    /// A client's homework worth about <paramref name="budget"/> scale answers: most of it a recurring check-in
    /// (weekly, or daily for the keenest), the rest one-off library exercises. Returns the answers made.
    /// </summary>
    private long AddClientHomework(Batch b, PracticeContext p, CaseInfo c, Guid client, double budget)
    {
        if (budget < 1)
        {
            return 0;
        }
        var trend = new Trend(_rng.Double() * 0.25 + 0.25, _rng.Double() * 0.4, c.Start, c.Closed ? c.End : _now);
        var activeStart = c.Start.AddDays(_rng.Int(1, 8));
        var activeEnd = c.Closed ? c.End : _now;
        var days = Math.Max(1, (activeEnd - activeStart).TotalDays);
        var produced = 0L;

        var checkInPrompts = p.CheckIn.Prompts.Count(x => x.Kind == PromptKind.Scale);
        const double adherence = 0.85;
        var checkIns = (int)Math.Round(budget * 0.8 / checkInPrompts / adherence);
        if (checkIns > 0)
        {
            var step = checkIns * 7 <= days ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
            checkIns = Math.Min(checkIns, (int)(days / step.TotalDays) + 1);
            produced += Series(b, p, c, client, p.CheckIn, activeStart, step, checkIns, adherence, trend, out _);
        }
        var exercises = c.Kind == CaseKind.Couple ? p.CoupleExercises : p.IndividualExercises;
        var guard = 0;
        while (produced < budget - 0.5 && exercises.Length > 0 && guard++ < 10_000)
        {
            // Library exercises are given for a few weeks at a time, like a counselor would.
            var version = _rng.Pick(exercises);
            var at = activeStart.AddDays(_rng.Double() * days);
            var weeks = Math.Clamp((int)((activeEnd - at).TotalDays / 7), 1, _rng.Int(2, 9));
            produced += Series(b, p, c, client, version, at, TimeSpan.FromDays(7), weeks, 0.9, trend, out _);
        }
        return produced;
    }

    private sealed record Trend(double Base, double Slope, DateTimeOffset From, DateTimeOffset To)
    {
        public double At(DateTimeOffset at) => Base + Slope * Math.Clamp((at - From) / (To - From + TimeSpan.FromDays(1)), 0, 1);
    }

    /// <summary>
    /// An assignment of <paramref name="version"/> to one client, recurring <paramref name="count"/> times every
    /// <paramref name="step"/> (split into assignments of at most 60, the app's limit), with its occurrences,
    /// the submissions of those done, their scale answers, some reviews and the audit trail of each.
    /// </summary>
    private long Series(Batch b, PracticeContext p, CaseInfo c, Guid client, ExerciseVersion version, DateTimeOffset first, TimeSpan step,
        int count, double adherence, Trend trend, out List<OccurrenceRow> occurrences)
    {
        var practiceId = p.Plan.Id;
        var counselor = c.Counselors[0];
        var caseEnd = c.Closed ? c.End : (DateTimeOffset?)null;
        var every = count == 1 ? null : step.TotalDays >= 7 ? "Week" : "Day";
        var produced = 0L;
        occurrences = [];
        for (var chunkStart = 0; chunkStart < count; chunkStart += HomeworkAssigning.MaxRecurrence)
        {
            var chunk = Math.Min(HomeworkAssigning.MaxRecurrence, count - chunkStart);
            var startsAt = first + step * chunkStart;
            var assignmentId = _rng.NewId(startsAt.AddHours(-1));
            var mine = new List<OccurrenceRow>();
            for (var i = 0; i < chunk; i++)
            {
                var available = startsAt + step * i;
                var due = available + step;
                var o = new OccurrenceRow
                {
                    PracticeId = practiceId, Id = _rng.NewId(startsAt.AddHours(-1)), AssignmentId = assignmentId, CaseId = c.Id, ClientId = client,
                    Sequence = i + 1, AvailableAt = available, DueAt = due, UpdatedAt = available < _now ? available : startsAt,
                };
                mine.Add(o);
                if (due > _now || (caseEnd is { } end && due > end) || !_rng.Chance(adherence))
                {
                    continue;
                }
                var late = _rng.Chance(0.1);
                var submittedAt = late ? due + TimeSpan.FromHours(_rng.Int(1, 36)) : available + step * (0.1 + 0.85 * _rng.Double());
                if (submittedAt > _now)
                {
                    submittedAt = _now.AddMinutes(-5);
                }
                produced += Submit(b, p, c, client, version, o, submittedAt, trend);
                if (submittedAt.AddDays(3) < _now && _rng.Chance(0.2))
                {
                    var reviewedAt = submittedAt.AddHours(_rng.Int(12, 72));
                    o.State = "Reviewed";
                    o.ReviewedAt = reviewedAt;
                    o.UpdatedAt = reviewedAt;
                    b.Add("homework_reviews", new ReviewRow(practiceId, _rng.NewId(reviewedAt), LastSubmissionId, counselor, _rng.Pick(Words.Reviews), reviewedAt,
                        reviewedAt.AddDays(1) < _now ? reviewedAt.AddDays(1) : null));
                }
            }
            // A closed case's assignment with items left open was cancelled when the case ended.
            var cancelled = caseEnd is { } closedAt && mine.Any(o => o.SubmittedAt is null);
            if (cancelled)
            {
                foreach (var o in mine.Where(o => o.SubmittedAt is null))
                {
                    o.State = "Cancelled";
                    o.UpdatedAt = caseEnd!.Value;
                }
            }
            b.Add("assignments", new AssignmentRow(practiceId, assignmentId, c.Id, version.ExerciseId, version.Id, [client], every, chunk, startsAt,
                startsAt + step, cancelled ? "Cancelled" : "Active", cancelled ? caseEnd : null, counselor, startsAt.AddHours(-1)));
            foreach (var o in mine)
            {
                b.Add("assignment_occurrences", o);
            }
            occurrences.AddRange(mine);
        }
        return produced;
    }

    private Guid LastSubmissionId { get; set; }

    private int Submit(Batch b, PracticeContext p, CaseInfo c, Guid client, ExerciseVersion version, OccurrenceRow o, DateTimeOffset at, Trend trend)
    {
        var answers = new List<PromptAnswer>();
        var level = trend.At(at);
        foreach (var prompt in version.Prompts)
        {
            switch (prompt.Kind)
            {
                case PromptKind.Scale:
                    var min = prompt.Min!.Value;
                    var max = prompt.Max!.Value;
                    var value = min + (int)Math.Round(Math.Clamp(level + _rng.Normal() * 0.12, 0, 1) * (max - min));
                    if (prompt.Safety?.DangerAtOrBelow is { } limit)
                    {
                        value = Math.Max(value, Math.Min(max, limit + 1)); // generated data raises no safety alerts
                    }
                    answers.Add(new PromptAnswer(prompt.Id, null, value, null));
                    break;
                case PromptKind.Text:
                    if (_rng.Chance(0.5))
                    {
                        answers.Add(new PromptAnswer(prompt.Id, _rng.Pick(Words.Answers), null, null));
                    }
                    break;
                default:
                    var choices = prompt.Choices.Where(x => prompt.Safety?.DangerAnswers?.Contains(x) != true).ToList();
                    if (choices.Count > 0)
                    {
                        answers.Add(new PromptAnswer(prompt.Id, null, null, [_rng.Pick(choices)]));
                    }
                    break;
            }
        }
        var submissionId = _rng.NewId(at);
        LastSubmissionId = submissionId;
        b.Add("homework_submissions", new SubmissionRow(p.Plan.Id, submissionId, o.Id, o.AssignmentId, c.Id, client, version.Id,
            AnswerRules.Serialize(answers), AnswerRules.Hash(o.Id, answers), AnswerRules.IsScreening(version, answers), at));
        var made = 0;
        foreach (var answer in answers.Where(a => a.Value is not null))
        {
            var prompt = version.Prompts.First(x => x.Id == answer.PromptId);
            b.Add("scale_answers", new ScaleAnswerRow(p.Plan.Id, submissionId, prompt.Id, client, c.Id, prompt.Dimension?.ToString(), answer.Value!.Value,
                prompt.Min!.Value, prompt.Max!.Value, at, version.SafetyScreening || prompt.Safety is not null));
            made++;
        }
        b.Add("audit_records", new AuditRow(p.Plan.Id, _rng.NewId(at), at, client, HomeworkAudit.Submitted, "Submission", submissionId, [client], Ip()));
        o.State = "Submitted";
        o.SubmittedAt = at;
        o.UpdatedAt = at;
        b.Answers += made;
        _answers += made;
        return made;
    }

    private string Ip() => $"198.51.100.{_rng.Int(1, 255)}";

    // ------------------------------------------------------------------------------------------ the benchmark client

    private sealed record BenchAccounts(Guid PracticeId, Guid CaseId, Guid ClientId, Guid PartnerId, Guid CounselorId, Guid[] DraftItemIds,
        Guid SubmitItemId, ExerciseVersion DraftVersion, ExerciseVersion SubmitVersion, long ClientAnswers);

    /// <summary>
    /// The couple case the HTTP benchmark signs in to: the benchmark client has answered a ten-scale daily
    /// check-in for five years (about 18,000 answers) and has open items: today's check-in and the ~60 it missed, for
    /// the draft benchmark, and the fourth week of a weekly exercise, for the submit benchmark; the partner checks in weekly.
    /// </summary>
    private void AddBenchCase(Batch b, PracticeContext p)
    {
        var start = new DateTimeOffset(_now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-365 * options.Years - 10);
        var c = new CaseInfo(_rng.NewId(start), CaseKind.Couple, start, _now.AddYears(1), false, [p.CounselorIds[0]]);
        c.Clients.Add(_rng.NewId(start));
        c.Clients.Add(_rng.NewId(start));
        var unused = 0;
        AddCase(b, p, c, ref unused, [SeedOptions.BenchClient, SeedOptions.BenchPartner]);
        var before = _answers;

        // Daily, from midnight five years ago through today (today's item open), in assignments of 60 days.
        var firstDay = new DateTimeOffset(_now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-365 * options.Years);
        var days = (int)(_now - firstDay).TotalDays + 1;
        var filled = (days + HomeworkAssigning.MaxRecurrence - 1) / HomeworkAssigning.MaxRecurrence * HomeworkAssigning.MaxRecurrence;
        var trend = new Trend(0.3, 0.45, firstDay, _now);
        Series(b, p, c, c.Clients[0], p.DailyCheckIn!, firstDay, TimeSpan.FromDays(1), filled, 0.965, trend, out var daily);
        // Today's item and the missed ones (overdue, still workable): the draft benchmark spreads its saves over
        // them, as concurrent saves of one item by one client would only measure the 409 of a lost race.
        var open = daily.Where(o => o.AvailableAt <= _now && o.SubmittedAt is null).OrderByDescending(o => o.AvailableAt).ToList();
        var clientAnswers = _answers - before;

        // A weekly exercise started three weeks ago: three done, the fourth open now.
        var weekly = p.IndividualExercises.FirstOrDefault(v => v.Title.Contains("promise", StringComparison.OrdinalIgnoreCase)) ?? p.IndividualExercises[0];
        Series(b, p, c, c.Clients[0], weekly, _now.AddDays(-21).AddHours(-1), TimeSpan.FromDays(7), 8, 1.0, trend, out var weeks);
        var openWeek = weeks.Single(o => o.AvailableAt <= _now && o.DueAt > _now);
        clientAnswers = _answers - before;

        var partnerBefore = _answers;
        Series(b, p, c, c.Clients[1], p.CheckIn, firstDay.AddDays(3), TimeSpan.FromDays(7), 52 * options.Years, 0.9, new Trend(0.4, 0.3, firstDay, _now), out _);
        // The partner's answers count towards the practice's share like anyone's.
        _ = _answers - partnerBefore;

        _bench = new BenchAccounts(p.Plan.Id, c.Id, c.Clients[0], c.Clients[1], p.CounselorIds[0], open.Select(o => o.Id).ToArray(), openWeek.Id,
            p.DailyCheckIn!, weekly, clientAnswers);
    }

    private async Task WriteOutAsync(string path, TimeSpan elapsed, CancellationToken ct)
    {
        var bench = _bench!;
        object Body(ExerciseVersion v, int seed) => new
        {
            answers = v.Prompts.Where(x => x.Kind == PromptKind.Scale)
                .Select((x, i) => new { promptId = x.Id, value = Math.Clamp(x.Min!.Value + (i + seed) % (x.Max!.Value - x.Min.Value + 1), x.Min.Value, x.Max.Value) }),
        };
        var output = new
        {
            practiceId = bench.PracticeId, caseId = bench.CaseId, clientId = bench.ClientId, partnerId = bench.PartnerId, counselorId = bench.CounselorId,
            clientEmail = SeedOptions.BenchClient, partnerEmail = SeedOptions.BenchPartner, counselorEmail = SeedOptions.BenchCounselor,
            adminEmail = SeedOptions.BenchAdmin, password = SeedOptions.Password,
            draftItemId = bench.DraftItemIds[0], draftItemIds = bench.DraftItemIds, submitItemId = bench.SubmitItemId,
            draftBody = Body(bench.DraftVersion, 3), submitBody = Body(bench.SubmitVersion, 7),
            answers = _answers, benchClientAnswers = bench.ClientAnswers,
            practices = options.Practices, clients = options.Clients, requestedAnswers = options.Answers,
            seconds = Math.Round(elapsed.TotalSeconds, 1), seededAt = _now,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(output, Indented), ct);
    }

    // ------------------------------------------------------------------------------------------ writing

    private static async Task WriteAsync(NpgsqlConnection connection, Batch batch, bool citus, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (citus)
        {
            await using var set = new NpgsqlCommand(CitusBatchSettings, connection, transaction);
            await set.ExecuteNonQueryAsync(ct);
        }
        foreach (var (name, columns) in Tables.InOrder)
        {
            if (!batch.Rows.TryGetValue(name, out var rows) || rows.Count == 0)
            {
                continue;
            }
            await using var import = await connection.BeginBinaryImportAsync($"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                import.StartRow();
                row.Write(import);
            }
            await import.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
