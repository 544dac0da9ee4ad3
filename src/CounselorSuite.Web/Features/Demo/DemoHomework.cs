using CounselorSuite.Web.Features.Cases;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using CounselorSuite.Web.Features.Notes;
using CounselorSuite.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Demo;

/// <summary>
/// Demo homework with months of history: the couple's weekly decision meeting (both agreed to it; Riley
/// shared one week, Quinn shares nothing) and a weekly private check-in; weekly exercises for Jordan
/// and Casey. Scale answers drift upwards with some noise, so progress has plausible series to draw.
/// Runs once per demo practice (nothing happens when it has assignments already).
/// </summary>
internal static class DemoHomework
{
    private static readonly string[] Sentences =
    [
        "We talked after dinner and it went better than last time.",
        "I noticed I kept quiet when the topic of money came up.",
        "Short week, but we kept to the plan on Sunday.",
        "It helped to write it down before we talked.",
        "I felt listened to, mostly.",
        "We postponed one item, and that was fine.",
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Assignments.AnyAsync(ct))
        {
            return;
        }
        await services.GetRequiredService<ExerciseLibrarySync>().EnsureAsync(ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var sam = await db.Users.Where(u => u.NormalizedUserName == "SAM.COUNSELOR@DEMO.COUNSELORSUITE.TEST").Select(u => u.Id).FirstAsync(ct);
        var cases = await db.Cases.Include(c => c.Clients).Where(c => c.Counselors.Any(x => x.CounselorId == sam)).ToDictionaryAsync(c => c.Title, ct);
        var versions = await db.Exercises.Where(e => e.BuiltInKey != null)
            .SelectMany(e => e.Versions.Where(v => v.Version == e.CurrentVersion).Select(v => new { e.BuiltInKey, Version = v }))
            .ToDictionaryAsync(x => x.BuiltInKey!, x => x.Version, ct);
        var random = new Random(2026);
        var seeder = new Seeder(db, db.CurrentPracticeId, sam, now, random);

        var couple = cases["Riley & Quinn P."];
        var riley = couple.Clients[0].ClientId;
        var quinn = couple.Clients[1].ClientId;
        // Week 13 is this week's (open); two more to come.
        seeder.Weekly(couple, versions["balance-shared-decision-meeting"], today.AddDays(-84).AddHours(9), weeks: 15,
            note: "Hold the meeting once a week; answer on your own afterwards.", joint: true,
            submitted: (client, week) => week <= 12 && !(client == quinn && week is 4 or 9),
            sharedBy: (client, week) => client == riley && week == 11,
            reviewed: week => week is 3 or 8 or 12);
        seeder.Weekly(couple, versions["safety-check-in"], today.AddDays(-84).AddHours(9), weeks: 13, every: 7,
            note: "A few private questions. Only Sam reads them.", joint: false,
            submitted: (_, week) => week <= 12, sharedBy: (_, _) => false, reviewed: _ => false);
        seeder.Weekly(cases["Jordan L."], versions["trust-keeping-small-promises"], today.AddDays(-56).AddHours(9), weeks: 9,
            note: null, joint: false, submitted: (_, week) => week <= 8 && week != 5, sharedBy: (_, _) => false, reviewed: week => week == 6);
        seeder.Weekly(cases["Casey M."], versions["trust-small-truths-told-kindly"], today.AddDays(-42).AddHours(9), weeks: 8,
            note: "No need to write much.", joint: false, submitted: (_, week) => week <= 6, sharedBy: (_, _) => false, reviewed: _ => false);
        await db.SaveChangesAsync(ct);
    }

    private sealed class Seeder(AppDbContext db, Guid practiceId, Guid counselor, DateTimeOffset now, Random random)
    {
        public void Weekly(Case c, ExerciseVersion version, DateTimeOffset startsAt, int weeks, string? note, bool joint,
            Func<Guid, int, bool> submitted, Func<Guid, int, bool> sharedBy, Func<int, bool> reviewed, int every = 7)
        {
            var clients = c.Clients.Select(x => x.ClientId).ToArray();
            var step = TimeSpan.FromDays(every);
            var assignment = new Assignment
            {
                PracticeId = practiceId, Id = Guid.CreateVersion7(startsAt), CaseId = c.Id, Kind = AssignmentKind.Exercise,
                ExerciseId = version.ExerciseId, ExerciseVersionId = version.Id, Joint = joint && clients.Length > 1, ClientIds = clients,
                Note = note, Every = RecurrenceEvery.Week, Count = weeks, StartsAt = startsAt, FirstDueAt = startsAt + step,
                Status = AssignmentStatus.Active, CreatedBy = counselor, CreatedAt = startsAt, UpdatedAt = startsAt,
            };
            db.Assignments.Add(assignment);
            if (assignment.Joint)
            {
                foreach (var client in clients)
                {
                    db.JointConsents.Add(new JointConsent { PracticeId = practiceId, AssignmentId = assignment.Id, ClientId = client, Decision = JointDecision.Agreed, DecidedAt = startsAt.AddHours(2) });
                }
            }
            for (var week = 1; week <= weeks; week++)
            {
                var availableAt = week == 1 ? startsAt : startsAt + step * (week - 1);
                var dueAt = startsAt + step * week;
                foreach (var client in clients)
                {
                    var occurrence = new Occurrence
                    {
                        PracticeId = practiceId, Id = Guid.CreateVersion7(availableAt), AssignmentId = assignment.Id, CaseId = c.Id, ClientId = client,
                        Sequence = week, AvailableAt = availableAt, DueAt = dueAt, State = OccurrenceState.Assigned, UpdatedAt = availableAt,
                    };
                    assignment.Occurrences.Add(occurrence);
                    if (!submitted(client, week) || availableAt > now)
                    {
                        continue;
                    }
                    // Mostly on time, now and then a day late.
                    var at = dueAt.AddHours(-random.Next(2, 60)).AddMinutes(random.Next(60)).AddDays(random.Next(8) == 0 ? 1.5 : 0);
                    if (at > now)
                    {
                        at = now.AddMinutes(-random.Next(30, 600));
                    }
                    var submission = Submit(c, version, occurrence, at, (week - 1) / (double)Math.Max(weeks - 1, 1));
                    if (sharedBy(client, week) && !submission.Screening)
                    {
                        db.Shares.Add(new Share { PracticeId = practiceId, Id = Guid.CreateVersion7(at), SubmissionId = submission.Id, SharedAt = at.AddMinutes(5) });
                    }
                    if (reviewed(week) && at.AddDays(1) < now)
                    {
                        db.Reviews.Add(new Review
                        {
                            PracticeId = practiceId, Id = Guid.CreateVersion7(at.AddDays(1)), SubmissionId = submission.Id, ReviewerId = counselor,
                            Comment = "Thank you for writing this down. Let's pick it up in our next session.", At = at.AddDays(1), SeenAt = at.AddDays(2),
                        });
                        occurrence.State = OccurrenceState.Reviewed;
                        occurrence.ReviewedAt = at.AddDays(1);
                    }
                }
            }
        }

        /// <summary>The client's answers to one occurrence, <paramref name="progress"/> of the way from worst to best.</summary>
        private Submission Submit(Case c, ExerciseVersion version, Occurrence occurrence, DateTimeOffset at, double progress)
        {
            var client = occurrence.ClientId;
            var assignment = occurrence.AssignmentId;
            var answers = Answers(version, progress, client.GetHashCode());
            var submission = new Submission
            {
                PracticeId = practiceId, Id = Guid.CreateVersion7(at), OccurrenceId = occurrence.Id, AssignmentId = assignment,
                CaseId = c.Id, ClientId = client, ExerciseVersionId = version.Id, Answers = AnswerRules.Serialize(answers),
                AnswersHash = AnswerRules.Hash(occurrence.Id, answers), Screening = AnswerRules.IsScreening(version, answers), SubmittedAt = at,
            };
            db.Submissions.Add(submission);
            foreach (var answer in answers.Where(a => a.Value is not null))
            {
                var prompt = version.Prompts.First(p => p.Id == answer.PromptId);
                db.ScaleAnswers.Add(new ScaleAnswer
                {
                    PracticeId = practiceId, SubmissionId = submission.Id, PromptId = prompt.Id, ClientId = client, CaseId = c.Id,
                    Dimension = prompt.Dimension, RawValue = answer.Value!.Value, Min = prompt.Min!.Value, Max = prompt.Max!.Value,
                    AnsweredAt = at, Screening = version.SafetyScreening || prompt.Safety is not null,
                });
            }
            occurrence.State = OccurrenceState.Submitted;
            occurrence.SubmittedAt = at;
            occurrence.UpdatedAt = at;
            return submission;
        }

        /// <summary>Plausible answers: scales rise over the weeks with noise, safety answers are always safe.</summary>
        private List<PromptAnswer> Answers(ExerciseVersion version, double progress, int person)
        {
            var lean = (person & 1) == 0 ? 0.08 : -0.05; // partners see things a little differently
            var answers = new List<PromptAnswer>();
            foreach (var prompt in version.Prompts)
            {
                switch (prompt.Kind)
                {
                    case PromptKind.Scale:
                        var share = Math.Clamp(0.35 + 0.4 * progress + lean + (random.NextDouble() - 0.5) * 0.2, 0, 1);
                        var value = (int)Math.Round(prompt.Min!.Value + share * (prompt.Max!.Value - prompt.Min.Value));
                        if (prompt.Safety?.DangerAtOrBelow is { } limit)
                        {
                            value = Math.Max(value, Math.Min(limit + 4, prompt.Max.Value));
                        }
                        answers.Add(new PromptAnswer(prompt.Id, null, value, null));
                        break;
                    case PromptKind.Text:
                        if (random.Next(3) > 0 && prompt.Safety is null && !version.SafetyScreening)
                        {
                            answers.Add(new PromptAnswer(prompt.Id, Sentences[random.Next(Sentences.Length)], null, null));
                        }
                        break;
                    default:
                        var safe = prompt.Choices.Where(c => prompt.Safety?.DangerAnswers?.Contains(c) != true).ToList();
                        var picked = prompt.Kind == PromptKind.Checklist
                            ? safe.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList()
                            : [safe[prompt.Kind == PromptKind.YesNo ? 0 : random.Next(safe.Count)]];
                        answers.Add(new PromptAnswer(prompt.Id, null, null, prompt.Choices.Where(picked.Contains).ToList()));
                        break;
                }
            }
            return answers;
        }
    }
}
